package stats

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func open(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stats.sqlite")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func export(t *testing.T, s *Store) [][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.ExportCSV(&buf, afterAll); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("export is not CSV: %v", err)
	}
	return rows
}

func count(t *testing.T, s *Store, day time.Time, kind Kind, item, lang string, n int) {
	t.Helper()
	for range n {
		if err := s.Count(day, kind, item, lang); err != nil {
			t.Fatal(err)
		}
	}
}

var noon = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// afterAll is a day when every day of the tests is closed.
var afterAll = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)

func TestExportShowsNoSmallCount(t *testing.T) {
	s, _ := open(t)
	for n := 1; n <= 6; n++ {
		count(t, s, noon, Offer, "offer-"+string(rune('0'+n)), "ar", n)
	}
	count(t, s, noon, Print, "offer-1", "de", 12)
	count(t, s, noon, Print, "offer-2", "ti", 1) // one Tigrinya speaker printed this offer
	count(t, s, noon, QR, "offer-3", "fa", 4)
	rows := export(t, s)
	want := [][]string{
		{"day", "kind", "item", "lang", "count"},
		{"2026-11-20", "offer", "offer-5", "ar", "5"},
		{"2026-11-20", "offer", "offer-6", "ar", "6"},
		{"2026-11-20", "offer", "other", "other", "10"}, // 1+2+3+4
		{"2026-11-20", "print", "offer-1", "de", "12"},
		// print/offer-2/ti (1) and qr/offer-3/fa (4): under 5 even added up, left out
	}
	if got, exp := join(rows), join(want); got != exp {
		t.Errorf("export:\n%s\nwant:\n%s", got, exp)
	}
}

