package ui

import (
	"fmt"
	"strings"
	"syscall"
	"testing"

	"wegweiser/catalog/bundle"
	"wegweiser/catalog/install"
)

// Staff read why an action failed in German, with the technical detail
// kept; a full disk is named as such, not as a disk error in general.
func TestStaffReasonsInGerman(t *testing.T) {
	for _, tc := range []struct {
		err          error
		want, detail string
	}{
		{fmt.Errorf("%w: version 5 < 7", install.ErrOlder), "älter als der installierte", "(version 5 < 7)"},
		{fmt.Errorf("%w after 12 MB: input/output error", install.ErrRead), "USB-Stick abgezogen", "(after 12 MB: input/output error)"},
		{fmt.Errorf("%w: the disk is full (%w)", install.ErrDisk, syscall.ENOSPC), "Speicher dieses Kiosks ist voll", "the disk is full (no space left on device))"},
		{fmt.Errorf("%w: permission denied", install.ErrDisk), "nicht gespeichert werden", "(permission denied)"},
		{bundle.ErrUnknownKey, "nicht von Ihrer Koordination signiert", "."},
		{fmt.Errorf("refused a.bundle: %w", install.ErrExpired), "abgelaufen", "(refused a.bundle: this catalogue has expired)"},
	} {
		got := staffReason(tc.err)
		if !strings.Contains(got, tc.want) || !strings.HasSuffix(got, tc.detail) {
			t.Errorf("%v: %q, want %q ending in %q", tc.err, got, tc.want, tc.detail)
		}
	}
	// Every reason the list names is reachable: none is hidden by an
	// earlier, more general one.
	for i, r := range staffReasons {
		if got := staffReason(fmt.Errorf("%w: detail", r.err)); !strings.HasPrefix(got, r.reason) {
			t.Errorf("reason %d (%v) is answered with %q", i, r.err, got)
		}
	}
}
