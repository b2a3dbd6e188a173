package benchdata_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"wegweiser/catalog/benchdata"
	"wegweiser/catalog/source"
)

func TestSmallFolderLoadsWithoutProblems(t *testing.T) {
	dir := t.TempDir()
	p := benchdata.Small()
	if err := benchdata.Generate(dir, p); err != nil {
		t.Fatal(err)
	}
	content, problems := source.Load(os.DirFS(dir))
	if len(problems) > 0 {
		t.Fatalf("%d problems, first ones:\n%v", len(problems), problems[:min(len(problems), 20)])
	}
	if len(content.Offers) != p.Offers || len(content.Events) != p.Events || len(content.Brochures) != p.Brochures {
		t.Errorf("%d offers, %d events, %d brochures; want %d, %d, %d",
			len(content.Offers), len(content.Events), len(content.Brochures), p.Offers, p.Events, p.Brochures)
	}
	if len(content.Districts) < 16+p.Kreise || len(content.Meta.Languages) != p.Languages {
		t.Errorf("%d districts, languages %v", len(content.Districts), content.Meta.Languages)
	}
	areas := map[int]int{} // length of the area id → offers
	translated := 0
	for _, o := range content.Offers {
		areas[len(o.Areas[0])]++
		if len(o.Title) > 1 {
			translated++
		}
	}
	if areas[2] == 0 || areas[5] == 0 {
		t.Errorf("offers by area id length: %v; want nationwide or Land (2) and Kreis (5)", areas)
	}
	if translated == 0 || translated == len(content.Offers) {
		t.Errorf("%d of %d offers translated; want some", translated, len(content.Offers))
	}
}

func TestSameParamsSameFolder(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	p := benchdata.Small()
	p.Offers = 30
	for _, dir := range []string{a, b} {
		if err := benchdata.Generate(dir, p); err != nil {
			t.Fatal(err)
		}
	}
	err := filepath.WalkDir(a, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, path)
		x, _ := os.ReadFile(path)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
