// Package linebreak breaks a paragraph into lines no wider than a width,
// for the screen (widgets.Paragraph) and for paper (printout) alike: at the
// places where Unicode's line breaking algorithm (UAX #14, go-text's
// segmenter) allows a line to end, so that "https://blogs.hawk-hhg.de/"
// can break after its slashes and hyphens and no line starts with a closing
// bracket or a comma; and a piece wider than a whole line (a long e-mail
// address) between two grapheme clusters (UAX #29), never between a letter
// and its combining mark, preferring a place after a separator.
package linebreak

import (
	"strings"
	"unicode"

	"github.com/go-text/typesetting/segmenter"
)

// Span is one line: the runes text[Start:End], without the spaces at its end.
type Span struct{ Start, End int }

// Wrap breaks text (one paragraph, no line breaks in it) into lines no
// wider than maxWidth, measured by width, which is given pieces of text
// without spaces at their ends; a line's width is taken as the sum of its
// pieces'. Wrap returns no line for a text of spaces only.
func Wrap(text []rune, maxWidth float64, width func([]rune) float64) []Span {
	return wrap(text, maxWidth, width, true)
}

// WrapWords is Wrap for labels, whose text shrinks to fit instead: a piece
// wider than a line stays whole, on a line of its own.
func WrapWords(text []rune, maxWidth float64, width func([]rune) float64) []Span {
	return wrap(text, maxWidth, width, false)
}

func wrap(text []rune, maxWidth float64, width func([]rune) float64, splitWide bool) []Span {
	var seg segmenter.Segmenter
	seg.Init(text)
	var out []Span
	line := Span{-1, -1}
	var used float64 // the line's width, with the spaces after its last piece
	flush := func() {
		if line.Start >= 0 {
			out = append(out, line)
		}
	}
	iter := seg.LineIterator()
	for iter.Next() {
		l := iter.Line()
		from, to := l.Offset, l.Offset+len(l.Text) // a piece, and the spaces after it
		content := trimSpaces(text, from, to)
		if content == from {
			continue // spaces only
		}
		w := width(text[from:content])
		var spaces float64
		if content < to {
			spaces = width(text[content:to])
		}
		switch {
		case line.Start >= 0 && used+w <= maxWidth:
			line.End = content
			used += w + spaces
		case w <= maxWidth || !splitWide:
			flush()
			line, used = Span{from, content}, w+spaces
		default: // wider than a line: broken between grapheme clusters
			flush()
			parts := splitPiece(text, from, content, maxWidth, width)
			out = append(out, parts[:len(parts)-1]...)
			line = parts[len(parts)-1]
			used = width(text[line.Start:line.End]) + spaces
		}
	}
	flush()
	return out
}

// trimSpaces returns the end of text[from:to] without its trailing spaces.
func trimSpaces(text []rune, from, to int) int {
	for to > from && unicode.IsSpace(text[to-1]) {
		to--
	}
	return to
}

// separators are where a piece too wide for a line breaks best: after them.
const separators = "/-?&=._,;:@"

// splitPiece breaks text[from:to] into lines no wider than maxWidth between
// grapheme clusters, the last after a separator where one fits, and at
// least one cluster a line.
func splitPiece(text []rune, from, to int, maxWidth float64, width func([]rune) float64) []Span {
	var seg segmenter.Segmenter
	seg.Init(text[from:to])
	var bounds []int // ends of the grapheme clusters, from `from`
	iter := seg.GraphemeIterator()
	for iter.Next() {
		g := iter.Grapheme()
		bounds = append(bounds, from+g.Offset+len(g.Text))
	}
	var out []Span
	start := from
	for i := 0; i < len(bounds); {
		fit, afterSep := -1, -1
		for j := i; j < len(bounds); j++ {
			if width(text[start:bounds[j]]) > maxWidth {
				break
			}
			fit = j
			if j < len(bounds)-1 && strings.ContainsRune(separators, text[bounds[j]-1]) {
				afterSep = j
			}
		}
		switch {
		case fit == len(bounds)-1: // the rest fits
		case afterSep >= 0:
			fit = afterSep
		case fit < 0:
			fit = i // one cluster wider than a line: it stands alone
		}
		out = append(out, Span{start, bounds[fit]})
		start, i = bounds[fit], fit+1
	}
	return out
}
