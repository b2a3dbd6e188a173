package install

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"wegweiser/catalog/bundle"
)

// fakeMedia makes a folder standing for /media, points mediaRoots at it
// for the test, and returns it.
func fakeMedia(t *testing.T) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "media")
	old := mediaRoots
	mediaRoots = []string{root}
	t.Cleanup(func() { mediaRoots = old })
	return root
}

// mountinfoFor is a mount table with the root file system and the given
// mount points, escaped as the kernel does.
func mountinfoFor(points ...string) string {
	text := "28 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
	for _, p := range points {
		text += "120 28 8:17 / " + escapeMount(p) + " rw,nosuid,nodev,relatime shared:63 - vfat /dev/sdb1 rw,uid=1000\n"
	}
	return text
}

// sync-threats 28: mount points with spaces or non-ASCII letters are
// found, bundles at the top and one folder down, in any letter case.
func TestThreat28MountNamesWithSpacesAndUmlauts(t *testing.T) {
	root := fakeMedia(t)
	s := newStore(t, t.TempDir())
	stick1 := filepath.Join(root, "anna", "USB STICK")
	stick2 := filepath.Join(root, "anna", "Katalog März\tneu")
	putFile(t, stick1, "katalog.bundle", makeBundle(t, spec{version: 7}))
	putFile(t, stick1, "Kataloge 2025/SÜD.BUNDLE", makeBundle(t, spec{version: 8}))
	putFile(t, stick1, "a/b/too-deep.bundle", makeBundle(t, spec{version: 9}))
	putFile(t, stick1, "._katalog.bundle", []byte("macOS shadow file"))
	putFile(t, stick1, "notes.txt", []byte("x"))
	putFile(t, stick2, "ü.bundle", makeBundle(t, spec{version: 6}))
	notMedia := t.TempDir()
	putFile(t, notMedia, "elsewhere.bundle", makeBundle(t, spec{version: 10}))

	found, err := FindBundles(mountinfoFor(stick1, stick2, notMedia), s.trust.Keys)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, f := range found {
		if f.Err != nil {
			t.Errorf("%s: %v", f.Path(), f.Err)
		}
		got[f.Path()] = f.Manifest.Version
	}
	want := map[string]int64{
		filepath.Join(stick1, "katalog.bundle"):              7,
		filepath.Join(stick1, "Kataloge 2025", "SÜD.BUNDLE"): 8,
		filepath.Join(stick2, "ü.bundle"):                    6,
	}
	if len(got) != len(want) {
		t.Fatalf("found %v, want %v", got, want)
	}
	for p, v := range want {
		if got[p] != v {
			t.Errorf("%s: version %d, want %d", p, got[p], v)
		}
	}
	if f := found[0]; f.Manifest.CatalogID != testCatalog || !f.Manifest.Issued.Equal(testIssued) || f.Size == 0 {
		t.Errorf("%+v", f)
	}
	// A stick that cannot be read is reported; the others are listed.
	found, err = FindBundles(mountinfoFor(filepath.Join(root, "gone"), stick2), s.trust.Keys)
	if err == nil || len(found) != 1 {
		t.Errorf("%v %v", found, err)
	}
}

// sync-threats 12 from a USB stick: a valid v7 and a damaged v9.
func TestThreat12TwoBundlesOnAStick(t *testing.T) {
	root := fakeMedia(t)
	stick := filepath.Join(root, "anna", "STICK")
	s, _ := withV5(t)
	v9 := makeBundle(t, spec{version: 9})
	v9[len(v9)/2] ^= 0x40
	putFile(t, stick, "neu/v9.bundle", v9)
	putFile(t, stick, "v7.bundle", makeBundle(t, spec{version: 7}))
	putFile(t, stick, "fremd.bundle", makeBundle(t, spec{version: 11, key: 2}))
	found, err := FindBundles(mountinfoFor(stick), s.trust.Keys)
	if err != nil || len(found) != 3 {
		t.Fatalf("%+v %v", found, err)
	}
	res, outcomes := s.InstallNewest(context.Background(), found)
	if !res.Installed || res.Manifest.Version != 7 {
		t.Fatalf("%+v", res)
	}
	var report []string
	for _, o := range outcomes {
		line := o.Found.Name + ": "
		switch {
		case o.Installed:
			line += "installed"
		case o.Err != nil:
			line += o.Err.Error()
		default:
			line += "not needed"
		}
		report = append(report, line)
	}
	want := []string{
		"neu/v9.bundle: the catalogue data does not match its signed description (damaged or altered): its SHA-256 checksum differs",
		"v7.bundle: installed",
		"fremd.bundle: the bundle is not signed by a trusted key, or it was altered",
	}
	if strings.Join(report, "\n") != strings.Join(want, "\n") {
		t.Errorf("report:\n%s\nwant:\n%s", strings.Join(report, "\n"), strings.Join(want, "\n"))
	}
	if _, v, _ := s.Current(); v != 7 {
		t.Errorf("version %d", v)
	}
}

