package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// Place is one text of a catalogue, named by where it stands:
// "offer.iq-fachstelle.title", "brochure.x.section.2.body". Translators'
// files (PO, the translation status) name texts so.
type Place struct {
	Key      string
	Text     Text
	Required bool
}

// Places lists every text of the content, in catalogue order.
func Places(c *Content) []Place {
	var out []Place
	add := func(key string, t Text, required bool) {
		out = append(out, Place{Key: key, Text: t, Required: required})
	}
	add("catalog.title", c.Meta.Title, true)
	for _, d := range c.Districts {
		add("district."+d.ID+".name", d.Name, true)
	}
	for _, cat := range c.Categories {
		add("category."+cat.ID+".name", cat.Name, true)
		add("category."+cat.ID+".description", cat.Description, false)
	}
	for _, o := range c.Offers {
		p := "offer." + o.ID + "."
		add(p+"title", o.Title, true)
		add(p+"provider", o.Provider, true)
		add(p+"summary", o.Summary, true)
		add(p+"description", o.Description, false)
		add(p+"audience", o.Audience, false)
		add(p+"cost", o.Cost, false)
		for i, ct := range o.Contacts {
			cp := p + "contact." + strconv.Itoa(i+1) + "."
			add(cp+"label", ct.Label, false)
			add(cp+"hours_note", ct.HoursNote, false)
		}
	}
	for _, e := range c.Events {
		p := "event." + e.ID + "."
		add(p+"title", e.Title, true)
		add(p+"summary", e.Summary, true)
		add(p+"place", e.Place, true)
		add(p+"description", e.Description, false)
	}
	for _, b := range c.Brochures {
		p := "brochure." + b.ID + "."
		add(p+"title", b.Title, true)
		for i, s := range b.Sections {
			sp := p + "section." + strconv.Itoa(i+1) + "."
			add(sp+"heading", s.Heading, true)
			add(sp+"body", s.Body, true)
		}
	}
	return out
}

// TextHash is what a source's translation status records of the source
// text a translation was made from: 12 hex digits of its SHA-256.
func TextHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])[:12]
}

// outdatedKey names one translation in a compiled catalogue.
type outdatedKey struct {
	owner       int64
	field, lang string
}

// outdatedPlaces are the translations of c made from an earlier source
// text, by place and language ("offer.x.title\x00ar").
func outdatedPlaces(c *Content) map[string]bool {
	out := map[string]bool{}
	src := c.Meta.SourceLanguage
	for _, p := range Places(c) {
		for lang, text := range p.Text {
			if lang == src || text == "" {
				continue
			}
			if h := c.State[lang][p.Key]; h != "" && h != TextHash(p.Text[src]) {
				out[p.Key+"\x00"+lang] = true
			}
		}
	}
	return out
}

// parseOutdated reads the meta value "outdated": lines "owner field lang".
func parseOutdated(s string) map[outdatedKey]bool {
	out := map[outdatedKey]bool{}
	for _, line := range strings.Split(s, "\n") {
		f := strings.Fields(line)
		if len(f) != 3 {
			continue
		}
		if owner, err := strconv.ParseInt(f[0], 10, 64); err == nil {
			out[outdatedKey{owner, f[1], f[2]}] = true
		}
	}
	return out
}
