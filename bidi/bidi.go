// Package bidi orders mixed right-to-left and left-to-right text for
// display: Fyne draws the runs of a line in the order they are stored, left
// to right, and gofpdf prints a string left to right, so a right-to-left
// sentence with a Latin name or a number in it comes out wrong. Visual
// splits a line into runs of one direction and one script, in the order
// they must be drawn from left to right, per the Unicode Bidirectional
// Algorithm (uba.go); VisualLines does so for the lines of a wrapped
// paragraph. Levels, LineLevels and VisualRuns are the steps underneath,
// for callers that break lines themselves (package printing).
package bidi

import "unicode"

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
	return VisualLines([]string{line}, rtl)[0]
}

// VisualLines returns the runs of each of the lines that one paragraph was
// wrapped into, in the order they are drawn from left to right. The lines
// are ordered with the levels of the whole paragraph (the lines joined by
// spaces), so that a bracket pair or an isolate broken over two lines keeps
// its direction; each line is then reordered on its own.
func VisualLines(lines []string, rtl bool) [][]Run {
	var text []rune
	spans := make([][2]int, len(lines))
	for i, l := range lines {
		if i > 0 {
			text = append(text, ' ')
		}
		start := len(text)
		text = append(text, []rune(l)...)
		spans[i] = [2]int{start, len(text)}
	}
	levels := Levels(text, rtl)
	out := make([][]Run, len(lines))
	for i, sp := range spans {
		line := text[sp[0]:sp[1]]
		out[i] = VisualRuns(line, LineLevels(line, levels[sp[0]:sp[1]], rtl))
	}
	return out
}

// Isolates: text that must keep its own direction inside a line of the
// other, such as a phone number in an Arabic sentence, is wrapped in
// LeftToRight (LRI … PDI). The marks steer the ordering and are not drawn.
const (
	lri = '\u2066'
	pdi = '\u2069'
)

// LeftToRight wraps s so that it keeps left-to-right order, as a unit,
// inside right-to-left text.
func LeftToRight(s string) string { return string(lri) + s + string(pdi) }

// byScript splits a run of one direction into pieces of one script, in
// visual order. Characters of no script (spaces, punctuation, digits) stay
// with the piece before them.
func byScript(s string, rtl bool) []Run {
	var out []Run
	start, cur := 0, Script(-1)
	for i, r := range s {
		sc, ok := ScriptOfRune(r)
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

// ScriptOfRune is the script a letter asks for; characters of no script
// (spaces, digits, punctuation) ask for none.
func ScriptOfRune(r rune) (Script, bool) {
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
		if sc, ok := ScriptOfRune(r); ok {
			return sc
		}
	}
	return Latin
}
