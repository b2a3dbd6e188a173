package theme

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"

	"wegweiser/assets"
	"wegweiser/catalog"
	"wegweiser/catalog/source"
)

// Every character of every interface string and every sample-catalogue text
// must be in a font the kiosk embeds: a kiosk may have no fonts of its own.
func TestEmbeddedFontsCoverAllText(t *testing.T) {
	covered := func(r rune) bool {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) { // spaces and invisible direction marks
			return true
		}
		return Covers(latinRegular, r) || Covers(arabicRegular, r) || Covers(ethiopicRegular, r)
	}
	check := func(where, s string) {
		for _, r := range s {
			if !covered(r) {
				t.Errorf("%s: %q (U+%04X) is in no embedded font: %q", where, r, r, s)
				return
			}
		}
	}

	// Interface strings.
	entries, err := os.ReadDir("../../translations")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		data, err := os.ReadFile("../../translations/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		for key, v := range m {
			switch v := v.(type) {
			case string:
				check(e.Name()+" "+key, v)
			case map[string]any:
				for _, s := range v {
					check(e.Name()+" "+key, s.(string))
				}
			}
		}
	}

	// The sample catalogue, every text in every language.
	content, problems := source.Load(assets.SampleSource())
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	texts := []catalog.Text{content.Meta.Title}
	for _, d := range content.Districts {
		texts = append(texts, d.Name)
	}
	for _, c := range content.Categories {
		texts = append(texts, c.Name, c.Description)
	}
	for _, o := range content.Offers {
		texts = append(texts, o.Title, o.Provider, o.Summary, o.Description, o.Audience, o.Cost)
		for _, c := range o.Contacts {
			texts = append(texts, c.Label, c.HoursNote, catalog.Text{"": c.Address + c.Phone + c.Email})
		}
	}
	for _, b := range content.Brochures {
		texts = append(texts, b.Title)
		for _, s := range b.Sections {
			texts = append(texts, s.Heading, s.Body)
		}
	}
	for _, tx := range texts {
		for lang, s := range tx {
			check("sample "+lang, s)
		}
	}
	// Language names on the menu.
	for _, lang := range content.Meta.Languages {
		check("language name", catalog.NativeName(lang))
	}
}

func TestCoversKnowsTheFonts(t *testing.T) {
	if !Covers(arabicRegular, 'ع') || Covers(arabicRegular, 'ት') || !Covers(ethiopicRegular, 'ት') {
		t.Error("coverage does not tell the scripts apart")
	}
}