// Today's counts still grow: an export has the closed days only, so that
// two exports of one day cannot be subtracted into a single visit.
func TestExportHasClosedDaysOnly(t *testing.T) {
	s, _ := open(t)
	count(t, s, noon, Offer, "offer-1", "ar", 9)
	count(t, s, noon.Add(24*time.Hour), Offer, "offer-1", "ar", 7)
	var buf bytes.Buffer
	if err := s.ExportCSV(&buf, noon.Add(24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "day,kind,item,lang,count\n2026-11-20,offer,offer-1,ar,9\n" {
		t.Errorf("export on 21 November:\n%s", got)
	}
}

func join(rows [][]string) string {
	var lines []string
	for _, r := range rows {
		lines = append(lines, strings.Join(r, ","))
	}
	return strings.Join(lines, "\n")
}

// TestStoresNothingButCounts checks the whole file: one table with the five
// columns, days and nothing finer, ids and language codes only.
func TestStoresNothingButCounts(t *testing.T) {
	s, path := open(t)
	day := time.Date(2026, 11, 20, 17, 42, 13, 0, time.UTC)
	count(t, s, day, Category, "founding-advice", "fa", 2)
	count(t, s, day, Offer, "iq-fachstelle", "fa", 1)
	count(t, s, day, QR, "iq-fachstelle", "uk", 1)
	for _, bad := range []struct {
		kind       Kind
		item, lang string
	}{
		{"search", "gruendung", "de"},          // no such kind
		{Offer, "Gründung Finanzierung", "de"}, // free text, not an id
		{Offer, "iq-fachstelle", "Deutsch"},    // not a language code
		{Offer, "", "de"},
	} {
		if err := s.Count(day, bad.kind, bad.item, bad.lang); err == nil {
			t.Errorf("Count(%q, %q, %q) accepted", bad.kind, bad.item, bad.lang)
		}
	}
	if err := s.Count(time.Time{}, Offer, "x", "de"); err == nil {
		t.Error("Count without a day accepted")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var objects []string
	rows, err := db.Query(`SELECT type || ' ' || name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var o string
		rows.Scan(&o)
		objects = append(objects, o)
	}
	rows.Close()
	if strings.Join(objects, ";") != "table counts" {
		t.Errorf("schema objects = %v, want only the table counts", objects)
	}
	var cols []string
	rows, err = db.Query(`SELECT name FROM pragma_table_info('counts') ORDER BY cid`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c string
		rows.Scan(&c)
		cols = append(cols, c)
	}
	rows.Close()
	if strings.Join(cols, ",") != "day,kind,item,lang,count" {
		t.Errorf("columns = %v", cols)
	}
	dayPattern := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	rows, err = db.Query(`SELECT day, kind, item, lang, count FROM counts ORDER BY kind`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for rows.Next() {
		var d, k, i, l string
		var n int
		rows.Scan(&d, &k, &i, &l, &n)
		if !dayPattern.MatchString(d) {
			t.Errorf("day %q is not a plain date", d)
		}
		got = append(got, strings.Join([]string{d, k, i, l}, " ")+" "+string(rune('0'+n)))
	}
	rows.Close()
	want := "2026-11-20 category founding-advice fa 2|2026-11-20 offer iq-fachstelle fa 1|2026-11-20 qr iq-fachstelle uk 1"
	if strings.Join(got, "|") != want {
		t.Errorf("rows = %v\nwant %s", got, want)
	}
}

func TestDayIsBerlinDay(t *testing.T) {
	s, _ := open(t)
	// 23:30 UTC on 28 March 2026 is 00:30 on the 29th in Berlin (CET), and
	// 22:30 UTC on 29 March is 00:30 on the 30th (CEST, after the change).
	count(t, s, time.Date(2026, 3, 28, 23, 30, 0, 0, time.UTC), Event, "e", "de", 5)
	count(t, s, time.Date(2026, 3, 29, 22, 30, 0, 0, time.UTC), Event, "e", "de", 5)
	rows := export(t, s)
	if len(rows) != 3 || rows[1][0] != "2026-03-29" || rows[2][0] != "2026-03-30" {
		t.Errorf("days = %v", rows)
	}
}

func TestCountsAddUpAcrossFlushesAndReopen(t *testing.T) {
	s, path := open(t)
	count(t, s, noon, Brochure, "gruenden-im-landkreis-holzminden", "ti", 3)
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	count(t, s, noon, Brochure, "gruenden-im-landkreis-holzminden", "ti", 4)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Count(noon, Offer, "x", "de"); err == nil {
		t.Error("Count after Close accepted")
	}
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	count(t, s2, noon, Brochure, "gruenden-im-landkreis-holzminden", "ti", 1)
	rows := export(t, s2)
	if len(rows) != 2 || rows[1][4] != "8" {
		t.Errorf("rows = %v, want one row counting 8", rows)
	}
}

func TestConcurrentCounts(t *testing.T) {
	s, _ := open(t)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 500 {
				s.Count(noon, Offer, "o", "de")
				if i%100 == 0 && g == 0 {
					s.Flush()
				}
			}
		}()
	}
	wg.Wait()
	if rows := export(t, s); len(rows) != 2 || rows[1][4] != "4000" {
		t.Errorf("rows = %v, want 4000", rows)
	}
}

func TestPruneDeletesOldDays(t *testing.T) {
	s, _ := open(t)
	now := time.Date(2029, 6, 15, 10, 0, 0, 0, time.UTC)
	count(t, s, time.Date(2026, 6, 14, 12, 0, 0, 0, time.UTC), Offer, "old", "de", 5)
	count(t, s, time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC), Offer, "kept", "de", 5)
	count(t, s, now, Offer, "new", "de", 5)
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	n, err := s.Prune(now)
	if err != nil || n != 1 {
		t.Fatalf("Prune = %d, %v; want 1 row", n, err)
	}
	rows := export(t, s)
	if len(rows) != 3 || rows[1][2] != "kept" || rows[2][2] != "new" {
		t.Errorf("after prune: %v", rows)
	}
}

func BenchmarkCount(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "stats.sqlite"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	now := time.Now()
	for b.Loop() {
		if err := s.Count(now, Offer, "iq-fachstelle-migrantenoekonomie", "ar"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFlush(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "stats.sqlite"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	now := time.Now()
	for b.Loop() {
		for _, lang := range []string{"de", "ar", "fa", "uk", "tr"} {
			s.Count(now, Offer, "iq-fachstelle", lang)
			s.Count(now, Category, "founding-advice", lang)
		}
		if err := s.Flush(); err != nil {
			b.Fatal(err)
		}
	}
}
