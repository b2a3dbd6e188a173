package install

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestRollback(t *testing.T) {
	s, _ := withV5(t)
	if _, _, err := s.Rollback(); !errors.Is(err, ErrNoPrevious) {
		t.Fatalf("with one catalogue: %v", err)
	}
	mustInstall(t, s, spec{version: 7})
	from, to, err := s.Rollback()
	if err != nil || from.Version != 7 || to.Version != 5 {
		t.Fatalf("%v %v %v", from, to, err)
	}
	path, version, err := s.Current()
	if err != nil || version != 5 || filepath.Base(path) != "suedniedersachsen-5.sqlite" {
		t.Fatalf("Current = %s %d %v", path, version, err)
	}
	assertOpens(t, s)
	st, _ := s.State()
	if st.Previous != nil || st.Withdrawn != 7 || st.LastResult != "rolled back from version 7 to version 5" {
		t.Errorf("state %+v", st)
	}
	if _, err := os.Stat(filepath.Join(s.catalogDir(), "suedniedersachsen-7.sqlite")); err == nil {
		t.Error("the withdrawn catalogue was kept")
	}
	if _, _, err := s.Rollback(); !errors.Is(err, ErrNoPrevious) {
		t.Errorf("second rollback: %v", err)
	}
	// Staff may install version 7 again by hand.
	mustInstall(t, s, spec{version: 7})
}

func TestRollbackRefusesExpiredPrevious(t *testing.T) {
	s, _ := withV5(t)
	mustInstall(t, s, spec{version: 7, expires: testIssued.Add(400 * 24 * time.Hour)})
	s.Now = func() time.Time { return testIssued.Add(200 * 24 * time.Hour) } // version 5 expired after 180 days
	before := takeSnapshot(t, s)
	_, _, err := s.Rollback()
	if !errors.Is(err, ErrExpired) || !strings.HasPrefix(err.Error(), "the previous catalogue (version 5) cannot be used again: this catalogue has expired") {
		t.Fatalf("%v", err)
	}
	assertUnchanged(t, s, before)
}

func TestRollbackRefusesDamagedPrevious(t *testing.T) {
	s, _ := withV5(t)
	mustInstall(t, s, spec{version: 7})
	os.WriteFile(filepath.Join(s.catalogDir(), "suedniedersachsen-5.sqlite"), []byte("gone"), 0o644)
	if _, _, err := s.Rollback(); err == nil || !strings.Contains(err.Error(), "does not open") {
		t.Fatalf("%v", err)
	}
	if _, v, _ := s.Current(); v != 7 {
		t.Errorf("version %d", v)
	}
}
