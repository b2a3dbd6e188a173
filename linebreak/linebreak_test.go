package linebreak

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// chars measures every character as 1 wide.
func chars(rs []rune) float64 { return float64(len(rs)) }

func lines(text string, max float64) []string {
	rs := []rune(text)
	var out []string
	for _, sp := range Wrap(rs, max, chars) {
		out = append(out, string(rs[sp.Start:sp.End]))
	}
	return out
}

func TestWrapAtSpaces(t *testing.T) {
	got := lines("Hilfe bei der Gründung eines Unternehmens", 16)
	want := []string{"Hilfe bei der", "Gründung eines", "Unternehmens"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, l := range got {
		if utf8.RuneCountInString(l) > 16 {
			t.Errorf("line %q longer than 16", l)
		}
	}
	if got := lines("   ", 10); len(got) != 0 {
		t.Errorf("spaces gave lines %q", got)
	}
}

func TestURLBreaksAfterItsSeparators(t *testing.T) {
	got := lines("Internet: https://blogs.hawk-hhg.de/migoek/gruendung", 20)
	for _, l := range got {
		if utf8.RuneCountInString(l) > 20 {
			t.Errorf("line %q longer than 20", l)
		}
	}
	if strings.ReplaceAll(strings.Join(got, ""), " ", "") != "Internet:https://blogs.hawk-hhg.de/migoek/gruendung" {
		t.Errorf("text lost or changed: %q", got)
	}
	// UAX #14 allows a break after "//" and after the hyphen, never before
	// a slash: no line starts with one.
	for _, l := range got[1:] {
		if strings.HasPrefix(l, "/") || strings.HasPrefix(l, ".") {
			t.Errorf("a line starts with a separator: %q", got)
		}
	}
}

func TestLongEmailBreaksBetweenGraphemes(t *testing.T) {
	got := lines("gruendungsberatung.holzminden@landkreis-holzminden.de", 18)
	if strings.Join(got, "") != "gruendungsberatung.holzminden@landkreis-holzminden.de" {
		t.Errorf("text lost: %q", got)
	}
	for _, l := range got {
		if utf8.RuneCountInString(l) > 18 {
			t.Errorf("line %q longer than 18", l)
		}
	}
	if len(got) < 3 {
		t.Errorf("not broken: %q", got)
	}
}

func TestNeverSplitsALetterFromItsMark(t *testing.T) {
	// "é" as e + combining acute, a word wider than any line.
	word := strings.Repeat("e\u0301", 10)
	for _, sp := range Wrap([]rune(word), 3, chars) {
		if r := []rune(word)[sp.Start]; r == '\u0301' {
			t.Errorf("a line starts with the combining mark at %d", sp.Start)
		}
	}
}

func TestNoLineStartsWithClosingPunctuation(t *testing.T) {
	// "(IQ)" must not break before ")" nor before the comma.
	for _, max := range []float64{6, 7, 8, 9, 10} {
		for _, l := range lines("Netzwerk (IQ), Beratung", max) {
			if strings.HasPrefix(l, ")") || strings.HasPrefix(l, ",") {
				t.Errorf("width %v: a line starts with %q", max, l)
			}
		}
	}
}

func TestWrapWordsKeepsWordsWhole(t *testing.T) {
	rs := []rune("Більший шрифт")
	var got []string
	for _, sp := range WrapWords(rs, 5, chars) {
		got = append(got, string(rs[sp.Start:sp.End]))
	}
	if strings.Join(got, "|") != "Більший|шрифт" {
		t.Errorf("got %q", got)
	}
}
