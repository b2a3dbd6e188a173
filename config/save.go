package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"wegweiser/atomicfile"
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
	if err := atomicfile.Write(path, []byte(text), perm); err != nil {
		return fmt.Errorf("cannot write kiosk.toml: %w", err)
	}
	return nil
}
