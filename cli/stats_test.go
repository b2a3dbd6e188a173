package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wegweiser/stats"
)

func TestStatsExport(t *testing.T) {
	data := t.TempDir()
	s, err := stats.Open(filepath.Join(data, stats.FileName))
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
	for range 7 {
		s.Count(day, stats.Offer, "iq-fachstelle", "ar")
	}
	s.Count(day, stats.Print, "iq-fachstelle", "ar")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	out := filepath.Join(t.TempDir(), "stats.csv")
	code, stdout, stderr := run(t, "stats", "export", "--data", data, "-o", out)
	if code != 0 || !strings.Contains(stdout, "1 rows") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	got, _ := os.ReadFile(out)
	// The single print is under 5, even added up: not exported.
	want := "day,kind,item,lang,count\n2026-11-20,offer,iq-fachstelle,ar,7\n"
	if string(got) != want {
		t.Errorf("export:\n%s\nwant:\n%s", got, want)
	}
	if code, stdout, _ := run(t, "stats", "export", "-o", "-", "--data", data); code != 0 || stdout != want {
		t.Errorf("-o -: exit %d\n%s", code, stdout)
	}
}

func TestStatsExportWithoutStatistics(t *testing.T) {
	data := t.TempDir()
	out := filepath.Join(t.TempDir(), "stats.csv")
	code, _, stderr := run(t, "stats", "export", "--data", data, "-o", out)
	if got, _ := os.ReadFile(out); code != 0 || string(got) != "day,kind,item,lang,count\n" || !strings.Contains(stderr, "no statistics") {
		t.Errorf("exit %d, %q, %s", code, got, stderr)
	}
	if _, err := os.Stat(filepath.Join(data, stats.FileName)); err == nil {
		t.Error("the export created a statistics file")
	}
}

func TestStatsUsage(t *testing.T) {
	for _, args := range [][]string{
		{"stats"},
		{"stats", "import"},
		{"stats", "export"},
		{"stats", "export", "-o", "x.csv", "extra"},
	} {
		if code, _, stderr := run(t, args...); code != 2 || stderr == "" {
			t.Errorf("%v: exit %d", args, code)
		}
	}
}
