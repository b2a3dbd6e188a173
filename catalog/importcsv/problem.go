package importcsv

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// Problem is one finding of an import.
type Problem struct {
	File    string // the CSV file as named to Import, or a file of the source folder
	Line    int    // the spreadsheet row (header = 1), or the line in a source file
	Warning bool   // warnings do not stop the import
	Message string
}

// String formats the problem as "FILE.csv:ROW: message".
func (p Problem) String() string {
	if p.Warning {
		return fmt.Sprintf("%s:%d: warning: %s", p.File, p.Line, p.Message)
	}
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
}

// Problems is every finding of one import.
type Problems []Problem

// Errors counts the problems that are not warnings.
func (ps Problems) Errors() int {
	n := 0
	for _, p := range ps {
		if !p.Warning {
			n++
		}
	}
	return n
}

// sort orders the problems of the CSV file by row, then the others by file
// and line, keeping the order of problems within a row.
func (ps Problems) sort(csvFile string) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if (a.File == csvFile) != (b.File == csvFile) {
			return a.File == csvFile
		}
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
}

// collector gathers the problems of one CSV file.
type collector struct {
	file     string
	problems Problems
}

func (c *collector) errorf(row int, format string, args ...any) {
	c.problems = append(c.problems, Problem{File: c.file, Line: row, Message: fmt.Sprintf(format, args...)})
}

func (c *collector) warnf(row int, format string, args ...any) {
	c.problems = append(c.problems, Problem{File: c.file, Line: row, Warning: true, Message: fmt.Sprintf(format, args...)})
}

// quote shows a cell's value in a message, shortened when it is long.
func quote(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = string(r[:max]) + "…"
	}
	return "'" + s + "'"
}
