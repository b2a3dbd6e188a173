package importcsv

import (
	"sort"
	"strings"
)

// Target is what the rows are checked against: the catalogue's languages
// (from catalog.toml) and the ids that the rest of the source folder
// defines.
type Target struct {
	SourceLanguage string
	Languages      []string // the catalogue's languages; the Text columns' suffixes
	Categories     []string // category ids of categories.toml
	Districts      []string // district ids of districts.toml ("00" is always allowed)
	Offers         []string // offer ids of the other offer files, which rows may not reuse
}

// target is a Target prepared for look-ups.
type target struct {
	sourceLang string
	languages  []string
	langLower  map[string]string // lower-case code → code as the catalogue writes it
	categories map[string]bool
	districts  map[string]bool
	offers     map[string]bool
}

func newTarget(t Target) *target {
	tt := &target{sourceLang: t.SourceLanguage, languages: t.Languages, langLower: map[string]string{},
		categories: set(t.Categories), districts: set(t.Districts), offers: set(t.Offers)}
	for _, l := range t.Languages {
		tt.langLower[strings.ToLower(l)] = l
	}
	tt.districts["00"] = true
	return tt
}

func set(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
