package install

import (
	"cmp"
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"wegweiser/catalog/bundle"
)

// Found is a bundle file on a USB stick, for the staff screen.
type Found struct {
	Mount    string          // the stick's mount point
	Name     string          // the file inside it, slash-separated: "x.bundle" or "folder/x.bundle"
	Size     int64           // bytes
	Manifest bundle.Manifest // catalogue id, version, issued, expires; valid when Err is nil
	Err      error           // why it cannot be installed, as far as its header tells
}

// Path is the file's full path.
func (f Found) Path() string { return filepath.Join(f.Mount, filepath.FromSlash(f.Name)) }

// FindBundles lists the bundles on the removable media of a mount table
// (the text of /proc/self/mountinfo): files named *.bundle at the top of a
// stick and one folder down, with each one's manifest, verified against
// keys. Symbolic links are listed with an error and never followed. The
// error reports sticks that could not be read; the bundles of the others
// are returned all the same.
func FindBundles(mountinfo string, keys []ed25519.PublicKey) ([]Found, error) {
	var all []Found
	var errs []error
	for _, m := range Removable(ParseMountInfo(mountinfo)) {
		found, err := findIn(m.Point, keys)
		all = append(all, found...)
		if err != nil {
			errs = append(errs, err)
		}
	}
	return all, errors.Join(errs...)
}

// Sticks are the mount points of the USB sticks mounted now (Linux).
func Sticks() ([]string, error) {
	if runtime.GOOS != "linux" {
		return nil, errors.New("finding USB sticks works on Linux only")
	}
	b, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range Removable(ParseMountInfo(string(b))) {
		out = append(out, m.Point)
	}
	return out, nil
}

// FindBundles lists the bundles on the USB sticks mounted now (Linux).
func (s *Store) FindBundles() ([]Found, error) {
	if runtime.GOOS != "linux" {
		return nil, errors.New("looking for USB sticks works on Linux only; install the bundle by its file name")
	}
	b, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return nil, err
	}
	return FindBundles(string(b), s.trust.Keys)
}

// FindBundlesIn lists the bundles in one folder and its subfolders, as
// FindBundles does for a stick.
func (s *Store) FindBundlesIn(dir string) ([]Found, error) {
	return findIn(dir, s.trust.Keys)
}

// MaxBundlesListed is how many bundles a stick's listing reads at most: a
// stick with thousands of them must not keep the staff screen waiting.
const MaxBundlesListed = 50

func findIn(mount string, keys []ed25519.PublicKey) ([]Found, error) {
	fsys := os.DirFS(mount)
	top, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", mount, err)
	}
	var out []Found
	add := func(name string) bool {
		if len(out) == MaxBundlesListed {
			return false
		}
		out = append(out, inspect(fsys, mount, name, keys))
		return true
	}
	for _, e := range top {
		switch {
		case hidden(e.Name()):
		case isBundleName(e.Name()):
			if !add(e.Name()) {
				return out, nil
			}
		case e.IsDir() && e.Type()&fs.ModeSymlink == 0:
			sub, _ := fs.ReadDir(fsys, e.Name())
			for _, f := range sub {
				if !hidden(f.Name()) && isBundleName(f.Name()) && !add(e.Name()+"/"+f.Name()) {
					return out, nil
				}
			}
		}
	}
	return out, nil
}

// hidden names are skipped, among them macOS's "._x.bundle" shadow files
// and ".Trash-1000".
func hidden(name string) bool { return strings.HasPrefix(name, ".") }

func isBundleName(name string) bool { return strings.EqualFold(path.Ext(name), ".bundle") }

// inspect reads a bundle's header in place: just enough for the list.
// Installing copies the file to the kiosk's disk first and checks it all.
func inspect(fsys fs.FS, mount, name string, keys []ed25519.PublicKey) Found {
	f := Found{Mount: mount, Name: name}
	if err := checkSourcePath(fsys, name); err != nil {
		f.Err = err
		return f
	}
	file, err := fsys.Open(name)
	if err != nil {
		f.Err = fmt.Errorf("%w: %v", ErrRead, err)
		return f
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil || !info.Mode().IsRegular() {
		f.Err = fmt.Errorf("%w: %s is not a regular file", ErrNotFile, name)
		return f
	}
	f.Size = info.Size()
	r, err := bundle.Open(file, keys)
	if err != nil {
		f.Err = err
		return f
	}
	f.Manifest = r.Manifest()
	return f
}

// Outcome is what became of one offered bundle.
type Outcome struct {
	Found     Found
	Installed bool  // this one is installed now
	Err       error // why it was refused; nil and not Installed: not needed, another was installed
}

// InstallNewest installs the newest of the offered bundles that passes the
// whole check: it tries them from the highest version down and stops at
// the first that installs (or is installed already). Each is copied to the
// kiosk's disk and checked there. The outcomes, newest first, say what
// became of each.
func (s *Store) InstallNewest(ctx context.Context, offers []Found) (Result, []Outcome) {
	sorted := slices.Clone(offers)
	slices.SortStableFunc(sorted, func(a, b Found) int {
		if (a.Err == nil) != (b.Err == nil) {
			if a.Err == nil {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.Manifest.Version, a.Manifest.Version)
	})
	var res Result
	done := false
	out := make([]Outcome, len(sorted))
	for i, f := range sorted {
		out[i].Found = f
		switch {
		case f.Err != nil:
			out[i].Err = f.Err
		case done:
		default:
			r, err := s.InstallFound(ctx, f, nil)
			out[i].Err = err
			if err == nil {
				res, done = r, true
				out[i].Installed = r.Installed
			}
		}
	}
	return res, out
}

// InstallFound copies a listed bundle to the kiosk's disk and installs it,
// telling report (if not nil) how far it has come. The stick is only read.
func (s *Store) InstallFound(ctx context.Context, f Found, report func(Progress)) (Result, error) {
	return s.installFS(ctx, os.DirFS(f.Mount), f.Name, report)
}
