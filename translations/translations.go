// Package translations holds the kiosk's interface strings, one go-i18n JSON
// file per language, and gives each visitor session its own localizer: Fyne's
// lang package picks one language per process, a kiosk switches per visitor.
package translations

import (
	"embed"
	"encoding/json"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"wegweiser/catalog/hours"
)

//go:embed *.json
var files embed.FS

var loadBundle = sync.OnceValue(func() *i18n.Bundle {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	entries, err := files.ReadDir(".")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		if _, err := b.LoadMessageFileFS(files, e.Name()); err != nil {
			panic("translations: " + e.Name() + ": " + err.Error()) // caught by the package's tests
		}
	}
	return b
})

// Languages lists the languages that have interface strings.
func Languages() []string {
	entries, _ := files.ReadDir(".")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), path.Ext(e.Name())))
	}
	sort.Strings(out)
	return out
}

// Strings are the interface strings in one language, with English for any
// language that has none.
type Strings struct {
	Lang string
	loc  *i18n.Localizer
}

// For returns the strings for a visitor language.
func For(lang string) *Strings {
	return &Strings{Lang: lang, loc: i18n.NewLocalizer(loadBundle(), lang, "en")}
}

// T returns a string; data fills its {{.Name}} placeholders.
func (s *Strings) T(id string, data ...map[string]any) string {
	cfg := &i18n.LocalizeConfig{MessageID: id}
	if len(data) > 0 {
		cfg.TemplateData = data[0]
	}
	return s.localize(cfg)
}

// N returns the plural form of a string for count; {{.Count}} is filled,
// in the language's digits (Arabic-Indic in Arabic, as in its dates).
func (s *Strings) N(id string, count int) string {
	return s.localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count,
		TemplateData: map[string]any{"Count": hours.Digits(s.Lang, strconv.Itoa(count))}})
}

func (s *Strings) localize(cfg *i18n.LocalizeConfig) string {
	out, err := s.loc.Localize(cfg)
	if err != nil && out == "" {
		return cfg.MessageID // visible, and caught by the tests that compare key sets
	}
	return out
}
