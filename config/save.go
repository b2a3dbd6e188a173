package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ReadText returns the text of dataDir/kiosk.toml, "" when there is none.
func ReadText(dataDir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, FileName))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	return string(b), err
}

// Save replaces dataDir/kiosk.toml with text, which must be a valid
// kiosk.toml. It writes a temporary file, flushes it to the disk and renames
// it over the old one, so that after a crash or power cut the file is
// either the old or the new one. The file keeps its permissions (new files
// get 0600: it holds the PIN hash).
func Save(dataDir, text string) error {
	if _, err := Parse(text); err != nil {
		return err
	}
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(dataDir, FileName)
	perm := fs.FileMode(0o600)
	if info, err := os.Stat(path); err == nil {
		perm = info.Mode().Perm()
	}
	if err := writeAtomic(path, []byte(text), perm); err != nil {
		return fmt.Errorf("cannot write kiosk.toml: %w", err)
	}
	return nil
}

// writeAtomic replaces path with data: a temporary file in the same folder,
// flushed to the disk and renamed over it, then the folder flushed.
func writeAtomic(path string, data []byte, perm fs.FileMode) error {
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
		err = syncDir(dir)
	}
	return err
}

// syncDir flushes a folder's entries (a rename) to the disk. Systems that
// cannot open a folder for that (Windows) skip it.
func syncDir(dir string) error {
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
