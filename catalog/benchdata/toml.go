package benchdata

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/source"
)

// tomlFile writes one TOML file of the source folder. Texts are written in
// the catalogue's language order: a plain string when only the source
// language has one, else an inline table.
type tomlFile struct {
	f     *os.File
	w     *bufio.Writer
	langs []string
}

func createTOML(path string, langs []*lexicon) (*tomlFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	t := &tomlFile{f: f, w: bufio.NewWriterSize(f, 1<<16)}
	for _, lx := range langs {
		t.langs = append(t.langs, lx.code)
	}
	return t, nil
}

// close flushes and closes the file; bufio remembers the first write error.
func (t *tomlFile) close() error {
	err := t.w.Flush()
	if cerr := t.f.Close(); err == nil {
		err = cerr
	}
	return err
}

func (t *tomlFile) comment(s string) { fmt.Fprintf(t.w, "# %s\n", s) }

// table starts an element of an array of tables: [[name]].
func (t *tomlFile) table(name string) { fmt.Fprintf(t.w, "\n[[%s]]\n", name) }

// subTable starts a standard table: [name].
func (t *tomlFile) subTable(name string) { fmt.Fprintf(t.w, "[%s]\n", name) }

func (t *tomlFile) str(key, v string) { fmt.Fprintf(t.w, "%s = %s\n", key, source.TOMLString(v)) }

func (t *tomlFile) int(key string, n int) { fmt.Fprintf(t.w, "%s = %d\n", key, n) }

func (t *tomlFile) date(key string, d time.Time) {
	fmt.Fprintf(t.w, "%s = %s\n", key, d.Format("2006-01-02"))
}

func (t *tomlFile) dateTime(key string, d time.Time) {
	fmt.Fprintf(t.w, "%s = %s\n", key, d.Format("2006-01-02T15:04:05"))
}

func (t *tomlFile) list(key string, vs []string) {
	quoted := make([]string, len(vs))
	for i, v := range vs {
		quoted[i] = source.TOMLString(v)
	}
	fmt.Fprintf(t.w, "%s = [%s]\n", key, strings.Join(quoted, ", "))
}

// text writes a localized text on one line.
func (t *tomlFile) text(key string, text catalog.Text) {
	if len(text) == 1 && text["de"] != "" {
		t.str(key, text["de"])
		return
	}
	var parts []string
	for _, l := range t.langs {
		if s, ok := text[l]; ok {
			parts = append(parts, l+" = "+source.TOMLString(s))
		}
	}
	fmt.Fprintf(t.w, "%s = { %s }\n", key, strings.Join(parts, ", "))
}

// longText writes a localized long text as multi-line strings: in place
// when only the source language has it, else as the standard table
// [table.key], which must come after the table's other keys.
func (t *tomlFile) longText(table, key string, text catalog.Text) {
	if len(text) == 1 && text["de"] != "" {
		fmt.Fprintf(t.w, "%s = %s\n", key, source.TOMLString(text["de"]))
		return
	}
	t.subTable(table + "." + key)
	for _, l := range t.langs {
		if s, ok := text[l]; ok {
			fmt.Fprintf(t.w, "%s = %s\n", l, source.TOMLString(s))
		}
	}
}

// slug turns a German phrase into an id: lower case, umlauts spelled out,
// everything else but letters and digits a hyphen, at most limit bytes.
func slug(s string, limit int) string {
	s = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "ae", "Ö", "oe", "Ü", "ue").Replace(s)
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimRight(b.String(), "-")
	if len(out) > limit {
		out = strings.TrimRight(out[:limit], "-")
	}
	return out
}
