package status

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Issue 15: the report goes onto a stick as wegweiser-bericht/<kiosk>/<date>/
// status.json and statistik.csv; a second report that day replaces it; a
// link on the stick is never followed; a write-protected stick is said so.
func TestUSBReport(t *testing.T) {
	stick := t.TempDir()
	day := time.Date(2026, 12, 6, 15, 0, 0, 0, time.UTC)
	dir, err := WriteUSBReport(stick, "holzminden-1", sampleStatus(), []byte("day,kind,item,lang,count\n"), day)
	if err != nil || dir != filepath.Join(stick, "wegweiser-bericht", "holzminden-1", "2026-12-06") {
		t.Fatalf("%s %v", dir, err)
	}
	s, err := Read(filepath.Join(dir, "status.json"))
	if err != nil || s.Kiosk != "holzminden-1" {
		t.Fatalf("%+v %v", s, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "statistik.csv")); string(b) != "day,kind,item,lang,count\n" {
		t.Errorf("statistik.csv: %q", b)
	}
	if _, err := WriteUSBReport(stick, "holzminden-1", sampleStatus(), []byte("x\n"), day); err != nil {
		t.Errorf("second report: %v", err)
	}

	// A link named like the kiosk's folder, pointing elsewhere: refused.
	elsewhere := t.TempDir()
	os.Symlink(elsewhere, filepath.Join(stick, "wegweiser-bericht", "uslar-2"))
	if _, err := WriteUSBReport(stick, "uslar-2", sampleStatus(), nil, day); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("through a link: %v", err)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("written through the link: %v", entries)
	}
	// A status.json that is a link to a file elsewhere is replaced, not written through.
	target := filepath.Join(elsewhere, "precious")
	os.WriteFile(target, []byte("keep"), 0o644)
	os.Remove(filepath.Join(dir, "status.json"))
	os.Symlink(target, filepath.Join(dir, "status.json"))
	if _, err := WriteUSBReport(stick, "holzminden-1", sampleStatus(), nil, day); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep" {
		t.Errorf("the link's target was overwritten: %q", b)
	}

	// A write-protected stick (a read-only bind mount, where the machine allows one).
	ro := t.TempDir()
	if err := exec.Command("mount", "--bind", t.TempDir(), ro).Run(); err != nil {
		t.Skipf("no bind mount here: %v", err)
	}
	defer exec.Command("umount", ro).Run()
	if err := exec.Command("mount", "-o", "remount,bind,ro", ro).Run(); err != nil {
		t.Skipf("no read-only remount here: %v", err)
	}
	if _, err := WriteUSBReport(ro, "holzminden-1", sampleStatus(), nil, day); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only stick: %v", err)
	}
}
