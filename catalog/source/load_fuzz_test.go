package source

import (
	"sort"
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds arbitrary text to the loader as an offers file: it must
// never panic, and what it reports must be sorted and carry lines.
func FuzzLoad(f *testing.F) {
	f.Add("[[offer]]\nid = \"o\"\ntitle = \"O\"\nprovider = \"P\"\ncategories = [\"c\"]\nareas = [\"00\"]\nsummary = \"S\"\n")
	f.Add("[[offer]]\n[[offer.contact]]\nhours = \"Mo-Fr 09:00-17:00\"\n")
	f.Fuzz(func(t *testing.T, text string) {
		fsys := minimal(nil)
		fsys["offers/o.toml"] = &fstest.MapFile{Data: []byte(text)}
		_, problems := Load(fsys)
		if !sort.SliceIsSorted(problems, func(i, j int) bool {
			if problems[i].Path != problems[j].Path {
				return problems[i].Path < problems[j].Path
			}
			return problems[i].Line < problems[j].Line
		}) {
			t.Fatalf("problems not sorted: %v", problems)
		}
		for _, p := range problems {
			if p.Line < 1 || p.Message == "" {
				t.Fatalf("problem without line or message: %+v", p)
			}
		}
		// The line scanner must not panic on any text that parses.
		indexLines(text)
	})
}
