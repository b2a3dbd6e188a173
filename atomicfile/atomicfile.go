// Package atomicfile replaces a file so that, after a crash or a power cut,
// it holds either its old or its new content, never a mix or nothing: the
// data goes to a temporary file beside it, is flushed, renamed over the
// file, and the folder is flushed so that the rename itself is durable.
//
// The catalogue store (catalog/install) keeps its own variant on its disk
// abstraction, which its fault and crash tests need; every other writer of
// the program uses this one.
package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Write replaces path with data, with the permissions perm. The temporary
// file is ".NAME.tmp" beside it: its name starts with a dot (the catalogue
// source loader skips such files), and a crash leaves at most that one
// file, which the next write replaces (a kiosk killed again and again
// while writing its status does not fill the folder). An old temporary
// file, or a link under its name, is removed first, never followed.
func Write(path string, data []byte, perm fs.FileMode) error {
	dir := filepath.Dir(path)
	name := filepath.Join(dir, "."+filepath.Base(path)+".tmp")
	if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	tmp, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer os.Remove(name) // fails harmlessly once renamed
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(perm)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err == nil {
		err = SyncDir(dir)
	}
	return err
}

// SyncDir flushes a folder's entries (a rename) to the disk. Systems that
// cannot open a folder for that (Windows) skip it.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	return nil
}
