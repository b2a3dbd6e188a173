package stats

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// ExportFile writes the CSV export of the statistics file at path without
// writing anything beside it: it reads a copy of the file (and of its
// write-ahead log, which holds the latest counts while the kiosk runs) in
// the temporary folder. So `stats export` works on a read-only data folder,
// and never competes with the running kiosk for the file.
func ExportFile(w io.Writer, path string, now time.Time) error {
	tmp, err := os.MkdirTemp("", "wegweiser-stats-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	copyPath := filepath.Join(tmp, FileName)
	if err := copyFile(path, copyPath); err != nil {
		return err
	}
	if err := copyFile(path+"-wal", copyPath+"-wal"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	s, err := Open(copyPath)
	if err != nil {
		return err
	}
	if err := s.ExportCSV(w, now); err != nil {
		s.Close()
		return err
	}
	return s.Close()
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	return errors.Join(err, out.Close())
}
