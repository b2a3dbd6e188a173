package install

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wegweiser/assets"
)

func TestOpenForKioskFallsBack(t *testing.T) {
	dir := t.TempDir()
	s := NewStore(dir, Trust{})
	cache := filepath.Join(dir, "cache")

	// Nothing installed: the sample, and no problem to report.
	c, path, problem := s.OpenForKiosk(assets.SampleSource(), cache)
	if c == nil || problem != nil || !c.Info().Sample || !strings.HasPrefix(path, cache) {
		t.Fatalf("nothing installed: %v %q %v", c, path, problem)
	}
	c.Close()

	// A record naming a file that is not a catalogue: the sample, with the reason.
	if err := os.MkdirAll(filepath.Join(dir, catalogDir), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, catalogDir, "x-1.sqlite"), []byte("damaged"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, catalogDir, stateFile), []byte(`{"current":{"file":"x-1.sqlite","catalog_id":"x","version":1}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _, problem = s.OpenForKiosk(assets.SampleSource(), cache)
	if c == nil || problem == nil || !c.Info().Sample || !strings.Contains(problem.Error(), "showing the built-in sample") {
		t.Fatalf("damaged install: %v %v", c, problem)
	}
	c.Close()
}

// Issue 11 item 12: a kiosk whose data folder cannot take the compiled
// sample (a full or read-only disk) and has none compiled yet starts on a
// sample compiled in the temporary folder instead of exiting.
func TestFullDiskAtStartFallsBackToTempFolder(t *testing.T) {
	dir := t.TempDir()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	blocked := filepath.Join(dir, "cache")
	if err := os.WriteFile(blocked, []byte("a file where the cache folder should be"), 0o644); err != nil {
		t.Fatal(err) // MkdirAll fails under it, as on a full disk
	}
	c, path, problem := NewStore(dir, Trust{}).OpenForKiosk(assets.SampleSource(), filepath.Join(blocked, "x"))
	if c == nil || problem != nil || !c.Info().Sample || !strings.HasPrefix(path, tmp) {
		t.Fatalf("%v %q %v", c, path, problem)
	}
	c.Close()
}
