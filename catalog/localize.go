package catalog

// Localized is a text as shown to a visitor: in their language, or in the
// first fallback language that has it (then Fallback is true and Lang says
// which).
type Localized struct {
	Text     string
	Lang     string
	Fallback bool
	// Outdated: a translation made from an earlier source text (the
	// source's translation status); the kiosk marks it, as a fallback.
	Outdated bool
}

// View is a catalogue seen in one visitor language.
type View struct {
	c     *Catalog
	Lang  string
	chain []string // Lang, then the catalogue's fallback languages, then its source language
}

// In returns the catalogue as seen in lang.
func (c *Catalog) In(lang string) View {
	chain := []string{lang}
	for _, l := range append(append([]string{}, c.info.Fallback...), c.info.SourceLanguage) {
		if !contains(chain, l) {
			chain = append(chain, l)
		}
	}
	return View{c: c, Lang: lang, chain: chain}
}

// Catalog is the catalogue behind the view.
func (v View) Catalog() *Catalog { return v.c }

// Resolve picks the text to show from t through the fallback chain.
func (v View) Resolve(t Text) Localized {
	for i, l := range v.chain {
		if s := t[l]; s != "" {
			return Localized{Text: s, Lang: l, Fallback: i > 0}
		}
	}
	return Localized{}
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// resolveAt is Resolve for the text field of the item with key owner,
// marking an outdated translation.
func (v View) resolveAt(owner int64, field string, t Text) Localized {
	l := v.Resolve(t)
	if l.Text != "" && v.c.outdated[outdatedKey{owner, field, l.Lang}] {
		l.Outdated = true
	}
	return l
}
