package config

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"time"

	"wegweiser/atomicfile"
)

// PINGuardName is the file, in the data folder, that keeps the wait after
// wrong staff PINs across restarts.
const PINGuardName = "pin-wait.json"

// MaxPINWait caps the wait after wrong PINs: a visitor trying PINs must
// not lock staff out for long.
const MaxPINWait = 30 * time.Second

// PINGuard slows down guessing of the staff PIN: after each wrong PIN no
// PIN is checked for a while (2, 4, 8, … seconds, at most MaxPINWait).
// Taps during the wait are not counted and do not lengthen it, so staff
// who wait get in with the right PIN, whatever a visitor typed before. The
// count and the end of the wait are kept in a file, so that restarting the
// kiosk (or pulling its plug) does not reset them.
type PINGuard struct {
	path string // "" keeps it in memory only
	mu   sync.Mutex
	st   pinWait
}

type pinWait struct {
	Failures int       `json:"failures"`
	Until    time.Time `json:"until"`
}

// OpenPINGuard reads the guard of dataDir; "" gives one in memory. A
// missing or damaged file is a fresh start (the wait is a brake, not a
// secret).
func OpenPINGuard(dataDir string) *PINGuard {
	g := &PINGuard{}
	if dataDir == "" {
		return g
	}
	g.path = filepath.Join(dataDir, PINGuardName)
	if b, err := os.ReadFile(g.path); err == nil {
		json.Unmarshal(b, &g.st)
	}
	return g
}

// Wait is how long no PIN is checked from now on; 0 when one may be. A
// clock set back cannot make it longer than MaxPINWait.
func (g *PINGuard) Wait(now time.Time) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	return min(max(g.st.Until.Sub(now), 0), MaxPINWait)
}

// Failed records a wrong PIN entered at now and returns the wait it starts.
func (g *PINGuard) Failed(now time.Time) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.st.Failures++
	wait := min(time.Duration(1<<min(g.st.Failures, 6))*time.Second, MaxPINWait)
	g.st.Until = now.Add(wait)
	g.save()
	return wait
}

// Succeeded records the right PIN: the count starts again.
func (g *PINGuard) Succeeded() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.st == (pinWait{}) {
		return
	}
	g.st = pinWait{}
	g.save()
}

// save writes the state; a disk that cannot take it leaves the guard
// working in memory.
func (g *PINGuard) save() {
	if g.path == "" {
		return
	}
	b, _ := json.Marshal(g.st)
	atomicfile.Write(g.path, b, 0o600)
}
