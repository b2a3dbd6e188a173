// Package bidi orders the text of one line for display: Fyne draws the runs
// of a line in the order they are stored, left to right, so a right-to-left
// sentence with a Latin name or a number in it comes out wrong. Visual
// splits a line into runs of one direction and one script, in the order
// they must be drawn from left to right, per the Unicode bidirectional
// algorithm (golang.org/x/text/unicode/bidi).
package bidi

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

// Script is the font family a run needs.
type Script int

const (
	Latin    Script = iota // Latin, Cyrillic, Greek, digits, punctuation
	Arabic                 // Arabic script
	Ethiopic               // Ge'ez script
)

// Run is a piece of a line drawn with one direction and one font. Its Text
// is in logical order; a right-to-left run is shaped right to left by the
// text renderer.
type Run struct {
	Text   string
	RTL    bool
	Script Script
}

// Visual returns the runs of line (no line breaks) in the order they are
// drawn from left to right. rtl is the paragraph's base direction: the
// visitor's language's.
func Visual(line string, rtl bool) []Run {
	if line == "" {
		return nil
	}
	dir := bidi.LeftToRight
	if rtl {
		dir = bidi.RightToLeft
	}
	var p bidi.Paragraph
	if _, err := p.SetString(line, bidi.DefaultDirection(dir)); err != nil {
		return byScript(line, rtl)
	}
	order, err := p.Order()
	if err != nil {
		return byScript(line, rtl)
	}
	// The package resolves each run's direction but returns the runs in
	// logical order; put them in visual order by their embedding levels
	// (rule L2 of the algorithm).
	n := order.NumRuns()
	runs := make([]bidi.Run, n)
	levels := make([]int, n)
	for i := range runs {
		runs[i] = order.Run(i)
		levels[i] = level(runs[i].Direction() == bidi.RightToLeft, rtl)
	}
	for lvl := 2; lvl >= 1; lvl-- {
		for i := 0; i < n; {
			if levels[i] < lvl {
				i++
				continue
			}
			j := i
			for j < n && levels[j] >= lvl {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				runs[a], runs[b] = runs[b], runs[a]
				levels[a], levels[b] = levels[b], levels[a]
			}
			i = j
		}
	}
	var out []Run
	for _, r := range runs {
		text := stripIsolates(r.String())
		if text != "" {
			out = append(out, byScript(text, r.Direction() == bidi.RightToLeft)...)
		}
	}
	return out
}

// level is the embedding level of a run: right-to-left runs are at 1,
// left-to-right runs at 0 in a left-to-right paragraph and at 2 in a
// right-to-left one.
func level(runRTL, baseRTL bool) int {
	switch {
	case runRTL:
		return 1
	case baseRTL:
		return 2
	}
	return 0
}

// Isolates: text that must keep its own direction inside a line of the
// other, such as a phone number in an Arabic sentence, is wrapped in
// LeftToRight (LRI … PDI). The marks steer the ordering and are not drawn.
const (
	lri = '\u2066'
	rli = '\u2067'
	fsi = '\u2068'
	pdi = '\u2069'
)

// LeftToRight wraps s so that it keeps left-to-right order, as a unit,
// inside right-to-left text.
func LeftToRight(s string) string { return string(lri) + s + string(pdi) }

func stripIsolates(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case lri, rli, fsi, pdi:
			return -1
		}
		return r
	}, s)
}

// byScript splits a run of one direction into pieces of one script, in
// visual order. Characters of no script (spaces, punctuation, digits) stay
// with the piece before them.
func byScript(s string, rtl bool) []Run {
	var out []Run
	start, cur := 0, Script(-1)
	for i, r := range s {
		sc, ok := scriptOf(r)
		if !ok || sc == cur {
			continue
		}
		if cur >= 0 {
			out = append(out, Run{Text: s[start:i], RTL: rtl, Script: cur})
			start = i
		}
		cur = sc
	}
	if cur < 0 {
		cur = Latin
	}
	out = append(out, Run{Text: s[start:], RTL: rtl, Script: cur})
	if rtl {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out
}

func scriptOf(r rune) (Script, bool) {
	switch {
	case unicode.Is(unicode.Arabic, r):
		return Arabic, true
	case unicode.Is(unicode.Ethiopic, r):
		return Ethiopic, true
	case unicode.IsLetter(r):
		return Latin, true
	}
	return 0, false
}

// ScriptOf is the font family a whole text needs most: the script of its
// first letter.
func ScriptOf(s string) Script {
	for _, r := range s {
		if sc, ok := scriptOf(r); ok {
			return sc
		}
	}
	return Latin
}
