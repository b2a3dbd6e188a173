package source

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"wegweiser/catalog"
)

// StatusFile, at the top of a source folder, records for each translated
// text which version of the source-language text it was translated from:
//
//	# Written by wegweiser catalog translations mark|import.
//	[ar]
//	"offer.iq-fachstelle.title" = "3f2a9c1b0d4e"
//
// A table per language; each key is a text's place (catalog.Places), each
// value the first 12 hex digits of the SHA-256 of the source text the
// translation was made from. The TOML files of the texts stay as they are,
// so hand edits stay easy; the tools keep this file.
const StatusFile = "translation-status.toml"

// State is the content of StatusFile: language → place → hash.
type State map[string]map[string]string

// SourceHash is what StatusFile records of a source text.
func SourceHash(text string) string { return catalog.TextHash(text) }

// Translation states of one text in one language.
const (
	UpToDate  = "up to date" // translated from the source text as it is now
	Outdated  = "outdated"   // the source text changed since
	Missing   = "missing"    // no translation
	Untracked = "untracked"  // translated, but the status file does not say from what
)

// LangStatus counts the texts of one language by their state.
type LangStatus struct {
	Lang                                   string
	UpToDate, Outdated, Missing, Untracked int
}

// TextState is the state of a place's text in lang.
func TextState(p catalog.Place, lang, sourceLang string, st State) string {
	src := p.Text[sourceLang]
	switch {
	case p.Text[lang] == "":
		return Missing
	case st[lang][p.Key] == "":
		return Untracked
	case st[lang][p.Key] != SourceHash(src):
		return Outdated
	}
	return UpToDate
}

// Status counts, for each language but the source language, its texts by
// state. Optional texts that exist in no language are left out.
func Status(c *catalog.Content, st State) []LangStatus {
	var out []LangStatus
	places := catalog.Places(c)
	for _, lang := range c.Meta.Languages {
		if lang == c.Meta.SourceLanguage {
			continue
		}
		ls := LangStatus{Lang: lang}
		for _, p := range places {
			if p.Text[c.Meta.SourceLanguage] == "" {
				continue // nothing to translate from
			}
			switch TextState(p, lang, c.Meta.SourceLanguage, st) {
			case UpToDate:
				ls.UpToDate++
			case Outdated:
				ls.Outdated++
			case Missing:
				ls.Missing++
			case Untracked:
				ls.Untracked++
			}
		}
		out = append(out, ls)
	}
	return out
}

// readState reads StatusFile; a missing file is an empty state.
func (l *loader) readState() State {
	b, err := readLimited(l.fsys, StatusFile, 16<<20)
	if err != nil {
		return State{}
	}
	if line, err := CheckNesting(string(b)); err != nil {
		l.report(Error, StatusFile, line, "%v", err)
		return State{}
	}
	st := State{}
	if _, err := toml.Decode(string(b), &st); err != nil {
		l.report(Error, StatusFile, 1, "cannot be read as the translation status: %v", err)
		return State{}
	}
	l.stateText = string(b)
	return st
}

// checkTranslations warns about every translation made from an earlier
// source text, on the status file's line of that text.
func (l *loader) checkTranslations() {
	st := l.readState()
	l.content.State = st
	if len(st) == 0 {
		return
	}
	src := l.content.Meta.SourceLanguage
	for _, p := range catalog.Places(l.content) {
		for _, lang := range l.content.Meta.Languages {
			if lang != src && TextState(p, lang, src, st) == Outdated {
				l.report(Warning, StatusFile, lineOfKey(l.stateText, lang, p.Key),
					"the %s translation of %s was made from an earlier %s text: please check it", lang, p.Key, src)
			}
		}
	}
}

// lineOfKey finds the line of a key in the table of lang.
func lineOfKey(text, lang, key string) int {
	inTable := false
	for i, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[") {
			inTable = t == "["+lang+"]" || t == "[\""+lang+"\"]"
			continue
		}
		if inTable && (strings.HasPrefix(t, "\""+key+"\"") || strings.HasPrefix(t, key+" ")) {
			return i + 1
		}
	}
	return 1
}

// Marked returns the state with every present translation into lang
// recorded as made from the current source text (a translator checked
// them all), others of lang forgotten.
func Marked(c *catalog.Content, st State, lang string) State {
	out := State{}
	for l, m := range st {
		if l != lang {
			out[l] = m
		}
	}
	m := map[string]string{}
	for _, p := range catalog.Places(c) {
		if p.Text[lang] != "" && p.Text[c.Meta.SourceLanguage] != "" {
			m[p.Key] = SourceHash(p.Text[c.Meta.SourceLanguage])
		}
	}
	out[lang] = m
	return out
}

// Format writes a state as StatusFile's text, languages and keys sorted.
func Format(st State) string {
	var b strings.Builder
	b.WriteString("# Which source text each translation was made from (the first 12 hex digits of its\n")
	b.WriteString("# SHA-256). Written by `wegweiser catalog translations mark` and `... import`.\n")
	langs := make([]string, 0, len(st))
	for l := range st {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	for _, l := range langs {
		fmt.Fprintf(&b, "\n[%s]\n", l)
		keys := make([]string, 0, len(st[l]))
		for k := range st[l] {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "%q = %q\n", k, st[l][k])
		}
	}
	return b.String()
}
