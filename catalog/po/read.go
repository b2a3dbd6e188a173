package po

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Entry is one entry of a PO file.
type Entry struct {
	Context string // msgctxt: the text's place
	ID      string // msgid: the source text
	Str     string // msgstr: the translation, "" when not translated
	Fuzzy   bool   // "#, fuzzy": the translator has not confirmed it
	Line    int    // of its msgid, for messages
}

// Read reads a PO file: its header fields ("Language: ar") and its entries.
// Obsolete entries (#~) are left out; plural entries are an error (a
// catalogue has none).
func Read(r io.Reader) (header map[string]string, entries []Entry, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var cur Entry
	var field *string // the string being continued
	var fuzzy bool
	line := 0
	flush := func() {
		if cur.Line != 0 {
			cur.Fuzzy = fuzzy
			entries = append(entries, cur)
		}
		cur, field, fuzzy = Entry{}, nil, false
	}
	for sc.Scan() {
		line++
		l := strings.TrimSpace(sc.Text())
		switch {
		case l == "":
			flush()
		case strings.HasPrefix(l, "#~"):
		case strings.HasPrefix(l, "#,"):
			if cur.Line != 0 {
				flush()
			}
			fuzzy = strings.Contains(l, "fuzzy")
		case strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, `"`):
			if field == nil {
				return nil, nil, fmt.Errorf("line %d: a string without msgid, msgstr or msgctxt before it", line)
			}
			s, err := unquote(l)
			if err != nil {
				return nil, nil, fmt.Errorf("line %d: %v", line, err)
			}
			*field += s
		default:
			kw, rest, _ := strings.Cut(l, " ")
			s, err := unquote(strings.TrimSpace(rest))
			if err != nil {
				return nil, nil, fmt.Errorf("line %d: %v", line, err)
			}
			switch kw {
			case "msgctxt":
				if cur.Line != 0 {
					flush()
				}
				cur.Context, field = s, &cur.Context
			case "msgid":
				if cur.Line != 0 && cur.Context == "" {
					flush()
				}
				cur.ID, cur.Line, field = s, line, &cur.ID
			case "msgstr":
				cur.Str, field = s, &cur.Str
			case "msgid_plural", "msgstr[0]":
				return nil, nil, fmt.Errorf("line %d: plural forms: a Wegweiser catalogue has none", line)
			default:
				return nil, nil, fmt.Errorf("line %d: %q is not a PO keyword", line, kw)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	flush()
	header = map[string]string{}
	var out []Entry
	for _, e := range entries {
		if e.ID == "" && e.Context == "" {
			for _, h := range strings.Split(e.Str, "\n") {
				if k, v, ok := strings.Cut(h, ":"); ok {
					header[strings.TrimSpace(k)] = strings.TrimSpace(v)
				}
			}
			continue
		}
		out = append(out, e)
	}
	return header, out, nil
}

// unquote reads one PO string ("…" with C escapes).
func unquote(s string) (string, error) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", fmt.Errorf("%s is not a string in quotes", s)
	}
	out, err := strconv.Unquote(s)
	if err != nil {
		return "", fmt.Errorf("%s: %v", s, err)
	}
	return out, nil
}
