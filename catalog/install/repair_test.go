package install

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Issue 11 item 7: a damaged state.json (empty, cut short, garbage, a "../"
// name) refused every install and rollback, with no way back but editing
// it by hand. Repair rebuilds it from the catalogue files; installs and
// rollbacks work again.
func TestRepairRebuildsADamagedState(t *testing.T) {
	for name, damage := range map[string]func(b []byte) []byte{
		"empty":     func([]byte) []byte { return nil },
		"truncated": func(b []byte) []byte { return b[:len(b)/2] },
		"garbage":   func([]byte) []byte { return []byte("\x00\xff{{not json") },
		"dotdot": func(b []byte) []byte {
			return []byte(strings.Replace(string(b), `"file": "suedniedersachsen-8.sqlite"`, `"file": "../../kiosk.toml"`, 1))
		},
	} {
		t.Run(name, func(t *testing.T) {
			s := newStore(t, t.TempDir())
			mustInstall(t, s, spec{version: 7})
			mustInstall(t, s, spec{version: 8})
			b, _ := os.ReadFile(s.statePath())
			os.WriteFile(s.statePath(), damage(b), 0o644)
			if _, err := installBundle(t, s, spec{version: 9}); !errors.Is(err, ErrDamaged) {
				t.Fatalf("install on the damaged state: %v", err)
			}
			rep, err := s.Repair(context.Background())
			if err != nil || !rep.Changed {
				t.Fatalf("%+v %v", rep, err)
			}
			st, err := s.State()
			if err != nil {
				t.Fatal(err)
			}
			if st.Current.Version != 8 || st.Previous.Version != 7 {
				t.Fatalf("rebuilt %+v / %+v", st.Current, st.Previous)
			}
			if !st.Current.Issued.Equal(testIssued) || !st.Current.Expires.Equal(testIssued.Add(180*24*time.Hour)) {
				t.Errorf("dates %v %v", st.Current.Issued, st.Current.Expires)
			}
			assertOpens(t, s)
			if _, _, err := s.Rollback(); err != nil {
				t.Fatalf("rollback after the repair: %v", err)
			}
			mustInstall(t, s, spec{version: 9})
		})
	}
}

// A state that names no file that opens: nothing sound is found, the record
// says so and the kiosk shows the sample; a later install works.
func TestRepairWithoutSoundFiles(t *testing.T) {
	s := newStore(t, t.TempDir())
	mustInstall(t, s, spec{version: 7})
	os.WriteFile(s.statePath(), []byte("garbage"), 0o644)
	os.WriteFile(filepath.Join(s.catalogDir(), "suedniedersachsen-7.sqlite"), []byte("SQLite format 3\x00 but not really"), 0o644)
	rep, err := s.Repair(context.Background())
	if err != nil || !rep.Changed || rep.Current != nil {
		t.Fatalf("%+v %v", rep, err)
	}
	if _, _, err := s.Current(); !errors.Is(err, ErrNoneInstalled) {
		t.Fatalf("current: %v", err)
	}
	mustInstall(t, s, spec{version: 8})
}

// A damaged current file is dropped from the record; the previous one is
// current again.
func TestRepairDropsADamagedCurrentFile(t *testing.T) {
	s := newStore(t, t.TempDir())
	mustInstall(t, s, spec{version: 7})
	mustInstall(t, s, spec{version: 8})
	path, _, _ := s.Current()
	b, _ := os.ReadFile(path)
	b[len(b)/2] ^= 0xFF
	os.WriteFile(path, b, 0o644)
	rep, err := s.Repair(context.Background())
	if err != nil || !rep.Changed || rep.Current == nil || rep.Current.Version != 7 {
		t.Fatalf("%+v %v", rep, err)
	}
	assertOpens(t, s)
}

// Issue 11 item 1: a time floor poisoned by a bundle "issued" in 2090 (a
// kiosk that installed it before such bundles were refused) refuses every
// normal build; Repair sets it back to the current catalogue's issue date.
func TestRepairSetsBackAPoisonedTimeFloor(t *testing.T) {
	s := newStore(t, t.TempDir())
	mustInstall(t, s, spec{version: 7})
	st, _ := s.State()
	st.TimeFloor = time.Date(2090, 1, 1, 0, 0, 0, 0, time.UTC)
	s.writeState(st)
	if _, err := installBundle(t, s, spec{version: 8}); !errors.Is(err, ErrExpired) {
		t.Fatalf("install under the poisoned floor: %v", err)
	}
	rep, err := s.Repair(context.Background())
	if err != nil || !rep.Changed || !strings.Contains(strings.Join(rep.Findings, "\n"), "2090-01-01") {
		t.Fatalf("%+v %v", rep, err)
	}
	if st, _ := s.State(); !st.TimeFloor.Equal(testIssued) {
		t.Errorf("floor %v", st.TimeFloor)
	}
	mustInstall(t, s, spec{version: 8})
}

// A sound data folder is left exactly as it was.
func TestRepairChangesNothingWhenSound(t *testing.T) {
	s := newStore(t, t.TempDir())
	mustInstall(t, s, spec{version: 7})
	mustInstall(t, s, spec{version: 8})
	before, _ := os.ReadFile(s.statePath())
	rep, err := s.Repair(context.Background())
	after, _ := os.ReadFile(s.statePath())
	if err != nil || rep.Changed || len(rep.Findings) != 0 || string(before) != string(after) {
		t.Fatalf("%+v %v", rep, err)
	}
}
