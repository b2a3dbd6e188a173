package source

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"wegweiser/catalog"
)

// Issue 14: translations are written into the TOML files where the texts
// stand, in each of the forms the format allows, keeping the rest of the
// files as they were.
func TestWriteTranslationsInPlace(t *testing.T) {
	fsys := withFiles(t, nil)
	ts := []Translation{
		{Place: "offer.iq-fachstelle.title", Lang: "uk", Text: "Інформаційна платформа"},                      // table form: a new line
		{Place: "offer.iq-fachstelle.title", Lang: "ar", Text: "منصة \"نؤسس في ألمانيا\""},                    // table form: replaced
		{Place: "offer.gruendungsberatung-holzminden.title", Lang: "uk", Text: "Консультації в Гольцміндені"}, // inline: added
		{Place: "offer.gruendungsberatung-holzminden.summary", Lang: "uk", Text: "Нова консультація."},        // inline: replaced
		{Place: "offer.iq-fachstelle.provider", Lang: "ar", Text: "مركز IQ"},                                  // plain text: becomes a table
		{Place: "offer.iq-fachstelle.description", Lang: "uk", Text: "Перший абзац.\n\n- пункт один"},         // after a multi-line text
		{Place: "offer.gruendungsberatung-holzminden.contact.1.hours_note", Lang: "uk", Text: "за домовленістю"},
	}
	files, err := WriteTranslations(fsys, ts)
	if err != nil {
		t.Fatal(err)
	}
	m := fsys.(fstest.MapFS)
	for f, b := range files {
		before := strings.Split(string(m[f].Data), "\n")
		after := strings.Split(string(b), "\n")
		// Every line of the file is still there but the ones that held a replaced text.
		kept := 0
		for _, l := range before {
			if strings.Contains(string(b), l) {
				kept++
			}
		}
		if kept < len(before)-3 || len(after) < len(before) {
			t.Errorf("%s: only %d of %d lines kept:\n%s", f, kept, len(before), b)
		}
		m[f] = &fstest.MapFile{Data: b}
	}
	content, problems := Load(m)
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	texts := map[string]catalog.Text{}
	for _, p := range catalog.Places(content) {
		texts[p.Key] = p.Text
	}
	for _, tr := range ts {
		if got := texts[tr.Place][tr.Lang]; got != strings.TrimSpace(tr.Text) {
			t.Errorf("%s %s = %q, want %q", tr.Place, tr.Lang, got, tr.Text)
		}
	}
	if texts["offer.iq-fachstelle.provider"]["de"] != "IQ Fachstelle Migrantenökonomie" || texts["offer.iq-fachstelle.title"]["en"] == "" {
		t.Errorf("other texts changed: %v %v", texts["offer.iq-fachstelle.provider"], texts["offer.iq-fachstelle.title"])
	}
	// An unknown place: nothing written, the line named.
	if _, err := WriteTranslations(withFiles(t, nil), []Translation{{Place: "offer.nope.title", Lang: "ar", Text: "x", Line: 12}}); err == nil || !strings.Contains(err.Error(), "line 12") {
		t.Errorf("unknown place: %v", err)
	}
	_ = os.DevNull
}
