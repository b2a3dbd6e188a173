package source

import (
	"fmt"
	"strings"
)

// TOMLString writes s as a TOML basic string, or as a multi-line basic
// string when it has line breaks. Backslashes, quotes and control
// characters are escaped, so no content can end the string early. The
// tools that write TOML (the spreadsheet import, the benchmark generator,
// kiosk.toml edits) use it.
func TOMLString(s string) string {
	multi := strings.Contains(s, "\n")
	var b strings.Builder
	if multi {
		b.WriteString("\"\"\"\n")
	} else {
		b.WriteByte('"')
	}
	for i, r := range s {
		switch {
		case r == '"' && (!multi || i+1 == len(s) || s[i+1] == '"'):
			// In a multi-line string only a quote that could join others
			// into """ (or the closing ones) needs its backslash.
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n' && multi:
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte('\t')
		case r < ' ' || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	if multi {
		b.WriteString(`"""`)
	} else {
		b.WriteByte('"')
	}
	return b.String()
}
