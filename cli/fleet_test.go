package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wegweiser/status"
)

// Issue 15: `fleet report` reads the reports collected from sticks (and
// uploads), one row per kiosk with its newest status, the kiosks out of
// touch first; the HTML report charts the views per language and month.
func TestFleetReport(t *testing.T) {
	dir := t.TempDir()
	now := time.Now().UTC().Truncate(time.Second)
	put := func(kiosk, day string, written time.Time, statsCSV string) {
		d := filepath.Join(dir, "stick-"+kiosk, status.ReportFolder, kiosk, day)
		os.MkdirAll(d, 0o755)
		s := status.Status{Kiosk: kiosk, Program: "1.2.0", Written: written,
			Catalog: status.Catalog{ID: "suedniedersachsen", Version: 7, Issued: now.AddDate(0, -1, 0), Expires: now.AddDate(0, 5, 0)}}
		if err := status.Write(d, s); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(d, "statistik.csv"), []byte("day,kind,item,lang,count\n"+statsCSV), 0o644)
	}
	put("holzminden-1", "2026-11-01", now.AddDate(0, 0, -30), "2026-10-30,offer,wir,ar,6\n")
	// The newer export holds the older days too: only it counts.
	put("holzminden-1", "2026-12-01", now.AddDate(0, 0, -1), "2026-10-30,offer,wir,ar,6\n2026-11-20,offer,wir,ar,5\n2026-11-20,category,advice,ti,7\n")
	put("uslar-2", "2026-11-10", now.AddDate(0, 0, -20), "")
	put("beverungen-3", "2026-12-05", now, "2026-11-20,offer,wir,ar,4\n")
	os.WriteFile(filepath.Join(dir, "stick-uslar-2", "status.json"), []byte("not json"), 0o644)

	code, stdout, stderr := run(t, "fleet", "report", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[1], "uslar-2") || !strings.Contains(lines[1], "no report for 20 days") ||
		!strings.HasPrefix(lines[2], "beverungen-3") || !strings.HasPrefix(lines[3], "holzminden-1") {
		t.Errorf("table:\n%s", stdout)
	}
	if !strings.Contains(lines[3], now.AddDate(0, 0, -1).Local().Format("2006-01-02")) {
		t.Errorf("holzminden-1 is not shown with its newest report:\n%s", stdout)
	}
	if !strings.Contains(stderr, "not a kiosk's status") {
		t.Errorf("the broken file was not named: %s", stderr)
	}

	html := filepath.Join(t.TempDir(), "report.html")
	if code, _, stderr := run(t, "fleet", "report", dir, "-o", html); code != 0 {
		t.Fatalf("html: %s", stderr)
	}
	b, _ := os.ReadFile(html)
	page := string(b)
	// November: ar 5 (holzminden) + 4 (beverungen) = 9 after summing; ti 7.
	for _, want := range []string{`<tr class="stale"><td>uslar-2</td>`, "<h3>2026-11 (16)</h3>", ">ar</text>", ">9</text>", ">ti</text>", ">7</text>", "<h3>2026-10 (6)</h3>"} {
		if !strings.Contains(page, want) {
			t.Errorf("%q not in the HTML report", want)
		}
	}
	csvFile := filepath.Join(t.TempDir(), "report.csv")
	if code, _, _ := run(t, "fleet", "report", dir, "-o", csvFile); code != 0 {
		t.Fatal("csv")
	}
	if b, _ := os.ReadFile(csvFile); !strings.HasPrefix(string(b), "kiosk,program_version,catalog,") || strings.Count(string(b), "\n") != 4 {
		t.Errorf("csv:\n%s", b)
	}
}
