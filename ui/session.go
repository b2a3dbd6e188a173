package ui

import (
	"wegweiser/catalog"
	"wegweiser/translations"
)

// session is everything one visitor did; a new visitor gets a new one.
type session struct {
	lang       string
	str        *translations.Strings
	view       catalog.View
	rtl        bool
	large      bool   // larger text
	speechNote string // which fallback languages the read-aloud uses, shown under the title
	listened   bool   // the visitor used the read-aloud: the idle prompt is read too
	myLanguage bool   // lists show only offers with advice in the visitor's language
	contrast   bool   // high contrast
	sheet      []string
	query      string // what the visitor typed into search

	keyboardHidden bool // the search screen's keyboard is put away

	withGerman  bool   // print the list in German too
	printing    bool   // a printout is under way
	printStatus string // what the last printout did, for the visitor

	// Looked up once per language: every screen's header needs them.
	categories   []catalog.CategoryTile
	districtName string
}

func newSession(c *catalog.Catalog, lang string) *session {
	s := &session{}
	s.setLanguage(c, lang)
	return s
}

func (s *session) setLanguage(c *catalog.Catalog, lang string) {
	s.lang = lang
	s.str = translations.For(lang)
	s.view = c.In(lang)
	s.rtl = catalog.IsRightToLeft(lang)
	s.categories, s.districtName = nil, ""
}

// onSheet reports whether an offer is on the visitor's list.
func (s *session) onSheet(id string) bool {
	for _, o := range s.sheet {
		if o == id {
			return true
		}
	}
	return false
}

// toggleSheet adds an offer to the list or takes it off.
func (s *session) toggleSheet(id string) {
	for i, o := range s.sheet {
		if o == id {
			s.sheet = append(s.sheet[:i], s.sheet[i+1:]...)
			return
		}
	}
	s.sheet = append(s.sheet, id)
}
