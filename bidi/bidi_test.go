package bidi

import (
	"fmt"
	"strings"
	"testing"
)

func describe(runs []Run) string {
	var parts []string
	for _, r := range runs {
		dir := "L"
		if r.RTL {
			dir = "R"
		}
		parts = append(parts, fmt.Sprintf("%s%d[%s]", dir, r.Script, r.Text))
	}
	return strings.Join(parts, " ")
}

func TestVisual(t *testing.T) {
	for _, tc := range []struct {
		line string
		rtl  bool
		want string
	}{
		{"Hello world", false, "L0[Hello world]"},
		// An Arabic sentence with a Latin name: the name stands left of the
		// Arabic that precedes it in memory, which is drawn on the right.
		{"شبكة IQ Netzwerk هامبورغ", true, "R1[ هامبورغ] L0[IQ Netzwerk] R1[شبكة ]"},
		// A phone number inside Arabic keeps its digit order.
		{"الهاتف: 040 42863", true, "L0[42863] R0[ ] L0[040] R1[الهاتف: ]"},         // as the algorithm says, groups swap
		{"الهاتف: " + LeftToRight("040 42863"), true, "L0[040 42863] R1[الهاتف: ]"}, // isolated, they do not
		// Arabic inside a left-to-right paragraph. Digits after Arabic
		// letters are Arabic numbers (rule W2) and stand left of them.
		{"Hello مرحبا world", false, "L0[Hello ] R1[مرحبا] L0[ world]"},
		{"Hello مرحبا 123 world", false, "L0[Hello 123] R1[مرحبا ] L0[ world]"},
		// A Latin name with brackets at the end of an Arabic sentence keeps
		// both brackets (rule N0, which golang.org/x/text/unicode/bidi
		// lacks: it drew the closing bracket at the far left).
		{"تقدم الاستشارة Knappschaft-Bahn-See (DRV KBS)", true, "L0[Knappschaft-Bahn-See (DRV KBS)] R1[تقدم الاستشارة ]"},
		{"تقدم الاستشارة Knappschaft-Bahn-See (DRV KBS).", true, "R0[.] L0[Knappschaft-Bahn-See (DRV KBS)] R1[تقدم الاستشارة ]"},
		// Tigrinya with a Latin name: same direction, two fonts.
		{"መርበብ IQ ሄሰን", false, "L2[መርበብ ] L0[IQ ] L2[ሄሰን]"},
		{"", true, ""},
	} {
		if got := describe(Visual(tc.line, tc.rtl)); got != tc.want {
			t.Errorf("Visual(%q, rtl=%v)\n got %s\nwant %s", tc.line, tc.rtl, got, tc.want)
		}
	}
}

func TestVisualLines(t *testing.T) {
	// A bracket pair broken over two lines: with the whole paragraph's
	// levels the closing bracket stays with the Latin text before it; the
	// second line ordered on its own would draw it on the Arabic side.
	lines := []string{"تقدم الاستشارة Knappschaft-Bahn-See (DRV", "KBS) في هامبورغ"}
	want := []string{"L0[Knappschaft-Bahn-See (DRV] R1[تقدم الاستشارة ]", "R1[ في هامبورغ] L0[KBS)]"}
	for i, runs := range VisualLines(lines, true) {
		if got := describe(runs); got != want[i] {
			t.Errorf("line %d\n got %s\nwant %s", i, got, want[i])
		}
	}
	if got := describe(Visual(lines[1], true)); got == want[1] {
		t.Errorf("line 1 on its own: %s; the test no longer shows the difference", got)
	}
	if got := VisualLines(nil, true); len(got) != 0 {
		t.Errorf("no lines: %v", got)
	}
}

func TestDirection(t *testing.T) {
	for _, tc := range []struct {
		text    string
		rtl, ok bool
	}{
		{"Hamburg", false, true},
		{"040 هامبورغ", true, true},
		{LeftToRight("Hamburg") + " هامبورغ", true, true}, // isolates are skipped
		{"040 42863", false, false},
		{"", false, false},
	} {
		if rtl, ok := Direction(tc.text); rtl != tc.rtl || ok != tc.ok {
			t.Errorf("Direction(%q) = %v, %v; want %v, %v", tc.text, rtl, ok, tc.rtl, tc.ok)
		}
	}
}

func TestMirror(t *testing.T) {
	for in, want := range map[rune]rune{'(': ')', ')': '(', '[': ']', '«': '»', '<': '>', 'a': 'a', '-': '-'} {
		if got := Mirror(in); got != want {
			t.Errorf("Mirror(%q) = %q, want %q", in, got, want)
		}
	}
}
