package source

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
)

func TestCheckNesting(t *testing.T) {
	for text, wantLine := range map[string]int{
		"a = [[1, 2], [3]]\nb = { c = { d = 1 } }\n":                          0,
		"a = \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\n":                   0, // in a string
		"# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n":                    0, // in a comment
		"a = '''\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n'''\n":              0,
		"x = 1\ny = " + strings.Repeat("[", 40) + "\n":                        2,
		"y = " + strings.Repeat("{ a = ", 40) + "1" + strings.Repeat("}", 40): 1,
	} {
		line, err := CheckNesting(text)
		if line != wantLine || (err != nil) != (wantLine > 0) {
			t.Errorf("%q: line %d, %v; want line %d", text[:min(len(text), 30)], line, err, wantLine)
		}
	}
}

// sync-threats 29 and the hardening issue's item 9: 200,000 "[" in an
// offers file ran the decoder out of memory (13.7 GB). It is reported at
// its line, with little memory.
func TestDeeplyNestedSourceIsRefusedCheaply(t *testing.T) {
	valid, err := os.ReadDir("testdata/valid")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	err = filepath.WalkDir("testdata/valid", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		fsys[strings.TrimPrefix(filepath.ToSlash(p), "testdata/valid/")] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil || len(valid) == 0 {
		t.Fatal(err)
	}
	fsys["offers/deep.toml"] = &fstest.MapFile{Data: []byte("[[offer]]\nid = " + strings.Repeat("[", 200000) + "\n")}
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	_, problems := Load(fsys)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	found := false
	for _, p := range problems {
		if p.Path == "offers/deep.toml" && p.Line == 2 && strings.Contains(p.Message, "nested more than") {
			found = true
		}
	}
	if !found {
		t.Errorf("the nesting is not reported at offers/deep.toml:2: %v", problems)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 200<<20 {
		t.Errorf("loading took %d MB", grew>>20)
	}
}
