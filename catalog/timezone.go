package catalog

import (
	"time"
	_ "time/tzdata" // kiosks may have no zoneinfo; Europe/Berlin must always load
)

// Berlin is the time zone of every date-time in a catalogue.
var Berlin = mustLoadLocation("Europe/Berlin")

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic("catalog: time zone " + name + " missing: " + err.Error())
	}
	return loc
}

// Day returns the calendar day of t in Europe/Berlin as midnight UTC, the
// form in which catalogue dates are compared.
func Day(t time.Time) time.Time {
	y, m, d := t.In(Berlin).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
