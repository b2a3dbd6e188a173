package catalog

import "regexp"

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

// ValidID reports whether id may name a catalogue, category, offer, event
// or brochure.
func ValidID(id string) bool { return idPattern.MatchString(id) }

// Icons is the app's icon set: the names a category's icon may take.
var Icons = []string{"advice", "recognition", "financing", "network", "language", "training", "event", "info", "brochure"}
