package source

import (
	"fmt"
	"strconv"
	"time"

	"wegweiser/catalog"
)

func (l *loader) catalogFile() {
	f, m := l.parse("catalog.toml", true)
	if f == nil {
		return
	}
	t := newTable(&l.checker, f, "", "catalog.toml", m,
		"format", "id", "source_language", "languages", "fallback", "title", "publisher", "sample", "recheck_after")
	meta := &l.content.Meta

	if n, ok := t.integer("format", true); ok && n != 1 {
		t.errorf("format", "format %d is not supported; this version of Wegweiser reads format 1", n)
	}
	meta.Format = 1
	meta.ID = t.str("id", true)
	checkID(t, "id", meta.ID)

	meta.Languages = t.list("languages", true)
	valid := map[string]bool{}
	for i, lang := range meta.Languages {
		at := "languages[" + itoa(i) + "]"
		switch {
		case !catalog.ValidLanguageCode(lang):
			t.errorf(at, "'%s' is not a language code such as de, ar, prs or pt-BR", lang)
		case valid[lang]:
			t.errorf(at, "language '%s' is listed twice", lang)
		default:
			valid[lang] = true
		}
	}
	if len(valid) > 0 {
		l.languages = valid
	}

	meta.SourceLanguage = t.str("source_language", true)
	switch {
	case meta.SourceLanguage == "":
	case !catalog.ValidLanguageCode(meta.SourceLanguage):
		t.errorf("source_language", "'%s' is not a language code such as de or en", meta.SourceLanguage)
	case len(valid) > 0 && !valid[meta.SourceLanguage]:
		t.errorf("source_language", "source language '%s' must also be listed in 'languages'", meta.SourceLanguage)
	}
	l.sourceLang = meta.SourceLanguage

	if _, given := m["fallback"]; given {
		meta.Fallback = t.list("fallback", false)
		for i, lang := range meta.Fallback {
			if !valid[lang] {
				t.warnf("fallback["+itoa(i)+"]", "fallback language '%s' is not one of the catalogue's languages, so it never has a text", lang)
			}
		}
	} else {
		meta.Fallback = []string{"en", meta.SourceLanguage}
	}
	meta.Title = t.text("title", true)
	l.locate("catalog.", t, "title")
	meta.Publisher = t.str("publisher", true)
	meta.Sample = t.boolean("sample")
	if v := t.str("recheck_after", false); v != "" {
		d, err := parseDays(v)
		if err != nil {
			t.errorf("recheck_after", "recheck_after '%s' %v", v, err)
		}
		meta.RecheckAfter = d
	}
}

// parseDays reads a period of whole days or weeks: "365d", "52w".
func parseDays(s string) (time.Duration, error) {
	unit := map[byte]time.Duration{'d': 24 * time.Hour, 'w': 7 * 24 * time.Hour}[s[len(s)-1]]
	n, err := strconv.Atoi(s[:len(s)-1])
	if unit == 0 || err != nil || n < 1 || n > 3650 {
		return 0, fmt.Errorf("must be a number of days or weeks, such as 365d or 52w")
	}
	return time.Duration(n) * unit, nil
}
