package importcsv

import (
	"fmt"
	"sort"
	"testing"
	"testing/fstest"

	"wegweiser/catalog/source"
)

// fuzzFolder is a minimal source folder; fuzzTarget is what it defines.
var (
	fuzzFolder = fstest.MapFS{
		"catalog.toml":    {Data: []byte("format = 1\nid = \"f\"\nsource_language = \"de\"\nlanguages = [\"de\", \"en\", \"ar\", \"pt-BR\"]\ntitle = \"F\"\npublisher = \"P\"\n")},
		"districts.toml":  {Data: []byte("[[district]]\nid = \"03\"\nname = \"N\"\n\n[[district]]\nid = \"03255\"\nname = \"H\"\n")},
		"categories.toml": {Data: []byte("[[category]]\nid = \"founding-advice\"\nname = \"G\"\n\n[[category]]\nid = \"financing\"\nname = \"F\"\n")},
	}
	fuzzTarget = Target{SourceLanguage: "de", Languages: []string{"de", "en", "ar", "pt-BR"},
		Categories: []string{"founding-advice", "financing"}, Districts: []string{"03", "03255"}}
)

// FuzzImport converts arbitrary bytes. It must not panic; its problems
// must carry a row and be in row order; its output must stay in proportion
// to its input; and whenever it reports no error, catalog/source must load
// the file it wrote without an error and read back the very same offers.
// Seeds: testdata/fuzz/FuzzImport.
func FuzzImport(f *testing.F) {
	f.Add([]byte("title,provider,categories,areas,summary\nA,B,financing,00,S\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res := Convert("f.csv", data, fuzzTarget)
		if !sort.SliceIsSorted(res.Problems, func(i, j int) bool { return res.Problems[i].Line < res.Problems[j].Line }) {
			t.Fatalf("problems not in row order: %v", res.Problems)
		}
		size := 0
		for _, p := range res.Problems {
			if p.Line < 1 || p.Message == "" || p.File != "f.csv" {
				t.Fatalf("problem without row or message: %+v", p)
			}
			size += len(p.Message)
		}
		if limit := 100*len(data) + 4096; size > limit || len(res.TOML) > limit {
			t.Fatalf("%d bytes in gave %d bytes of problems and %d of TOML", len(data), size, len(res.TOML))
		}
		if res.Problems.Errors() > 0 {
			if res.TOML != nil || res.Offers != nil {
				t.Fatal("output despite errors")
			}
			return
		}
		fsys := fstest.MapFS{"offers/imported-f.toml": {Data: res.TOML}}
		for k, v := range fuzzFolder {
			fsys[k] = v
		}
		content, problems := source.Load(fsys)
		if problems.Errors() > 0 {
			t.Fatalf("converted without error, but catalog check says:\n%v\n%s", problems, res.TOML)
		}
		if got, want := fmt.Sprint(content.Offers), fmt.Sprint(res.Offers); got != want {
			t.Fatalf("read back\n%s\nwant\n%s\nfrom\n%s", got, want, res.TOML)
		}
		for i, p := range problems { // warnings must map to a row that holds an offer
			if row := res.RowOfLine(p.Line); row < 2 {
				t.Fatalf("warning %d (%v) maps to row %d", i, p, row)
			}
		}
	})
}
