package bidi

import (
	"bufio"
	"go/build"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// bidiCharacterTests are the conformance tests of the Unicode Bidirectional
// Algorithm: a selection from Unicode's BidiCharacterTest.txt in testdata,
// and the whole file where a Go module cache holds it.
func bidiCharacterTests(t *testing.T) []string {
	files := []string{filepath.Join("testdata", "BidiCharacterTest-selection.txt")}
	full := filepath.Join(build.Default.GOPATH, "pkg", "mod", "github.com", "go-text", "typesetting@v0.3.5", "bidi", "test", "BidiCharacterTest.txt")
	if _, err := os.Stat(full); err == nil {
		files = append(files, full)
	}
	var lines []string
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
				lines = append(lines, l)
			}
		}
		f.Close()
	}
	return lines
}

func TestBidiConformance(t *testing.T) {
	lines := bidiCharacterTests(t)
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
