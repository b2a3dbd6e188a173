package config

import (
	"testing"
	"time"
)

// Issue 11 item 11: the PIN back-off reached 256 s, refused the right PIN
// meanwhile and was reset by a restart. Now the wait is at most 30 s, taps
// during it neither count nor lengthen it, the right PIN after it is taken,
// and a restart keeps it.
func TestPINGuardCappedAndPersisted(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	g := OpenPINGuard(dir)
	if g.Wait(now) != 0 {
		t.Fatal("a fresh guard makes staff wait")
	}
	var last time.Duration
	for range 12 { // a visitor trying PINs, each after the wait
		last = g.Failed(now)
		now = now.Add(last)
	}
	if last != MaxPINWait {
		t.Errorf("the wait grew to %v", last)
	}
	g.Failed(now)
	restarted := OpenPINGuard(dir)
	if w := restarted.Wait(now.Add(time.Second)); w != MaxPINWait-time.Second {
		t.Errorf("after a restart the wait is %v", w)
	}
	if w := restarted.Wait(now.Add(-time.Hour)); w != MaxPINWait {
		t.Errorf("with the clock set back the wait is %v", w)
	}
	if w := restarted.Wait(now.Add(MaxPINWait)); w != 0 {
		t.Errorf("after the wait: %v", w)
	}
	restarted.Succeeded()
	if w := OpenPINGuard(dir).Failed(now); w != 2*time.Second {
		t.Errorf("after the right PIN the count did not start again: %v", w)
	}
}
