package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wegweiser/catalog/install"
	"wegweiser/config"
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
