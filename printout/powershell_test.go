package printout

import (
	"slices"
	"strings"
	"testing"
)

// singleQuoted returns the single-quoted string literals of a PowerShell
// script as PowerShell reads them (two quotes in a row inside one stand for
// one quote), and whether every literal was closed.
func singleQuoted(script string) (literals []string, closed bool) {
	for i := 0; i < len(script); i++ {
		if script[i] != '\'' {
			continue
		}
		var lit strings.Builder
		for i++; ; i++ {
			if i >= len(script) {
				return literals, false
			}
			if script[i] == '\'' {
				if i+1 < len(script) && script[i+1] == '\'' {
					lit.WriteByte('\'')
					i++
					continue
				}
				break
			}
			lit.WriteByte(script[i])
		}
		literals = append(literals, lit.String())
	}
	return literals, true
}

func TestPowershellPrintQuotesPathAndPrinter(t *testing.T) {
	path := `C:\Users\O'Brien\AppData\Local\Temp\wegweiser-print-1\wegweiser.pdf`
	cases := []struct {
		printer, verb string
		want          []string // the literals, in order
	}{
		{"", "print", []string{path, "print", path}},
		{"Büro 'Flur' HL-L2350", "printto", []string{path, "printto", path, `"Büro 'Flur' HL-L2350"`}},
	}
	for _, c := range cases {
		script := powershellPrint(c.printer, path)
		literals, closed := singleQuoted(script)
		if !closed {
			t.Fatalf("printer %q: a quoted string is left open in %s", c.printer, script)
		}
		// The first literal is $ErrorActionPreference's value.
		if len(literals) == 0 || literals[0] != "Stop" || !slices.Equal(literals[1:], c.want) {
			t.Errorf("printer %q: literals %q, want Stop then %q", c.printer, literals, c.want)
		}
		if !strings.Contains(script, "-Verb "+map[string]string{"print": "Print", "printto": "PrintTo"}[c.verb]) {
			t.Errorf("printer %q: script does not use the %s verb: %s", c.printer, c.verb, script)
		}
		if !strings.Contains(script, "exit 3") || !strings.Contains(script, "WaitForExit(60000)") {
			t.Errorf("printer %q: script neither refuses without a PDF program nor bounds its wait: %s", c.printer, script)
		}
	}
}
