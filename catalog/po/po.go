// Package po writes a catalogue's texts as a gettext PO file for
// translators (Poedit, Weblate, OmegaT, Lokalize read it): one entry per
// text, msgctxt its place ("offer.x.title"), msgid the source-language
// text, msgstr the translation; a translation made from an earlier source
// text is marked fuzzy, as gettext marks a changed msgid.
package po

import (
	"fmt"
	"io"
	"strings"

	"wegweiser/catalog"
	"wegweiser/catalog/source"
)

// Write writes the texts of c in lang as a PO file. st is the source's
// translation status (which source text each translation was made from).
func Write(w io.Writer, c *catalog.Content, lang string, st source.State) error {
	src := c.Meta.SourceLanguage
	var b strings.Builder
	fmt.Fprintf(&b, "# Wegweiser catalogue %s: texts in %s, translated from %s.\n", c.Meta.ID, lang, src)
	b.WriteString("# msgctxt names where a text stands; fuzzy marks a translation made from an earlier text.\n")
	b.WriteString("msgid \"\"\nmsgstr \"\"\n")
	for _, h := range []string{
		"Project-Id-Version: " + c.Meta.ID,
		"Language: " + lang,
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=UTF-8",
		"Content-Transfer-Encoding: 8bit",
		"X-Source-Language: " + src,
	} {
		fmt.Fprintf(&b, "%s\n", quote(h+"\n"))
	}
	for _, p := range catalog.Places(c) {
		text := p.Text[src]
		if text == "" {
			continue
		}
		b.WriteString("\n")
		if p.Required {
			b.WriteString("#. required\n")
		}
		if source.TextState(p, lang, src, st) == source.Outdated {
			b.WriteString("#, fuzzy\n")
		}
		fmt.Fprintf(&b, "msgctxt %s\n", quote(p.Key))
		fmt.Fprintf(&b, "msgid %s\n", multiline(text))
		fmt.Fprintf(&b, "msgstr %s\n", multiline(p.Text[lang]))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// quote writes s as one PO string.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`, "\r", `\r`)
	return `"` + r.Replace(s) + `"`
}

// multiline writes s as PO strings, one per line of the text, as gettext
// tools write them ("" first when there is more than one line).
func multiline(s string) string {
	if !strings.Contains(strings.TrimSuffix(s, "\n"), "\n") {
		return quote(s)
	}
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	b.WriteString(`""`)
	for _, l := range lines {
		if l != "" {
			b.WriteString("\n" + quote(l))
		}
	}
	return b.String()
}
