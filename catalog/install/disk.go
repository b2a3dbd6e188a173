package install

import (
	"errors"
	"io"
	"os"
	"path/filepath"
)

// disk is every write an install makes to the kiosk's own disk, so that
// tests can make any one of them fail as a full or broken disk would.
type disk interface {
	MkdirAll(dir string) error
	// OpenFile opens a file for writing (flag as os.OpenFile).
	OpenFile(name string, flag int) (writeFile, error)
	Rename(from, to string) error
	// SyncDir flushes a folder's entries (new names, renames) to the disk.
	SyncDir(dir string) error
}

// writeFile is a file open for writing.
type writeFile interface {
	io.Writer
	Sync() error
	Close() error
}

// osDisk is the real disk.
type osDisk struct{}

func (osDisk) MkdirAll(dir string) error { return os.MkdirAll(dir, 0o755) }

func (osDisk) OpenFile(name string, flag int) (writeFile, error) {
	return os.OpenFile(name, flag, 0o644)
}

func (osDisk) Rename(from, to string) error { return os.Rename(from, to) }

func (osDisk) SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil // Windows cannot open a folder this way; its renames are durable
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	return nil
}

// writeAtomic replaces path with data: it writes path+".tmp", flushes it,
// renames it over path and flushes the folder. After a crash path holds
// either the old or the new content. renamed tells whether the new content
// became visible (an error after that is only about flushing the folder).
// step is called after each stage, for the crash tests.
func writeAtomic(d disk, path string, data []byte, step func(string)) (renamed bool, err error) {
	tmp := path + ".tmp"
	f, err := d.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC)
	if err != nil {
		return false, err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return false, err
	}
	step("state written")
	if err := d.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return false, err
	}
	step("state renamed")
	if err := d.SyncDir(filepath.Dir(path)); err != nil {
		return true, err
	}
	step("state flushed")
	return true, nil
}