// sync-threats 25: the stick is pulled out in the middle of the copy. The
// import stops with a reason, staging is empty, the catalogue unchanged;
// an import can also be cancelled, so that the interface stays responsive.
func TestThreat25StickPulledMidCopy(t *testing.T) {
	s, before := withV5(t)
	stick := t.TempDir()
	putFile(t, stick, "v7.bundle", makeBundle(t, spec{version: 7}))
	pulled := &flakyFS{FS: os.DirFS(stick), failAfter: 50_000, err: syscall.EIO}
	_, err := s.InstallFS(context.Background(), pulled, "v7.bundle")
	if !errors.Is(err, ErrRead) || !strings.Contains(err.Error(), "could not be read to the end") {
		t.Fatalf("got %v", err)
	}
	assertUnchanged(t, s, before)
	if st, _ := s.State(); !strings.Contains(st.LastResult, "could not be read to the end") {
		t.Errorf("last result %q", st.LastResult)
	}

	slow := &flakyFS{FS: os.DirFS(stick), delay: 20 * time.Millisecond}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = s.InstallFS(ctx, slow, "v7.bundle")
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
		t.Fatalf("cancelled import: %v after %v", err, time.Since(start))
	}
	assertUnchanged(t, s, before)
}

// sync-threats 26: a read-only stick works, and nothing on it changes.
func TestThreat26ReadOnlyStick(t *testing.T) {
	s, _ := withV5(t)
	stick := t.TempDir()
	data := makeBundle(t, spec{version: 7})
	path := putFile(t, stick, "v7.bundle", data)
	old := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	os.Chtimes(path, old, old)
	os.Chmod(path, 0o444)
	os.Chmod(stick, 0o555)
	t.Cleanup(func() { os.Chmod(stick, 0o755) })

	mount := readOnlyMount(t, stick) // a real read-only mount where the test may make one
	res, err := s.InstallFS(context.Background(), readOnlyFS{os.DirFS(mount)}, "v7.bundle")
	if err != nil || !res.Installed {
		t.Fatalf("%+v %v", res, err)
	}
	info, err := os.Stat(path)
	got, _ := os.ReadFile(path)
	if err != nil || !info.ModTime().Equal(old) || !bytes.Equal(got, data) {
		t.Errorf("the stick changed: %v %v", info.ModTime(), err)
	}
	if entries, _ := os.ReadDir(stick); len(entries) != 1 {
		t.Errorf("files on the stick: %v", entries)
	}
}

// readOnlyMount bind-mounts dir read-only when the test runs as root and
// may mount (Linux), so that any write would fail with EROFS; else it
// returns dir.
func readOnlyMount(t *testing.T, dir string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		return dir
	}
	mnt := t.TempDir()
	if exec.Command("mount", "--bind", dir, mnt).Run() != nil {
		return dir
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	if exec.Command("mount", "-o", "remount,bind,ro", mnt).Run() != nil {
		return dir
	}
	if err := os.WriteFile(filepath.Join(mnt, "probe"), nil, 0o644); err == nil {
		t.Fatal("the read-only mount is writable")
	}
	t.Log("installing from a read-only bind mount")
	return mnt
}

