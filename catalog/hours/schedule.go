package hours

import "slices"

// Span is a time of day during which a contact is open: from From up to, but
// not including, To. Both are minutes since midnight, 0 ≤ From < To ≤ 1440;
// To = 1440 is the end of the day (24:00).
type Span struct{ From, To int }

// Schedule is a week of opening hours. Index 0 is Monday, 6 is Sunday.
//
// Days[d] holds the spans of day d, sorted and not overlapping. Named[d]
// tells whether any rule named day d: a named day without spans was written
// "off" (closed), an unnamed day is unknown. Parse never returns spans for an
// unnamed day.
type Schedule struct {
	Days  [7][]Span
	Named [7]bool
}

// IsZero reports whether the schedule says nothing about any day, as for the
// empty text.
func (s Schedule) IsZero() bool {
	for d := range 7 {
		if s.named(d) {
			return false
		}
	}
	return true
}

// Equal reports whether s and o describe the same hours. (Schedule holds
// slices, so == cannot be used.)
func (s Schedule) Equal(o Schedule) bool {
	if s.Named != o.Named {
		return false
	}
	for d := range 7 {
		if !slices.Equal(s.Days[d], o.Days[d]) {
			return false
		}
	}
	return true
}

// named reports whether day d is described at all: named by a rule, or given
// spans by a caller who built the Schedule by hand.
func (s Schedule) named(d int) bool {
	return s.Named[d] || len(s.Days[d]) > 0
}
