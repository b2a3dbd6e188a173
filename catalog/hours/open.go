package hours

import (
	"slices"
	"time"

	// Embedded zone data: kiosks may run on systems without a zoneinfo
	// database, and the hours must still be read on Berlin's wall clock.
	_ "time/tzdata"
)

// berlin is where all hours are meant; loaded once. With time/tzdata linked
// in, LoadLocation cannot fail for this name.
var berlin = mustLoad("Europe/Berlin")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic("hours: " + err.Error())
	}
	return loc
}

// OpenAt reports whether the schedule is open at t, read on the wall clock
// of Europe/Berlin whatever t's location. Seconds are ignored, so with
// 09:00-17:00 it is open from 09:00:00 up to 16:59:59. Unnamed days and days
// named "off" are closed.
func (s Schedule) OpenAt(t time.Time) bool {
	local := t.In(berlin)
	minute := local.Hour()*60 + local.Minute()
	for _, sp := range s.Days[dayIndex(local.Weekday())] {
		if sp.From <= minute && minute < sp.To {
			return true
		}
	}
	return false
}

// NextChange returns the first instant after t at which OpenAt gives another
// answer than at t: the next opening if closed at t, the next closing if
// open. It returns false if the answer never changes (never open, or open
// around the clock). Daylight saving time is taken into account: hours are
// wall-clock times in Berlin, and the result is in Berlin's location. A span
// that starts in the hour skipped in spring opens when the clock jumps.
func (s Schedule) NextChange(t time.Time) (time.Time, bool) {
	now := s.OpenAt(t)
	local := t.In(berlin)
	y, m, d := local.Date()
	limit := time.Date(y, m, d+8, 0, 0, 0, 0, berlin)

	// The answer can only change where the wall clock reaches the start or
	// end of a span, or jumps at a daylight saving switch. A wall time that
	// happens twice (autumn) is one hour apart, so both ±1h are tried too;
	// extra candidates do no harm, as only the first change counts.
	var cands []time.Time
	for i := range 8 {
		day := time.Date(y, m, d+i, 12, 0, 0, 0, berlin)
		for _, sp := range s.Days[dayIndex(day.Weekday())] {
			for _, minute := range []int{sp.From, sp.To} {
				c := time.Date(y, m, d+i, 0, minute, 0, 0, berlin)
				cands = append(cands, c.Add(-time.Hour), c, c.Add(time.Hour))
			}
		}
	}
	for c := t; ; {
		_, end := c.In(berlin).ZoneBounds()
		if end.IsZero() || end.After(limit) {
			break
		}
		cands = append(cands, end)
		c = end
	}

	slices.SortFunc(cands, time.Time.Compare)
	for _, c := range cands {
		if c.After(t) && s.OpenAt(c) != now {
			return c, true
		}
	}
	return time.Time{}, false
}

// dayIndex converts Go's Sunday-first weekday to the Monday-first index.
func dayIndex(w time.Weekday) int {
	return (int(w) + 6) % 7
}