// sync-threats 27: symbolic links and paths with ".." on a stick are
// refused; a linked folder is not entered.
func TestThreat27SymlinksAndDotDot(t *testing.T) {
	s, before := withV5(t)
	outside := t.TempDir()
	target := putFile(t, outside, "real.bundle", makeBundle(t, spec{version: 7}))
	stick := t.TempDir()
	if err := os.Symlink(target, filepath.Join(stick, "link.bundle")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink(outside, filepath.Join(stick, "linked-folder"))
	os.Mkdir(filepath.Join(stick, "sub"), 0o755)
	os.Symlink(target, filepath.Join(stick, "sub", "inner.bundle"))

	found, err := s.FindBundlesIn(stick)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 2 {
		t.Fatalf("found %+v", found)
	}
	for _, f := range found {
		if !errors.Is(f.Err, ErrNotFile) || !strings.Contains(f.Err.Error(), "is a symbolic link") {
			t.Errorf("%s: %v", f.Name, f.Err)
		}
		if _, err := s.InstallFound(context.Background(), f, nil); !errors.Is(err, ErrNotFile) {
			t.Errorf("%s installed: %v", f.Name, err)
		}
	}
	for _, name := range []string{"../real.bundle", "sub/../../real.bundle", "linked-folder/real.bundle", "/etc/passwd", "", "."} {
		_, err := s.InstallFound(context.Background(), Found{Mount: stick, Name: name}, nil)
		if !errors.Is(err, ErrNotFile) {
			t.Errorf("%q: %v", name, err)
		}
	}
	// A plain install of a symbolic link by its path is refused too.
	if _, err := s.Install(context.Background(), filepath.Join(stick, "link.bundle")); !errors.Is(err, ErrNotFile) {
		t.Errorf("Install of a link: %v", err)
	}
	assertUnchanged(t, s, before)
}

func TestFindBundlesReportsHeaderProblems(t *testing.T) {
	s := newStore(t, t.TempDir())
	stick := t.TempDir()
	putFile(t, stick, "empty.bundle", nil)
	putFile(t, stick, "text.bundle", []byte("hello"))
	os.Mkdir(filepath.Join(stick, "folder.bundle"), 0o755)
	found, _ := s.FindBundlesIn(stick)
	errs := map[string]error{}
	for _, f := range found {
		errs[f.Name] = f.Err
	}
	if !errors.Is(errs["empty.bundle"], bundle.ErrTruncated) || !errors.Is(errs["text.bundle"], bundle.ErrNotBundle) ||
		!errors.Is(errs["folder.bundle"], ErrNotFile) {
		t.Errorf("%v", errs)
	}
}

// flakyFS reads slowly, or fails after some bytes as a pulled stick does.
type flakyFS struct {
	fs.FS
	failAfter int
	err       error
	delay     time.Duration
}

func (f *flakyFS) Open(name string) (fs.File, error) {
	file, err := f.FS.Open(name)
	if err != nil {
		return nil, err
	}
	return &flakyFile{File: file, fs: f}, nil
}

type flakyFile struct {
	fs.File
	fs   *flakyFS
	read int
}

func (f *flakyFile) Read(p []byte) (int, error) {
	time.Sleep(f.fs.delay)
	if f.fs.err != nil && f.read >= f.fs.failAfter {
		return 0, f.fs.err
	}
	if f.fs.delay > 0 && len(p) > 4096 {
		p = p[:4096]
	}
	n, err := f.File.Read(p)
	f.read += n
	return n, err
}

// readOnlyFS hides everything but reading: fs.FS has no way to write.
type readOnlyFS struct{ fs.FS }

// Installing from a stick tells staff how far it has come: copying, then
// verifying, each from 0 to 100 percent of its bytes, then checking.
func TestInstallFoundReportsProgress(t *testing.T) {
	s, _ := withV5(t)
	stick := t.TempDir()
	data := makeBundle(t, spec{version: 7})
	putFile(t, stick, "v7.bundle", data)
	var got []Progress
	res, err := s.InstallFound(context.Background(), Found{Mount: stick, Name: "v7.bundle"}, func(p Progress) { got = append(got, p) })
	if err != nil || !res.Installed {
		t.Fatalf("%+v %v", res, err)
	}
	phases := map[Phase][]Progress{}
	var order []Phase
	for _, p := range got {
		if len(order) == 0 || order[len(order)-1] != p.Phase {
			order = append(order, p.Phase)
		}
		phases[p.Phase] = append(phases[p.Phase], p)
	}
	if !slices.Equal(order, []Phase{PhaseCopying, PhaseVerifying, PhaseChecking}) {
		t.Fatalf("phases in the order %v", order)
	}
	for phase, total := range map[Phase]int64{PhaseCopying: int64(len(data)), PhaseVerifying: res.Manifest.Size} {
		ps := phases[phase]
		first, last := ps[0], ps[len(ps)-1]
		if first.Percent() != 0 || last.Percent() != 100 || last.Done != total || last.Total != total || len(ps) > 102 {
			t.Errorf("phase %d: %d reports from %+v to %+v, want 0 to 100%% of %d", phase, len(ps), first, last, total)
		}
		for i := 1; i < len(ps); i++ {
			if ps[i].Done < ps[i-1].Done {
				t.Errorf("phase %d went back from %d to %d bytes", phase, ps[i-1].Done, ps[i].Done)
			}
		}
	}
	// Without a reporter, nothing is reported, and a later install of the
	// same store does not report to the earlier one.
	n := len(got)
	putFile(t, stick, "v8.bundle", makeBundle(t, spec{version: 8}))
	if _, err := s.InstallFound(context.Background(), Found{Mount: stick, Name: "v8.bundle"}, nil); err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Errorf("%d reports to a finished install's reporter", len(got)-n)
	}
}

// A named pipe called like a bundle on a stick: listing and installing it
// must not wait for a writer that never comes.
func TestFIFOOnAStickIsRefusedAtOnce(t *testing.T) {
	s, before := withV5(t)
	stick := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(stick, "katalog.bundle"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		found, err := s.FindBundlesIn(stick)
		if err != nil || len(found) != 1 || !errors.Is(found[0].Err, ErrNotFile) {
			t.Errorf("found %+v, %v", found, err)
			return
		}
		if _, err := s.InstallFound(context.Background(), found[0], nil); !errors.Is(err, ErrNotFile) {
			t.Errorf("installing the pipe: %v", err)
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("listing or installing a named pipe blocked")
	}
	assertUnchanged(t, s, before)
}

// Thousands of bundles on a stick: the listing stops at MaxBundlesListed.
func TestListingOfAFullStickIsBounded(t *testing.T) {
	s, _ := withV5(t)
	stick := t.TempDir()
	for i := range MaxBundlesListed + 30 {
		putFile(t, stick, fmt.Sprintf("k%04d.bundle", i), []byte("not a bundle"))
	}
	found, err := s.FindBundlesIn(stick)
	if err != nil || len(found) != MaxBundlesListed {
		t.Errorf("listed %d, %v; want %d", len(found), err, MaxBundlesListed)
	}
}
