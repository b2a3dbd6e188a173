package cli

import (
	"fmt"
	"os"
	"os/exec"
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

// Issue 11 item 12: `stats export` failed on a read-only data folder. It
// now writes nothing beside the statistics file (it reads a copy), sees
// the counts the running kiosk has written to the log, and works when the
// folder cannot be written.
func TestStatsExportWritesNothingInTheDataFolder(t *testing.T) {
	data := t.TempDir()
	s, err := stats.Open(filepath.Join(data, stats.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close() // the kiosk still runs
	day := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
	for range 6 {
		s.Count(day, stats.Offer, "iq-fachstelle", "fa")
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	listing := func() string {
		entries, _ := os.ReadDir(data)
		var out []string
		for _, e := range entries {
			info, _ := e.Info()
			out = append(out, fmt.Sprintf("%s %d %v", e.Name(), info.Size(), info.ModTime()))
		}
		return strings.Join(out, "\n")
	}
	before := listing()
	if os.Geteuid() != 0 { // root writes into read-only folders anyway
		os.Chmod(data, 0o555)
		defer os.Chmod(data, 0o755)
	}
	code, stdout, stderr := run(t, "stats", "export", "--data", data, "-o", "-")
	if code != 0 || !strings.Contains(stdout, "2026-11-20,offer,iq-fachstelle,fa,6\n") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if after := listing(); after != before {
		t.Errorf("the export changed the data folder:\nbefore\n%s\nafter\n%s", before, after)
	}
}

// The same on a truly read-only file system (a read-only bind mount, where
// this machine allows one; root ignores folder permissions): the kiosk is
// stopped, so SQLite would need to create its shared-memory file beside the
// statistics.
func TestStatsExportOnAReadOnlyFileSystem(t *testing.T) {
	data, ro := t.TempDir(), t.TempDir()
	s, err := stats.Open(filepath.Join(data, stats.FileName))
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
	for range 5 {
		s.Count(day, stats.Print, "iq-fachstelle", "ti")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command("mount", "--bind", data, ro).Run(); err != nil {
		t.Skipf("no bind mount here: %v", err)
	}
	defer exec.Command("umount", ro).Run()
	if err := exec.Command("mount", "-o", "remount,bind,ro", ro).Run(); err != nil {
		t.Skipf("no read-only remount here: %v", err)
	}
	code, stdout, stderr := run(t, "stats", "export", "--data", ro, "-o", "-")
	if code != 0 || !strings.Contains(stdout, "2026-11-20,print,iq-fachstelle,ti,5\n") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
}

// Issue 15: the statistics of three kiosks are summed, and the small-count
// rule is applied to the sums: 3 + 3 views of one offer in Tigrinya make a
// row of 6; a lone 2 goes into "other", which stays out while under 5.
func TestStatsMergeSuppressesAfterSumming(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("day,kind,item,lang,count\n"+body), 0o644)
		return p
	}
	a := write("a.csv", "2026-11-20,offer,iq-fachstelle,ar,5\n2026-11-20,offer,wir,ti,3\n")
	b := write("b.csv", "2026-11-20,offer,iq-fachstelle,ar,6\n2026-11-20,offer,wir,ti,3\n2026-11-20,print,wir,de,2\n")
	c := write("c.csv", "2026-11-20,offer,other,other,7\n2026-11-21,qr,wir,uk,9\n")
	code, stdout, stderr := run(t, "stats", "merge", a, b, c, "-o", "-")
	want := "day,kind,item,lang,count\n" +
		"2026-11-20,offer,iq-fachstelle,ar,11\n" +
		"2026-11-20,offer,wir,ti,6\n" +
		"2026-11-20,offer,other,other,7\n" +
		"2026-11-21,qr,wir,uk,9\n"
	if code != 0 || stdout != want {
		t.Errorf("exit %d\n%s\nwant\n%s\n%s", code, stdout, want, stderr)
	}
	bad := write("bad.csv", "2026-11-20,offer,x,de,many\n")
	if code, _, stderr := run(t, "stats", "merge", a, bad, "-o", "-"); code != 1 || !strings.Contains(stderr, "bad.csv:2: the count \"many\"") {
		t.Errorf("a bad file: exit %d, %s", code, stderr)
	}
}
