package catalog_test

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/source"
)

// compiled compiles the loader's valid test folder once per test.
func compiled(t testing.TB) *catalog.Catalog {
	t.Helper()
	content, problems := source.Load(os.DirFS("source/testdata/valid"))
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	return compileContent(t, content, catalog.BuildInfo{Version: 42, Built: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)})
}

// compileContent compiles content into a temporary file and opens it for
// the test.
func compileContent(t testing.TB, content *catalog.Content, info catalog.BuildInfo) *catalog.Catalog {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c.sqlite")
	if err := catalog.Compile(content, path, info); err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

var today = time.Date(2026, 11, 21, 10, 0, 0, 0, catalog.Berlin)

func TestInfo(t *testing.T) {
	info := compiled(t).Info()
	if info.ID != "suedniedersachsen" || info.Version != 42 || info.Offers != 5 || info.Districts != 3 || info.Events != 1 || info.Brochures != 1 {
		t.Errorf("info = %+v", info)
	}
	if !info.Built.Equal(time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)) || info.Title["en"] == "" {
		t.Errorf("built %v title %v", info.Built, info.Title)
	}
	if len(info.Coverage) != 4 || info.Coverage[0].Lang != "de" || info.Coverage[0].RequiredDone != info.Coverage[0].RequiredTotal {
		t.Errorf("coverage = %+v", info.Coverage)
	}
}

func TestOpenRefusesOtherFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.sqlite")
	if err := os.WriteFile(path, []byte("not a database at all, just text"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := catalog.Open(path); err == nil {
		t.Error("a text file opened as a catalogue")
	}
}

func TestCategoriesCountWhatTheDistrictSees(t *testing.T) {
	c := compiled(t)
	tiles, err := c.In("en").Categories("03255", today)
	if err != nil {
		t.Fatal(err)
	}
	// Holzminden sees: iq-fachstelle (00), gruendungsberatung-holzminden (03255),
	// niedersachsen-weit (03); not cloppenburg-only, not the expired programme.
	got := map[string]int{}
	for _, tile := range tiles {
		got[tile.ID] = tile.Offers
	}
	if got["founding-advice"] != 2 || got["financing"] != 2 {
		t.Errorf("counts = %v, want founding-advice 2, financing 2", got)
	}
	if tiles[0].Name.Text != "Start-up advice" || tiles[0].Name.Fallback || tiles[0].Icon != "advice" {
		t.Errorf("first tile = %+v", tiles[0])
	}
	// Description only in German: shown in the fallback chain (en, de), marked.
	if d := tiles[0].Description; d.Lang != "de" || !d.Fallback {
		t.Errorf("description = %+v, want German fallback", d)
	}
}

func TestOffersByAreaAndValidity(t *testing.T) {
	c := compiled(t)
	ids := func(district, category string, now time.Time) string {
		offers, err := c.In("de").Offers(district, category, now)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, o := range offers {
			out = append(out, o.ID)
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct {
		district, category string
		now                time.Time
		want               string
	}{
		{"03255", "", today, "iq-fachstelle gruendungsberatung-holzminden niedersachsen-weit"},
		{"03453", "", today, "iq-fachstelle niedersachsen-weit cloppenburg-only"},
		{"03255001", "financing", today, "gruendungsberatung-holzminden niedersachsen-weit"}, // a Gemeinde sees its Kreis
		{"06636", "", today, "iq-fachstelle"},
		{"03255", "financing", time.Date(2022, 6, 1, 12, 0, 0, 0, catalog.Berlin), "expired-programme gruendungsberatung-holzminden niedersachsen-weit"},
		{"03255", "", time.Date(2018, 6, 1, 12, 0, 0, 0, catalog.Berlin), "gruendungsberatung-holzminden niedersachsen-weit"}, // before valid_from
		{"", "", today, "iq-fachstelle gruendungsberatung-holzminden niedersachsen-weit cloppenburg-only"},
	} {
		if got := ids(tc.district, tc.category, tc.now); got != tc.want {
			t.Errorf("Offers(%q, %q, %s) = %q, want %q", tc.district, tc.category, tc.now.Format("2006-01-02"), got, tc.want)
		}
	}
}

func TestOffersNearestFirst(t *testing.T) {
	c := compiled(t)
	for _, tc := range []struct{ district, want string }{
		// Holzminden's own, then Lower Saxony's, then the nationwide one.
		{"03255", "gruendungsberatung-holzminden niedersachsen-weit iq-fachstelle"},
		{"03453", "cloppenburg-only niedersachsen-weit iq-fachstelle"},
		{"03255001", "gruendungsberatung-holzminden niedersachsen-weit iq-fachstelle"},
	} {
		offers, err := c.In("de").OffersNearestFirst(tc.district, "", today)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, o := range offers {
			got = append(got, o.ID)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("OffersNearestFirst(%q) = %q, want %q", tc.district, strings.Join(got, " "), tc.want)
		}
	}
}

func TestOfferInFullWithFallbacks(t *testing.T) {
	c := compiled(t)
	o, err := c.In("ar").Offer("iq-fachstelle")
	if err != nil {
		t.Fatal(err)
	}
	if o.Title.Lang != "ar" || o.Title.Fallback || !strings.Contains(o.Title.Text, "IQ") {
		t.Errorf("title = %+v", o.Title)
	}
	if o.Summary.Lang != "en" || !o.Summary.Fallback {
		t.Errorf("summary = %+v, want the English fallback", o.Summary)
	}
	if o.Description.Lang != "de" || !strings.HasPrefix(o.Description.Text, "Erster Absatz.") {
		t.Errorf("description = %+v", o.Description)
	}
	if strings.Join(o.Languages, " ") != "de en tr" || o.Website != "https://www.wir-gruenden-in-deutschland.de" || len(o.Tags) != 2 {
		t.Errorf("offer = %+v", o)
	}
	if len(o.Contacts) != 1 || o.Contacts[0].Phone != "+49 355 355486919" || o.Contacts[0].Label.Text != "Service line" {
		t.Errorf("contacts = %+v", o.Contacts)
	}
	if _, err := c.In("de").Offer("no-such-offer"); err != catalog.ErrNotFound {
		t.Errorf("unknown offer: err = %v", err)
	}
}

func TestEventsAndBrochures(t *testing.T) {
	c := compiled(t)
	v := c.In("en")
	events, err := v.Events("03255", "", today)
	if err != nil || len(events) != 1 || events[0].Title.Text != "Information evening on founding" || events[0].Start.Hour() != 18 {
		t.Fatalf("events = %+v, %v", events, err)
	}
	after := time.Date(2027, 2, 10, 20, 30, 0, 0, catalog.Berlin)
	if events, _ := v.Events("03255", "", after); len(events) != 0 {
		t.Errorf("an event that has ended is still listed: %+v", events)
	}
	if events, _ := v.Events("03453", "", today); len(events) != 0 {
		t.Errorf("Cloppenburg sees Holzminden's event")
	}
	brochures, err := v.Brochures("03255")
	if err != nil || len(brochures) != 1 {
		t.Fatalf("brochures = %+v, %v", brochures, err)
	}
	b, err := v.Brochure(brochures[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Sections) != 2 || b.Sections[0].Heading.Text != "First steps" || b.Sections[1].Heading.Lang != "de" ||
		strings.Join(b.Sections[0].Offers, ",") != "gruendungsberatung-holzminden" || b.Sections[0].Image != "media/pixel.png" {
		t.Errorf("brochure = %+v", b)
	}
	if img, err := c.Media(b.Sections[0].Image); err != nil || len(img) < 8 {
		t.Errorf("media: %d bytes, %v", len(img), err)
	}
}

func TestSearch(t *testing.T) {
	c := compiled(t)
	f := catalog.Filter{District: "03255", Now: today}
	for _, tc := range []struct {
		lang, query string
		want        string // "id/lang ..." of the hits, best first
	}{
		// diacritics folded, and parts of compound words found
		{"de", "grundung", "gruendungsberatung-holzminden/de iq-fachstelle/de"},
		{"de", "Existenzgründung", "gruendungsberatung-holzminden/de iq-fachstelle/de"},
		// titles rank above summaries
		{"de", "beratung", "gruendungsberatung-holzminden/de infoabend-holzminden-2027-02/de"},
		// prefix while typing: two letters match the start of title words
		{"de", "Fö", "niedersachsen-weit/de"},
		// other scripts
		{"ar", "لتأسيس", "iq-fachstelle/ar"},
		{"uk", "консультац", "gruendungsberatung-holzminden/en"},
		// nothing in the visitor's language: the source language answers, titles shown in the visitor's language
		{"en", "kostenlos", "gruendungsberatung-holzminden/en"},
		// offers of other districts are not found
		{"de", "cloppenburg", ""},
		{"de", "   ", ""},
	} {
		hits, err := c.In(tc.lang).Search(tc.query, f)
		if err != nil {
			t.Fatalf("%s %q: %v", tc.lang, tc.query, err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.ID+"/"+h.Title.Lang)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("Search(%s, %q) = %q, want %q", tc.lang, tc.query, strings.Join(got, " "), tc.want)
		}
	}
}

// A search prepared for (as the kiosk does while it waits for a visitor)
// finds what an unprepared one finds.
func TestPrepareSearch(t *testing.T) {
	f := catalog.Filter{District: "03255", Now: today}
	prepared := compiled(t)
	if err := prepared.In("uk").PrepareSearch("03255"); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"консультац", "kostenlos", "Fö"} {
		a, err1 := prepared.In("uk").Search(q, f)
		b, err2 := compiled(t).In("uk").Search(q, f)
		if err1 != nil || err2 != nil || len(a) == 0 || fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("%q: prepared %v %v, unprepared %v %v", q, a, err1, b, err2)
		}
	}
}

func TestListInCatalogueOrder(t *testing.T) {
	hits, err := compiled(t).In("en").List(catalog.Filter{District: "03255", Now: today})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, string(h.Kind)+":"+h.ID)
	}
	want := "offer:iq-fachstelle offer:gruendungsberatung-holzminden offer:niedersachsen-weit event:infoabend-holzminden-2027-02 brochure:gruenden-im-landkreis-holzminden"
	if strings.Join(got, " ") != want {
		t.Errorf("List = %q, want %q", strings.Join(got, " "), want)
	}
}

