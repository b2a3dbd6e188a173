package catalog

import "time"

// Text is a localized text: language code → string.
type Text map[string]string

// Meta is the catalogue's own description, from catalog.toml.
type Meta struct {
	Format         int
	ID             string
	SourceLanguage string
	Languages      []string // visitor languages in menu order
	Fallback       []string
	Title          Text
	Publisher      string
	Sample         bool // the built-in sample data, not a real office's catalogue
	// RecheckAfter is how long after its `updated` date an offer is
	// overdue for a check; 0 when the catalogue sets none.
	RecheckAfter time.Duration
}

// Content is a whole catalogue as authored: what the source loader produces
// and what Compile stores.
type Content struct {
	Meta       Meta
	Districts  []District
	Categories []Category
	Offers     []Offer
	Events     []Event
	Brochures  []Brochure
	Media      map[string][]byte // path inside the source folder → image bytes
	// State is the source's translation status (source.StatusFile):
	// language → text place → hash of the source text it was made from.
	State map[string]map[string]string
}

// District is an area a kiosk can be set to (an AGS prefix).
type District struct {
	ID   string
	Name Text
}

// Category groups offers on the home screen.
type Category struct {
	ID          string
	Name        Text
	Description Text
	Icon        string
}

// Offer is one support offer: advice, recognition, financing, a course...
type Offer struct {
	ID          string
	Title       Text
	Provider    Text
	Summary     Text
	Description Text
	Audience    Text
	Cost        Text
	Categories  []string
	Areas       []string
	Languages   []string // languages the offer's staff speak
	Website     string
	ValidFrom   time.Time // zero: no limit; dates are midnight UTC
	ValidUntil  time.Time
	Updated     time.Time
	Tags        []string
	Contacts    []Contact
}

// Contact is one way to reach an offer.
type Contact struct {
	Label     Text
	Phone     string
	Email     string
	Address   string
	Hours     string // opening hours, syntax of package catalog/hours
	HoursNote Text
}

// Event is a dated occasion such as an information evening.
type Event struct {
	ID          string
	Title       Text
	Summary     Text
	Description Text
	Areas       []string
	Categories  []string
	Start       time.Time // in Europe/Berlin
	End         time.Time // zero when not given
	Place       Text
	Website     string
	Languages   []string
}

// Brochure is a district's take-home leaflet ("Gründen im Landkreis …").
type Brochure struct {
	ID       string
	Area     string
	Title    Text
	Sections []Section
}

// Section is one page of a brochure.
type Section struct {
	Heading Text
	Body    Text
	Offers  []string
	Image   string // path inside the source folder, key of Content.Media
}
