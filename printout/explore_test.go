package printout

import (
	"os"
	"path/filepath"
	"testing"
)

// TestExplore writes sheets and brochures in every language to the folder
// PRINT_OUT names, for a person to look at.
func TestExplore(t *testing.T) {
	out := os.Getenv("PRINT_OUT")
	if out == "" {
		t.Skip("PRINT_OUT not set")
	}
	c := richCatalog(t)
	ids := tenOffers(t, c)[:4]
	for _, lang := range []string{"de", "en", "ar", "fa", "uk", "ti", "tr"} {
		for _, wg := range []bool{false, true} {
			name := lang
			if wg {
				name += "-de"
			}
			o := Options{Lang: lang, WithGerman: wg, District: "03255", Now: testTime}
			f, err := os.Create(filepath.Join(out, "sheet-"+name+".pdf"))
			if err != nil {
				t.Fatal(err)
			}
			if err := Sheet(f, c, ids, o); err != nil {
				t.Error(err)
			}
			f.Close()
			f, err = os.Create(filepath.Join(out, "brochure-"+name+".pdf"))
			if err != nil {
				t.Fatal(err)
			}
			if err := Brochure(f, c, "zehn-abschnitte", o); err != nil {
				t.Error(err)
			}
			f.Close()
		}
	}
}

// TestDocsPrintouts writes the sample catalogue's contact sheets (de, ar,
// ti, with German) to the folder PRINT_DOCS names, for docs/printouts.
func TestDocsPrintouts(t *testing.T) {
	out := os.Getenv("PRINT_DOCS")
	if out == "" {
		t.Skip("PRINT_DOCS not set")
	}
	c := sample(t)
	for _, lang := range []string{"de", "ar", "ti", "fa", "uk"} {
		f, err := os.Create(filepath.Join(out, "sheet-"+lang+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		if err := Sheet(f, c, sampleOffers, Options{Lang: lang, WithGerman: lang != "de", District: "03255", Now: testTime}); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	f, err := os.Create(filepath.Join(out, "brochure-ar.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if err := Brochure(f, c, "gruenden-im-landkreis-holzminden", Options{Lang: "ar", District: "03255", Now: testTime}); err != nil {
		t.Fatal(err)
	}
	f.Close()
}
