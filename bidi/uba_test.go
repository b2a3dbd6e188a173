package bidi

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// testLines are the lines of a conformance test file of the Unicode
// Bidirectional Algorithm in testdata (Unicode 17's, whole), without
// comments and blank lines.
func testLines(t *testing.T, name string) []string {
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

func TestBidiCharacterConformance(t *testing.T) {
	lines := testLines(t, "BidiCharacterTest.txt")
	failed, run := 0, 0
	for _, l := range lines {
		f := strings.Split(l, ";")
		if len(f) < 5 {
			t.Fatalf("bad line %q", l)
		}
		var rs []rune
		assigned := true
		for _, h := range strings.Fields(f[0]) {
			v, _ := strconv.ParseUint(h, 16, 32)
			r := rune(v)
			// Go's tables are Unicode 15; the file may be newer.
			if !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.C) {
				assigned = false
			}
			rs = append(rs, r)
		}
		if !assigned {
			continue
		}
		para := map[string]int8{"0": 0, "1": 1, "2": -1}[f[1]]
		levels, gotPara := paragraphLevels(rs, para)
		levels = lineLevels(rs, levels, gotPara)
		var want, got []string
		var keep []bool
		for i, w := range strings.Fields(f[3]) {
			want = append(want, w)
			keep = append(keep, w != "x")
			if w == "x" {
				got = append(got, "x")
			} else {
				got = append(got, strconv.Itoa(int(levels[i])))
			}
		}
		var order []string
		for _, i := range visualOrder(levels) {
			if keep[i] {
				order = append(order, strconv.Itoa(i))
			}
		}
		run++
		if strconv.Itoa(int(gotPara)) != f[2] || strings.Join(got, " ") != strings.Join(want, " ") || strings.Join(order, " ") != strings.TrimSpace(f[4]) {
			failed++
			if failed <= 10 {
				t.Errorf("%s\n para %d, want %s\n levels %v\n want   %v\n order %v\n want  %s", f[0], gotPara, f[2], got, want, order, f[4])
			}
		}
	}
	if run < 100 {
		t.Errorf("only %d tests ran", run)
	}
	t.Logf("%d of %d conformance tests failed", failed, run)
}

// classRunes stand for the bidi classes in BidiTest.txt.
var classRunes = map[string]rune{
	"L": 'a', "R": '\u05D0', "AL": '\u0627', "EN": '1', "ES": '+', "ET": '$', "AN": '\u0660', "CS": ',',
	"NSM": '\u0300', "BN": '\u00AD', "B": '\u2029', "S": '\t', "WS": ' ', "ON": '!',
	"LRE": '\u202A', "LRO": '\u202D', "RLE": '\u202B', "RLO": '\u202E', "PDF": '\u202C',
	"LRI": '\u2066', "RLI": '\u2067', "FSI": '\u2068', "PDI": '\u2069',
}

// TestBidiClassConformance runs Unicode's BidiTest.txt: sequences of bidi
// classes, each for the paragraph directions of its bit set (1 auto, 2 left
// to right, 4 right to left), against the levels and order of the last
// @Levels and @Reorder lines.
func TestBidiClassConformance(t *testing.T) {
	var wantLevels, wantOrder string
	failed, run := 0, 0
	for _, l := range testLines(t, "BidiTest.txt") {
		if v, ok := strings.CutPrefix(l, "@Levels:"); ok {
			wantLevels = strings.Join(strings.Fields(v), " ")
			continue
		}
		if v, ok := strings.CutPrefix(l, "@Reorder:"); ok {
			wantOrder = strings.Join(strings.Fields(v), " ")
			continue
		}
		classes, bits, ok := strings.Cut(l, ";")
		if !ok {
			t.Fatalf("bad line %q", l)
		}
		var rs []rune
		for _, c := range strings.Fields(classes) {
			r, ok := classRunes[c]
			if !ok {
				t.Fatalf("unknown class %q", c)
			}
			rs = append(rs, r)
		}
		set, _ := strconv.Atoi(strings.TrimSpace(bits))
		for _, dir := range []struct {
			bit  int
			para int8
		}{{1, -1}, {2, 0}, {4, 1}} {
			if set&dir.bit == 0 {
				continue
			}
			run++
			levels, gotPara := paragraphLevels(rs, dir.para)
			levels = lineLevels(rs, levels, gotPara)
			want := strings.Fields(wantLevels)
			var got []string
			for i := range rs {
				if i < len(want) && want[i] == "x" {
					got = append(got, "x")
				} else {
					got = append(got, strconv.Itoa(int(levels[i])))
				}
			}
			var order []string
			for _, i := range visualOrder(levels) {
				if i < len(want) && want[i] != "x" {
					order = append(order, strconv.Itoa(i))
				}
			}
			if strings.Join(got, " ") != wantLevels || strings.Join(order, " ") != wantOrder {
				failed++
				if failed <= 10 {
					t.Errorf("%s (paragraph %d)\n levels %v, want %s\n order %v, want %s", classes, dir.para, got, wantLevels, order, wantOrder)
				}
			}
		}
	}
	if run < 100000 {
		t.Errorf("only %d tests ran", run)
	}
	t.Logf("%d of %d class conformance tests failed", failed, run)
}
