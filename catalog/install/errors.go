package install

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"
)

// The reasons an install, a rollback or a sync fails. Errors from this
// package wrap one of these or one of package bundle's (test with
// errors.Is); their text is meant for staff.
var (
	// ErrNoneInstalled: the data folder holds no installed catalogue.
	ErrNoneInstalled = errors.New("no catalogue is installed")
	// ErrNoTrustedCatalog: kiosk.toml names no catalogue id to accept.
	ErrNoTrustedCatalog = errors.New("this kiosk does not know yet which catalogue to accept: staff must set it with 'wegweiser admin trust-key KEY --catalog ID'")
	// ErrOtherCatalog: a bundle of a catalogue id this kiosk does not accept.
	ErrOtherCatalog = errors.New("this bundle is for another catalogue")
	// ErrOlder: a version lower than the installed one.
	ErrOlder = errors.New("this catalogue is older than the installed one")
	// ErrWithdrawn: a version that staff rolled back, offered again by the sync.
	ErrWithdrawn = errors.New("staff went back from this catalogue version; the sync waits for a newer one")
	// ErrExpired: the bundle's expiry has passed (or the kiosk's time floor has).
	ErrExpired = errors.New("this catalogue has expired")
	// ErrIssuedInFuture: a bundle issued well after the kiosk's now: built on
	// a computer whose clock runs ahead. Installing it would raise the time
	// floor into the future and refuse every correct build after it.
	ErrIssuedInFuture = errors.New("this catalogue was built on a computer whose clock is ahead")
	// ErrTooLarge: a bundle over the size cap.
	ErrTooLarge = errors.New("the bundle is too large")
	// ErrNotFile: not a regular file (a symbolic link, a folder, a device) or a path leaving its folder.
	ErrNotFile = errors.New("this is not a bundle file that may be read")
	// ErrNotCatalog: a correctly signed payload that is not a sound catalogue.
	ErrNotCatalog = errors.New("the bundle does not hold a sound Wegweiser catalogue")
	// ErrRead: the bundle could not be read (a USB stick pulled out, a bad sector).
	ErrRead = errors.New("the bundle could not be read to the end")
	// ErrDisk: writing to the kiosk's own disk failed.
	ErrDisk = errors.New("the catalogue could not be saved on this kiosk's disk")
	// ErrNoPrevious: rollback without a previous catalogue.
	ErrNoPrevious = errors.New("there is no previous catalogue to go back to")
	// ErrDamaged: the record of the installed catalogue cannot be read.
	ErrDamaged = errors.New("the record of the installed catalogue is damaged")
)

// diskError explains a failed write to the kiosk's disk.
func diskError(err error) error {
	if err == nil || errors.Is(err, ErrDisk) {
		return err
	}
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("%w: the disk is full (%v)", ErrDisk, err)
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("%w: the data folder is read-only (%v)", ErrDisk, err)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%w: no permission to write there (%v)", ErrDisk, err)
	case errors.Is(err, syscall.EIO):
		return fmt.Errorf("%w: the disk reported an error (%v)", ErrDisk, err)
	}
	return fmt.Errorf("%w: %v", ErrDisk, err)
}

// Sentence writes an error from this package as a sentence for the staff
// screen: first letter upper-case, a full stop at the end.
func Sentence(err error) string {
	if err == nil {
		return ""
	}
	s := err.Error()
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