// A catalogue the kiosk cannot show (no language, a source language it
// does not offer, no district, no id) does not open, even when it is signed:
// the kiosk then keeps or falls back to another.
func TestOpenRefusesCatalogueItCannotShow(t *testing.T) {
	content, problems := source.Load(os.DirFS("source/testdata/valid"))
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	for what, change := range map[string]string{
		"no language":     `UPDATE meta SET value = '' WHERE key = 'languages'`,
		"source language": `UPDATE meta SET value = 'xx' WHERE key = 'source_language'`,
		"no district":     `DELETE FROM district`,
		"no id":           `UPDATE meta SET value = '' WHERE key = 'catalog_id'`,
		"unchanged":       `SELECT 1`, // the control: opens
	} {
		path := filepath.Join(t.TempDir(), "c.sqlite")
		if err := catalog.Compile(content, path, catalog.BuildInfo{Version: 1, Built: today}); err != nil {
			t.Fatal(err)
		}
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(change); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		db.Close()
		c, err := catalog.Open(path)
		if err == nil {
			c.Close()
		}
		if (err == nil) != (what == "unchanged") {
			t.Errorf("%s: opening gave %v", what, err)
		}
	}
}

// Issue 11 item 12: a reset could close the catalogue while a printout still
// read it. A held catalogue stays open through Close until released.
func TestHeldCatalogueOutlivesClose(t *testing.T) {
	c := compiled(t)
	release := c.Hold()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.In("de").Districts(); err != nil {
		t.Fatalf("a held catalogue was closed: %v", err)
	}
	release()
	release() // a second call does nothing
	if _, err := c.In("de").Districts(); err == nil {
		t.Error("the catalogue stayed open after the last release")
	}
}
