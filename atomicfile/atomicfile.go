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
// file's name starts with a dot (the catalogue source loader skips such
// files, should one be left behind by a crash).
func Write(path string, data []byte, perm fs.FileMode) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
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
