package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wegweiser/catalog/install"
	"wegweiser/config"
	"wegweiser/status"
)

// Issue 11 item 7 on the staff screen: with a damaged record of the
// installed catalogues, the screen says so and offers the repair (behind
// the PIN); after it, the record is sound and the offer is gone.
func TestStaffRepairsADamagedRecord(t *testing.T) {
	hash, err := config.HashPIN("2468")
	if err != nil {
		t.Fatal(err)
	}
	k, _ := newKiosk(t, config.Config{District: "03255", AdminPIN: hash})
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "catalogs"), 0o755)
	os.WriteFile(filepath.Join(dir, "catalogs", "state.json"), []byte(`{"current": {"file": "../kiosk.toml"`), 0o644)
	store := install.NewStore(dir, install.Trust{})
	k.opts.Store = store

	enterStaff(t, k, "2468")
	if !strings.Contains(texts(k), "beschädigt") {
		t.Fatalf("the staff screen does not say the record is damaged:\n%s", texts(k))
	}
	tap(t, k, "Katalog-Angaben reparieren")
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(texts(k), "Repariert") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(texts(k), "Repariert: Es gab keine brauchbare Katalogdatei") {
		t.Fatalf("no outcome of the repair:\n%s", texts(k))
	}
	if _, err := store.State(); err != nil {
		t.Fatalf("the record is still damaged: %v", err)
	}
	k.render()
	if len(tiles(k, "Katalog-Angaben reparieren")) != 0 {
		t.Error("the repair is still offered on a sound record")
	}
}

// Issue 11 item 11: a visitor typing wrong PINs cannot lock staff out. The
// wait is at most 30 s; taps during it are not counted; the right PIN after
// it opens the staff screen; a restart of the kiosk keeps the wait.
func TestWrongPINsCannotLockStaffOut(t *testing.T) {
	hash, err := config.HashPIN("2468")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	k, c := newKiosk(t, config.Config{District: "03255", AdminPIN: hash})
	k.opts.PINGuard = config.OpenPINGuard(dir)
	typePIN := func(k *Kiosk, pin string) {
		t.Helper()
		for _, d := range pin {
			tap(t, k, string(d))
		}
		tap(t, k, "OK")
	}
	k.openStaff()
	for range 20 { // a visitor, ever faster
		typePIN(k, "1111")
		c.t = c.t.Add(time.Second)
	}
	if !strings.Contains(texts(k), "warten") {
		t.Fatalf("no wait shown:\n%s", texts(k))
	}
	typePIN(k, "2468") // the right PIN during the wait: not yet, and not counted
	if k.Current() == "staff" || !strings.Contains(texts(k), "Sekunden warten") {
		t.Fatalf("during the wait: %s\n%s", k.Current(), texts(k))
	}

	// The kiosk restarts: the wait is still there.
	k2, c2 := newKiosk(t, config.Config{District: "03255", AdminPIN: hash})
	c2.t = c.t
	k2.opts.PINGuard = config.OpenPINGuard(dir)
	k2.openStaff()
	typePIN(k2, "2468")
	if k2.Current() == "staff" {
		t.Fatal("a restart reset the wait")
	}
	c2.t = c2.t.Add(config.MaxPINWait) // staff wait at most 30 s
	typePIN(k2, "2468")
	if k2.Current() != "staff" {
		t.Fatalf("the right PIN after the wait was refused:\n%s", texts(k2))
	}
}

// Issue 15: staff write the kiosk's report onto a USB stick from the staff
// screen; the coordinator collects it.
func TestStaffWritesReportOntoStick(t *testing.T) {
	hash, err := config.HashPIN("2468")
	if err != nil {
		t.Fatal(err)
	}
	k, _ := newKiosk(t, config.Config{District: "03255", AdminPIN: hash, KioskID: "holzminden-1"})
	stick := t.TempDir()
	k.opts.Sticks = func() ([]string, error) { return []string{stick}, nil }
	k.opts.Status = func() status.Status { return status.Status{Kiosk: "holzminden-1", Program: "test"} }
	enterStaff(t, k, "2468")
	tap(t, k, "Bericht auf den USB-Stick schreiben")
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(texts(k), "Bericht gespeichert") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	dir := filepath.Join(stick, "wegweiser-bericht", "holzminden-1", k.opts.Now().Format("2006-01-02"))
	if !strings.Contains(texts(k), "Bericht gespeichert: "+dir) {
		t.Fatalf("no outcome:\n%s", texts(k))
	}
	if s, err := status.Read(filepath.Join(dir, "status.json")); err != nil || s.Kiosk != "holzminden-1" {
		t.Errorf("status.json: %+v %v", s, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "statistik.csv")); err != nil {
		t.Error(err)
	}
}
