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
		// Arabic inside a left-to-right paragraph.
		{"Hello مرحبا 123 world", false, "L0[Hello ] R1[مرحبا ] L0[123 world]"},
		// Tigrinya with a Latin name: same direction, two fonts.
		{"መርበብ IQ ሄሰን", false, "L2[መርበብ ] L0[IQ ] L2[ሄሰን]"},
		{"", true, ""},
	} {
		if got := describe(Visual(tc.line, tc.rtl)); got != tc.want {
			t.Errorf("Visual(%q, rtl=%v)\n got %s\nwant %s", tc.line, tc.rtl, got, tc.want)
		}
	}
}
