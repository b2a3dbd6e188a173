package source

import (
	"strconv"
	"strings"
)

// lineIndex maps key paths of a TOML document to the line they are written
// on. BurntSushi/toml decodes values but keeps no positions for repeated
// tables, so the loader scans the (already syntax-checked) text once more.
//
// Paths name array-of-table elements by index: "offer[2].contact[0].phone".
type lineIndex map[string]int

// lineOf returns the line of path, or of its nearest enclosing path that has
// one, or 1.
func (ix lineIndex) lineOf(path string) int {
	for path != "" {
		if n, ok := ix[path]; ok {
			return n
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 1
}

// indexLines scans TOML text that has already parsed successfully. On any
// other text it still ends, with lines that may be wrong.
func indexLines(text string) lineIndex {
	s := &lineScanner{src: text, line: 1, ix: lineIndex{}, arrays: map[string]int{}}
	s.document()
	return s.ix
}

type lineScanner struct {
	src    string
	pos    int
	line   int
	ix     lineIndex
	arrays map[string]int // array-of-tables path → number of elements so far
}

func (s *lineScanner) peek() byte {
	if s.pos < len(s.src) {
		return s.src[s.pos]
	}
	return 0
}

func (s *lineScanner) advance(n int) {
	for i := 0; i < n && s.pos < len(s.src); i++ {
		if s.src[s.pos] == '\n' {
			s.line++
		}
		s.pos++
	}
}

func (s *lineScanner) record(path string) {
	if _, ok := s.ix[path]; !ok {
		s.ix[path] = s.line
	}
}

// skipSpace skips blanks, and with newlines also line ends and comments.
func (s *lineScanner) skipSpace(newlines bool) {
	for s.pos < len(s.src) {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.advance(1)
		case c == '#':
			for s.pos < len(s.src) && s.peek() != '\n' {
				s.advance(1)
			}
		case c == '\n' && newlines:
			s.advance(1)
		default:
			return
		}
	}
}

func (s *lineScanner) document() {
	table := ""
	for {
		s.skipSpace(true)
		if s.pos >= len(s.src) {
			return
		}
		if s.peek() == '[' {
			table = s.header()
			continue
		}
		s.keyValue(table)
	}
}

// header reads [a.b] or [[a.b]] and returns the path it opens.
func (s *lineScanner) header() string {
	array := strings.HasPrefix(s.src[s.pos:], "[[")
	if array {
		s.advance(2)
	} else {
		s.advance(1)
	}
	keys := s.dottedKey()
	s.skipSpace(false)
	if array {
		s.advance(2)
	} else {
		s.advance(1)
	}
	path := ""
	for i, k := range keys {
		p := join(path, k)
		last := i == len(keys)-1
		switch {
		case last && array:
			n := s.arrays[p]
			s.arrays[p] = n + 1
			p += "[" + strconv.Itoa(n) + "]"
		case s.arrays[p] > 0:
			p += "[" + strconv.Itoa(s.arrays[p]-1) + "]"
		}
		path = p
		s.record(path)
	}
	return path
}

func (s *lineScanner) keyValue(table string) {
	keys := s.dottedKey()
	path := table
	for _, k := range keys {
		path = join(path, k)
		s.record(path)
	}
	s.skipSpace(false)
	if s.peek() == '=' {
		s.advance(1)
	}
	s.skipSpace(false)
	s.value(path)
}

// dottedKey reads a.b."c d" and returns its parts.
func (s *lineScanner) dottedKey() []string {
	var keys []string
	for {
		s.skipSpace(false)
		switch s.peek() {
		case '"', '\'':
			keys = append(keys, s.quoted())
		default:
			start := s.pos
			for s.pos < len(s.src) && isBareKeyChar(s.peek()) {
				s.advance(1)
			}
			if s.pos == start { // not a key: step over one byte to make progress
				s.advance(1)
				return keys
			}
			keys = append(keys, s.src[start:s.pos])
		}
		s.skipSpace(false)
		if s.peek() != '.' {
			return keys
		}
		s.advance(1)
	}
}

func isBareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// quoted reads a basic or literal string, single- or multi-line, and returns
// its raw content (escapes are left as written; keys rarely have any).
func (s *lineScanner) quoted() string {
	q := s.peek()
	delim := strings.Repeat(string(q), 3)
	if strings.HasPrefix(s.src[s.pos:], delim) {
		s.advance(3)
		start := s.pos
		for s.pos < len(s.src) {
			if q == '"' && s.peek() == '\\' {
				s.advance(2)
				continue
			}
			if strings.HasPrefix(s.src[s.pos:], delim) {
				// A closing delimiter may be followed by up to two more quotes that belong to the content.
				for strings.HasPrefix(s.src[s.pos+1:], delim) {
					s.advance(1)
				}
				end := s.pos
				s.advance(3)
				return s.src[start:end]
			}
			s.advance(1)
		}
		return s.src[start:]
	}
	s.advance(1)
	start := s.pos
	for s.pos < len(s.src) && s.peek() != q && s.peek() != '\n' {
		if q == '"' && s.peek() == '\\' {
			s.advance(1)
		}
		s.advance(1)
	}
	end := s.pos
	s.advance(1)
	return s.src[start:end]
}

// value steps over one value, recording the keys of inline tables and the
// elements of arrays under path.
func (s *lineScanner) value(path string) {
	switch c := s.peek(); c {
	case '"', '\'':
		s.quoted()
	case '[':
		s.advance(1)
		for i := 0; ; i++ {
			s.skipSpace(true)
			if s.peek() == ']' || s.pos >= len(s.src) {
				s.advance(1)
				return
			}
			elem := path + "[" + strconv.Itoa(i) + "]"
			s.record(elem)
			before := s.pos
			s.value(elem)
			s.skipSpace(true)
			if s.pos == before { // not a value (broken text): step over one byte
				s.advance(1)
			}
			if s.peek() == ',' {
				s.advance(1)
			}
		}
	case '{':
		s.advance(1)
		for {
			s.skipSpace(false)
			if s.peek() == '}' || s.pos >= len(s.src) {
				s.advance(1)
				return
			}
			keys := s.dottedKey()
			p := path
			for _, k := range keys {
				p = join(p, k)
				s.record(p)
			}
			s.skipSpace(false)
			if s.peek() == '=' {
				s.advance(1)
			}
			s.skipSpace(false)
			s.value(p)
			s.skipSpace(false)
			if s.peek() == '\n' { // broken text: an inline table ends on its line
				return
			}
			if s.peek() == ',' {
				s.advance(1)
			}
		}
	default:
		for s.pos < len(s.src) {
			switch s.peek() {
			case ',', ']', '}', '\n', '#':
				return
			}
			s.advance(1)
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
