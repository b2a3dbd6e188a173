package catalog_test

import (
	"strings"
	"testing"
	"time"

	"wegweiser/catalog"
)

func hitIDs(t *testing.T, v catalog.View, query string, f catalog.Filter) string {
	t.Helper()
	hits, err := v.Search(query, f)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	return strings.Join(ids, " ")
}

func TestSearchByCategoryAndTime(t *testing.T) {
	v := compiled(t).In("de")
	f := catalog.Filter{District: "03255", Now: today}
	if got := hitIDs(t, v, "beratung", catalog.Filter{District: "03255", Category: "financing", Now: today}); got != "gruendungsberatung-holzminden" {
		t.Errorf("category financing: %q", got)
	}
	if got := hitIDs(t, v, "abend", f); got != "infoabend-holzminden-2027-02" {
		t.Errorf("before the event: %q", got)
	}
	f.Now = time.Date(2027, 2, 10, 20, 0, 1, 0, catalog.Berlin)
	if got := hitIDs(t, v, "abend", f); got != "" {
		t.Errorf("after the event: %q", got)
	}
	// Search sees the offers that Offers lists, also on another day.
	f.Now = time.Date(2022, 6, 1, 12, 0, 0, 0, catalog.Berlin)
	if got := hitIDs(t, v, "beendetes", f); got != "expired-programme" {
		t.Errorf("in 2022: %q", got)
	}
	f.Now = today
	if got := hitIDs(t, v, "beendetes", f); got != "" {
		t.Errorf("today: %q", got)
	}
}

func TestSearchAreas(t *testing.T) {
	text := func(s string) catalog.Text { return catalog.Text{"de": s} }
	offer := func(id string, areas ...string) catalog.Offer {
		return catalog.Offer{ID: id, Title: text("Gründungsberatung " + id), Provider: text("Amt"), Summary: text("Beratung"),
			Categories: []string{"advice"}, Areas: areas}
	}
	content := &catalog.Content{
		Meta: catalog.Meta{Format: 1, ID: "areas", SourceLanguage: "de", Languages: []string{"de", "en"},
			Fallback: []string{"en", "de"}, Title: text("Test"), Publisher: "Test"},
		Districts: []catalog.District{{ID: "03", Name: text("Niedersachsen")}, {ID: "03255", Name: text("Holzminden")},
			{ID: "03256", Name: text("Nienburg")}, {ID: "03257", Name: text("Schaumburg")}, {ID: "05", Name: text("NRW")}},
		Categories: []catalog.Category{{ID: "advice", Name: text("Beratung")}},
		Offers: []catalog.Offer{offer("two-kreise", "03255", "03256"), offer("land", "03"), offer("everywhere", "00"),
			offer("nrw", "05"), offer("kreis-and-land", "03257", "05")},
	}
	c := compileContent(t, content, catalog.BuildInfo{Version: 1, Built: today})
	for _, tc := range []struct{ district, want string }{
		{"03255", "land two-kreise everywhere"},
		{"03255001", "land two-kreise everywhere"},
		{"03257", "land everywhere kreis-and-land"},
		{"05", "nrw everywhere kreis-and-land"},
		{"", "nrw land two-kreise everywhere kreis-and-land"},
	} {
		// Every title matches: the shorter first, then in catalogue order.
		if got := hitIDs(t, c.In("en"), "gründungsberatung", catalog.Filter{District: tc.district, Now: today}); got != tc.want {
			t.Errorf("district %q: %q, want %q", tc.district, got, tc.want)
		}
	}
}

// The trigram indexes hold each word of a document once, in its best part;
// a word repeated in a later part, or inside a longer word there, is still
// found.
func TestSearchWordsInSeveralParts(t *testing.T) {
	text := func(s string) catalog.Text { return catalog.Text{"de": s} }
	content := &catalog.Content{
		Meta: catalog.Meta{Format: 1, ID: "parts", SourceLanguage: "de", Languages: []string{"de"},
			Fallback: []string{"de"}, Title: text("Test"), Publisher: "Test"},
		Districts:  []catalog.District{{ID: "03", Name: text("Niedersachsen")}},
		Categories: []catalog.Category{{ID: "advice", Name: text("Beratung")}},
		Offers: []catalog.Offer{
			{ID: "a", Title: text("Beratung"), Provider: text("Amt"), Summary: text("Beratung und Kredit"),
				Description: text("Beratung, Kredit und Existenzgründungsberatung."), Categories: []string{"advice"}, Areas: []string{"00"}},
			{ID: "b", Title: text("Kurse"), Provider: text("Amt"), Summary: text("Ein Kredit"),
				Categories: []string{"advice"}, Areas: []string{"00"}},
		},
	}
	c := compileContent(t, content, catalog.BuildInfo{Version: 1, Built: today})
	f := catalog.Filter{District: "03", Now: today}
	for _, tc := range []struct{ query, want string }{
		{"beratung", "a"},
		{"gründungsberatung", "a"},
		{"kredit", "b a"}, // both in the summary: the shorter first
		{"kredit beratung", "a"},
		{"kurse kredit", "b"},
	} {
		if got := hitIDs(t, c.In("de"), tc.query, f); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.query, got, tc.want)
		}
	}
}
