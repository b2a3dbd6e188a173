package source

import "fmt"

// MaxNesting is how deep arrays and inline tables may nest in a TOML file.
// A catalogue needs three levels at most; the TOML decoder takes memory in
// proportion to the depth it is given (a file of 200,000 "[" took 13 GB
// before it failed), so deeper input is refused before it is decoded.
const MaxNesting = 32

// CheckNesting reports where a TOML text nests arrays or inline tables
// deeper than MaxNesting, as a line and a message. It reads strings and
// comments as TOML does, so that brackets inside them do not count.
func CheckNesting(text string) (line int, err error) {
	depth, line := 0, 1
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '\n':
			line++
		case '#':
			for i+1 < len(text) && text[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			quote := string(c)
			if len(text) >= i+3 && text[i:i+3] == quote+quote+quote { // multi-line string
				end := indexFrom(text, i+3, quote+quote+quote)
				line += countNewlines(text[i:end])
				i = end + 2
				continue
			}
			for i+1 < len(text) && text[i+1] != c && text[i+1] != '\n' {
				if c == '"' && text[i+1] == '\\' {
					i++
				}
				i++
			}
			i++
		case '[', '{':
			depth++
			if depth > MaxNesting {
				return line, fmt.Errorf("arrays or tables nested more than %d deep", MaxNesting)
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return 0, nil
}

// indexFrom is the index of sub in s at or after from, or the end of s.
func indexFrom(s string, from int, sub string) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return len(s)
}

func countNewlines(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			n++
		}
	}
	return n
}
