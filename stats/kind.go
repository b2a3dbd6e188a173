package stats

import "fmt"

// Kind is what was counted.
type Kind string

// The kinds of things counted. The item of each is a catalogue id: of the
// category, offer, brochure or event viewed; of the offer or event whose QR
// code was shown; of the offer or brochure printed (a contact sheet with
// several offers counts one print for each).
const (
	Category Kind = "category"
	Offer    Kind = "offer"
	Brochure Kind = "brochure"
	Event    Kind = "event"
	QR       Kind = "qr"
	Print    Kind = "print"
)

// Kinds lists every kind, in the order of the documentation.
var Kinds = []Kind{Category, Offer, Brochure, Event, QR, Print}

func (k Kind) valid() bool {
	for _, known := range Kinds {
		if k == known {
			return true
		}
	}
	return false
}

func (k Kind) check() error {
	if !k.valid() {
		return fmt.Errorf("stats: unknown kind %q", string(k))
	}
	return nil
}
