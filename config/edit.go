package config

import (
	"fmt"
	"slices"
	"strings"

	"wegweiser/catalog/source"
)

// This file changes one setting in the text of a kiosk.toml and leaves
// everything else as staff wrote it: other settings, comments, order.

// statement is one item of a TOML file outside any value: a table header,
// or a key = value pair whose value may span lines.
type statement struct {
	header     bool
	path       []string // header: the table; pair: the table and the key
	valueStart int      // pair: where the value starts
	end        int      // just after the header or the value
	lineEnd    int      // just after the line break that ends the statement
}

// setValue returns text with the setting at path (table and key, e.g.
// "trust", "keys") set to value, a TOML value as it is to be written. An
// existing setting is replaced in place; a new one goes at the end of its
// table, which is added at the end of the file if missing.
func setValue(text string, path []string, value string) (string, error) {
	sts, err := scanStatements(text)
	if err != nil {
		return "", err
	}
	for _, st := range sts {
		switch {
		case !st.header && slices.Equal(st.path, path):
			return text[:st.valueStart] + value + text[st.end:], nil
		case !st.header && len(st.path) < len(path) && slices.Equal(st.path, path[:len(st.path)]):
			return "", fmt.Errorf("%s is set in a form this command cannot change (%s = {...}); change it by hand", strings.Join(path, "."), strings.Join(st.path, "."))
		}
	}
	table, key := path[:len(path)-1], path[len(path)-1]
	at, dotted := -1, false // where the new line goes; as a dotted key at the top
	inTable, seenHeader := false, false
	for _, st := range sts {
		switch {
		case st.header:
			seenHeader = true
			inTable = slices.Equal(st.path, table)
			if inTable {
				at, dotted = st.lineEnd, false
			}
		case inTable:
			at = st.lineEnd
		case !seenHeader && len(st.path) > len(table) && slices.Equal(st.path[:len(table)], table):
			at, dotted = st.lineEnd, true // "trust.catalog = ..." before any table
		}
	}
	line := key + " = " + value + "\n"
	if dotted {
		line = strings.Join(table, ".") + "." + line
	}
	if at < 0 {
		if text != "" && !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		if text != "" {
			text += "\n"
		}
		return text + "[" + strings.Join(table, ".") + "]\n" + line, nil
	}
	prefix := text[:at]
	if prefix != "" && !strings.HasSuffix(prefix, "\n") {
		prefix += "\n"
	}
	return prefix + line + text[at:], nil
}

// scanStatements finds the headers and pairs of a TOML text. It reads just
// enough TOML to know where each starts and ends; the full parser checks the
// result afterwards.
func scanStatements(text string) ([]statement, error) {
	var out []statement
	var table []string
	i := 0
	for i < len(text) {
		j := skipBlank(text, i)
		switch {
		case j >= len(text):
			return out, nil
		case text[j] == '\n' || text[j] == '\r':
			i = j + 1
		case text[j] == '#':
			i = endOfLine(text, j)
		case text[j] == '[':
			open := 1
			if strings.HasPrefix(text[j:], "[[") {
				open = 2
			}
			name, k, err := readKey(text, j+open)
			if err != nil {
				return nil, err
			}
			if !strings.HasPrefix(text[k:], strings.Repeat("]", open)) {
				return nil, fmt.Errorf("line %d: a table header is not closed", lineAt(text, j))
			}
			k += open
			table = name
			if open == 2 {
				table = append(slices.Clone(name), "[]") // an array of tables: never ours
			}
			out = append(out, statement{header: true, path: table, end: k, lineEnd: endOfLine(text, k)})
			i = endOfLine(text, k)
		default:
			key, k, err := readKey(text, j)
			if err != nil {
				return nil, err
			}
			if k >= len(text) || text[k] != '=' {
				return nil, fmt.Errorf("line %d: expected '=' after a key", lineAt(text, j))
			}
			start := skipBlank(text, k+1)
			end, err := skipValue(text, start)
			if err != nil {
				return nil, err
			}
			path := append(slices.Clone(table), key...)
			out = append(out, statement{path: path, valueStart: start, end: end, lineEnd: endOfLine(text, end)})
			i = endOfLine(text, end)
		}
	}
	return out, nil
}

