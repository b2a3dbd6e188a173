package status

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"wegweiser/atomicfile"
)

// ReportFolder is the folder a kiosk writes its report into on a USB
// stick: wegweiser-bericht/<kiosk id>/<date>/, with status.json and
// statistik.csv. Coordinators collect the sticks' folders and run
// `wegweiser fleet report` on them.
const ReportFolder = "wegweiser-bericht"

// ErrReadOnly: the stick cannot be written (write-protected or mounted
// read-only).
var ErrReadOnly = errors.New("the USB stick is write-protected")

// WriteUSBReport writes the kiosk's status and its statistics export onto
// the stick mounted at mount, and returns the folder. Every folder on the
// way is created or must be a real folder: a link is never followed. The
// files are written through a temporary file and renamed into place, so a
// stick pulled mid-way leaves either the old report or none. kiosk names
// the kiosk's folder ("kiosk" when no kiosk_id is set).
func WriteUSBReport(mount, kiosk string, s Status, statsCSV []byte, now time.Time) (string, error) {
	if kiosk == "" {
		kiosk = "kiosk"
	}
	dir := mount
	for _, part := range []string{ReportFolder, kiosk, now.Format("2006-01-02")} {
		dir = filepath.Join(dir, part)
		if err := realDir(dir); err != nil {
			return "", err
		}
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return "", err
	}
	for name, data := range map[string][]byte{FileName: append(b, '\n'), "statistik.csv": statsCSV} {
		if err := atomicfile.Write(filepath.Join(dir, name), data, 0o644); err != nil {
			return "", usbError(err)
		}
	}
	return dir, nil
}

// realDir makes dir, or checks that it is a folder and not a link.
func realDir(dir string) error {
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.Mkdir(dir, 0o755); err != nil {
			return usbError(err)
		}
		return nil
	case err != nil:
		return usbError(err)
	case !info.IsDir():
		return fmt.Errorf("%s on the stick is not a folder (a file or a link); nothing was written", filepath.Base(dir))
	}
	return nil
}

func usbError(err error) error {
	if errors.Is(err, syscall.EROFS) || errors.Is(err, fs.ErrPermission) {
		return ErrReadOnly
	}
	return err
}
