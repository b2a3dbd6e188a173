package source

import (
	"fmt"
	"sort"
)

// Severity tells whether a problem stops a build.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Problem is one finding in a source folder.
type Problem struct {
	Path     string // relative to the source folder, with forward slashes
	Line     int
	Severity Severity
	Message  string
	Stale    bool // an offer overdue for its recheck (recheck_after): `check --stale` lists these
}

// String formats the problem as "path:line: message"; warnings say so.
func (p Problem) String() string {
	if p.Severity == Warning {
		return fmt.Sprintf("%s:%d: warning: %s", p.Path, p.Line, p.Message)
	}
	return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Message)
}

// Problems is every finding of one check, in path and line order.
type Problems []Problem

// Errors counts the problems that are errors.
func (ps Problems) Errors() int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings counts the problems that are warnings.
func (ps Problems) Warnings() int { return len(ps) - ps.Errors() }

// Fail reports whether the problems refuse the source: any error, or with
// strict any warning too.
func (ps Problems) Fail(strict bool) bool {
	return ps.Errors() > 0 || strict && len(ps) > 0
}

func (ps Problems) sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Path != ps[j].Path {
			return ps[i].Path < ps[j].Path
		}
		return ps[i].Line < ps[j].Line
	})
}