// readKey reads a dotted key of bare and quoted parts, up to '=' or ']'.
func readKey(text string, i int) ([]string, int, error) {
	var parts []string
	for {
		i = skipBlank(text, i)
		if i >= len(text) {
			return nil, i, fmt.Errorf("line %d: the file ends inside a key", lineAt(text, i))
		}
		switch c := text[i]; {
		case c == '"' || c == '\'':
			end := strings.IndexByte(text[i+1:], c)
			if end < 0 || strings.ContainsAny(text[i+1:i+1+end], "\n\\") {
				return nil, i, fmt.Errorf("line %d: a quoted key this command cannot read", lineAt(text, i))
			}
			parts = append(parts, text[i+1:i+1+end])
			i += end + 2
		default:
			k := i
			for k < len(text) && isBareKeyChar(text[k]) {
				k++
			}
			if k == i {
				return nil, i, fmt.Errorf("line %d: expected a key", lineAt(text, i))
			}
			parts = append(parts, text[i:k])
			i = k
		}
		i = skipBlank(text, i)
		if i < len(text) && text[i] == '.' {
			i++
			continue
		}
		return parts, i, nil
	}
}

func isBareKeyChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// skipValue returns the end of the value that starts at i: the end of the
// line, unless a string, array or inline table goes on; trailing blanks and
// a comment are not part of it.
func skipValue(text string, i int) (int, error) {
	depth := 0
	end := i
	for i < len(text) {
		switch c := text[i]; {
		case strings.HasPrefix(text[i:], `"""`) || strings.HasPrefix(text[i:], `'''`):
			n, err := skipString(text, i, text[i:i+3])
			if err != nil {
				return 0, err
			}
			i, end = n, n
		case c == '"' || c == '\'':
			n, err := skipString(text, i, text[i:i+1])
			if err != nil {
				return 0, err
			}
			i, end = n, n
		case c == '[' || c == '{':
			depth++
			i++
			end = i
		case c == ']' || c == '}':
			depth--
			i++
			end = i
		case c == '#': // a comment runs to the line break
			n := strings.IndexByte(text[i:], '\n')
			if n < 0 {
				return end, nil
			}
			i += n
		case c == '\n':
			if depth <= 0 {
				return end, nil
			}
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		default:
			i++
			end = i
		}
	}
	if depth > 0 {
		return 0, fmt.Errorf("the file ends inside a list or table")
	}
	return end, nil
}

// skipString returns the index just after the string that starts at i
// with the quote q: one or three double or single quotes.
func skipString(text string, i int, q string) (int, error) {
	escapes := q[0] == '"'
	for k := i + len(q); k < len(text); k++ {
		switch {
		case escapes && text[k] == '\\':
			k++
		case strings.HasPrefix(text[k:], q):
			k += len(q)
			for len(q) == 3 && k < len(text) && text[k] == q[0] { // """a"""" ends with a quote inside
				k++
			}
			return k, nil
		case len(q) == 1 && text[k] == '\n':
			return 0, fmt.Errorf("line %d: a string is not closed", lineAt(text, i))
		}
	}
	return 0, fmt.Errorf("line %d: a string is not closed", lineAt(text, i))
}

func skipBlank(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i
}

// endOfLine returns the index just after the line break at or after i.
func endOfLine(text string, i int) int {
	if n := strings.IndexByte(text[i:], '\n'); n >= 0 {
		return i + n + 1
	}
	return len(text)
}

func lineAt(text string, i int) int { return strings.Count(text[:min(i, len(text))], "\n") + 1 }

// tomlList writes ss as a TOML array of strings, one a line.
func tomlList(ss []string) string {
	if len(ss) == 0 {
		return "[]"
	}
	var b strings.Builder
	b.WriteString("[\n")
	for _, s := range ss {
		b.WriteString("  " + source.TOMLString(s) + ",\n")
	}
	b.WriteString("]")
	return b.String()
}
