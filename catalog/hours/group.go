package hours

import "slices"

// group is a set of days that have the same hours. String writes one rule
// per group and Format one line.
type group struct {
	runs  []run  // the days, as runs of consecutive days, Monday first
	spans []Span // empty for a day named "off"
}

// run is the days first..last (indexes, first ≤ last; no wrap-around).
type run struct{ first, last int }

// groups collects the described days with equal hours into groups, ordered
// by their first day. Unnamed days are left out.
func (s Schedule) groups() []group {
	var gs []group
	var done [7]bool
	for d := range 7 {
		if done[d] || !s.named(d) {
			continue
		}
		g := group{spans: s.Days[d]}
		for e := d; e < 7; e++ {
			if done[e] || !s.named(e) || !slices.Equal(s.Days[e], g.spans) {
				continue
			}
			done[e] = true
			if n := len(g.runs); n > 0 && g.runs[n-1].last == e-1 {
				g.runs[n-1].last = e
			} else {
				g.runs = append(g.runs, run{e, e})
			}
		}
		gs = append(gs, g)
	}
	return gs
}

// DayGroup is a set of days with equal hours: the days as runs of
// consecutive days (indexes, Monday 0, first ≤ last), and their spans
// (none for days named "off").
type DayGroup struct {
	Runs  [][2]int
	Spans []Span
}

// DayGroups are the schedule's groups of days with equal hours, in the
// order Format writes them: for saying them in words (package speech).
func (s Schedule) DayGroups() []DayGroup {
	var out []DayGroup
	for _, g := range s.groups() {
		d := DayGroup{Spans: g.spans}
		for _, r := range g.runs {
			d.Runs = append(d.Runs, [2]int{r.first, r.last})
		}
		out = append(out, d)
	}
	return out
}
