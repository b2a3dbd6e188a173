//go:build unix

package install

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The crash tests run an install in a child process (this test binary,
// running TestCrashHelper) that kills itself with SIGKILL right after
// step N, for every N, and then look at what is left, as the kiosk does
// when it starts again.

const (
	crashDirEnv    = "WEGWEISER_CRASH_DIR"
	crashBundleEnv = "WEGWEISER_CRASH_BUNDLE"
	crashStepEnv   = "WEGWEISER_CRASH_STEP"
)

// TestCrashHelper is the child process of the crash tests; it does nothing
// in a normal test run.
func TestCrashHelper(t *testing.T) {
	dir := os.Getenv(crashDirEnv)
	if dir == "" {
		t.Skip("only run as the child process of the crash tests")
	}
	n, _ := strconv.Atoi(os.Getenv(crashStepEnv))
	s := newStore(t, dir)
	s.Now = func() time.Time { return testNow.Add(time.Hour) }
	count := 0
	s.step = func(string) {
		if count++; count == n {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // the signal arrives
		}
	}
	if _, err := s.Install(context.Background(), os.Getenv(crashBundleEnv)); err != nil {
		t.Fatal(err)
	}
}

// crashFixture is a data folder with versions 3 and 5 installed and a
// bundle of version 7 next to it.
func crashFixture(t *testing.T) (base, v7 string) {
	t.Helper()
	base = t.TempDir()
	s := newStore(t, base)
	mustInstall(t, s, spec{version: 3})
	mustInstall(t, s, spec{version: 5})
	v7 = putFile(t, t.TempDir(), "v7.bundle", makeBundle(t, spec{version: 7, issued: testIssued.Add(24 * time.Hour)}))
	return base, v7
}

// installSteps are the steps of a successful install, in order.
func installSteps(t *testing.T, base, bundlePath string) []string {
	t.Helper()
	dir := copyTree(t, base)
	s := newStore(t, dir)
	var steps []string
	s.step = func(name string) { steps = append(steps, name) }
	if _, err := s.Install(context.Background(), bundlePath); err != nil {
		t.Fatal(err)
	}
	return steps
}

// crashAt runs the install in a child process that is killed after step n.
func crashAt(t *testing.T, dir, bundlePath string, n int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashDirEnv+"="+dir, crashBundleEnv+"="+bundlePath, crashStepEnv+"="+strconv.Itoa(n))
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("step %d: the child was not killed: %v\n%s", n, err, out)
	}
	if ws, ok := exit.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("step %d: the child ended otherwise: %v\n%s", n, err, out)
	}
}

// sync-threats 14: killed at every step of an install, the data folder
// holds entirely the old or entirely the new catalogue, which opens; the
// next install recovers.
func TestThreat14KilledAtEveryStep(t *testing.T) {
	base, v7 := crashFixture(t)
	old := takeSnapshot(t, newStore(t, base))
	steps := installSteps(t, base, v7)
	switched := slices.Index(steps, "state renamed") // from this step on, the new one is current
	if switched < 0 || len(steps) < 8 {
		t.Fatalf("steps %v", steps)
	}
	t.Logf("%d steps: %s", len(steps), strings.Join(steps, ", "))
	for n := 1; n <= len(steps); n++ {
		t.Run(fmt.Sprintf("%d-%s", n, strings.ReplaceAll(steps[n-1], " ", "-")), func(t *testing.T) {
			dir := copyTree(t, base)
			crashAt(t, dir, v7, n)
			s := newStore(t, dir)
			snap := takeSnapshot(t, s)
			if n-1 < switched {
				if snap.current != old.current || snap.previous != old.previous || !snap.floor.Equal(old.floor) ||
					snap.files[snap.current] != old.files[old.current] {
					t.Fatalf("not the old catalogue:\nold %v\nnow %v", old, snap)
				}
			} else {
				if snap.version != 7 || snap.previous != old.current || !snap.floor.Equal(testIssued.Add(24*time.Hour)) ||
					snap.files[snap.current] != hashOf(compiledCatalog(t, testCatalog, 7)) || snap.files[snap.previous] != old.files[old.current] {
					t.Fatalf("not the new catalogue: %v", snap)
				}
			}
			assertOpens(t, s)

			// The kiosk starts again and staff install again.
			res, err := s.Install(context.Background(), v7)
			if err != nil || res.Manifest.Version != 7 {
				t.Fatalf("install after the crash: %+v %v", res, err)
			}
			snap = takeSnapshot(t, s)
			if snap.version != 7 || len(snap.files) != 2 {
				t.Errorf("after recovery: %v", snap)
			}
			assertNoLeftovers(t, s)
		})
	}
}

// sync-threats 13: the installed version and the time floor survive a
// crash right after the install.
func TestThreat13SurvivesCrashAfterInstall(t *testing.T) {
	base, v7 := crashFixture(t)
	steps := installSteps(t, base, v7)
	dir := copyTree(t, base)
	crashAt(t, dir, v7, len(steps))
	s := newStore(t, dir)
	st, err := s.State()
	if err != nil || st.Current.Version != 7 || !st.TimeFloor.Equal(testIssued.Add(24*time.Hour)) {
		t.Fatalf("after the crash: %+v %v", st, err)
	}
	before := takeSnapshot(t, s)
	refuse(t, s, before, makeBundle(t, spec{version: 6}), ErrOlder)
	// The floor is still in force: a bundle that expired before it is refused
	// although the clock says it is valid.
	s.Now = func() time.Time { return testIssued }
	refuse(t, s, before, makeBundle(t, spec{version: 8, issued: testIssued.Add(-48 * time.Hour), expires: testIssued.Add(time.Hour)}), ErrExpired)
}

// assertNoLeftovers fails if temporary files remain.
func assertNoLeftovers(t *testing.T, s *Store) {
	t.Helper()
	if entries, _ := os.ReadDir(s.stagingDir()); len(entries) > 0 {
		t.Errorf("staging not cleaned: %v", entries)
	}
	entries, _ := os.ReadDir(s.catalogDir())
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
