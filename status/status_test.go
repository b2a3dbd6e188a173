package status

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func sampleStatus() Status {
	at := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	return Status{Kiosk: "holzminden-1", Program: "1.2.0", Written: at, Started: at.Add(-time.Hour), UptimeSeconds: 3600,
		Catalog:     Catalog{ID: "suedniedersachsen", Version: 7, Issued: at.AddDate(0, -1, 0), Expires: at.AddDate(0, 0, 10)},
		LastInstall: Event{At: at.AddDate(0, -1, 0), Result: "installed suedniedersachsen version 7"},
		Printer:     "idle", FreeDiskBytes: 50 << 20, InterfaceAlive: at.Add(-10 * time.Minute),
		Errors24h: map[string]int{"printing failed": 2}}
}

func TestFindProblems(t *testing.T) {
	got := strings.Join(FindProblems(sampleStatus()), "\n")
	for _, want := range []string{"the catalogue expires on 2026-12-16", "the screen has not responded since 2026-12-06 09:50",
		"little disk space left (50 MB)", "2 errors in the last 24 hours"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q missing from\n%s", want, got)
		}
	}
	ok := sampleStatus()
	ok.Catalog.Expires, ok.InterfaceAlive, ok.FreeDiskBytes, ok.Errors24h = ok.Written.AddDate(1, 0, 0), ok.Written, 10<<30, nil
	if p := FindProblems(ok); len(p) != 0 {
		t.Errorf("a sound kiosk has problems: %v", p)
	}
}

// Issue 15: the metrics file is valid Prometheus text format.
func TestMetricsPassPromtool(t *testing.T) {
	s := sampleStatus()
	s.Problems = FindProblems(s)
	m := Metrics(s)
	if !strings.Contains(m, `wegweiser_info{catalog="suedniedersachsen",catalog_version="7",kiosk="holzminden-1",program_version="1.2.0"} 1`) ||
		!strings.Contains(m, `wegweiser_free_disk_bytes{kiosk="holzminden-1"} 5.24288e+07`) {
		t.Errorf("metrics:\n%s", m)
	}
	if _, err := exec.LookPath("promtool"); err != nil {
		t.Skip("promtool is not installed (Debian package prometheus; .ci/setup installs it)")
	}
	cmd := exec.Command("promtool", "check", "metrics")
	cmd.Stdin = strings.NewReader(m)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("promtool check metrics: %v\n%s", err, out)
	}
}

// Issue 15: status.json is replaced atomically: a kiosk killed (SIGKILL)
// while writing it leaves a complete one.
func TestStatusSurvivesSIGKILL(t *testing.T) {
	if os.Getenv("WEGWEISER_STATUS_WRITER") != "" {
		dir := os.Getenv("WEGWEISER_STATUS_WRITER")
		s := sampleStatus()
		for i := 0; ; i++ {
			s.UptimeSeconds = int64(i)
			s.Problems = make([]string, i%50) // statuses of different lengths
			for j := range s.Problems {
				s.Problems[j] = fmt.Sprintf("problem %d of a long list of problems", j)
			}
			Write(dir, s)
		}
	}
	dir := t.TempDir()
	for round := range 5 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestStatusSurvivesSIGKILL$")
		cmd.Env = append(os.Environ(), "WEGWEISER_STATUS_WRITER="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(150+round*37) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		s, err := Read(filepath.Join(dir, FileName))
		if err != nil || s.Kiosk != "holzminden-1" {
			t.Fatalf("round %d: %v", round, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) > 2 { // status.json and perhaps one temporary file
			t.Errorf("round %d: %d files left", round, len(entries))
		}
	}
}

func writeFile(path, text string) error { return os.WriteFile(path, []byte(text), 0o644) }
