package source

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"wegweiser/catalog"
)

// checker collects the problems of one source folder and knows what
// catalog.toml declared, which the other files are checked against.
type checker struct {
	problems   Problems
	links      []Link          // every valid web address, where it stands
	languages  map[string]bool // nil until catalog.toml gave a valid list: then any valid code passes
	sourceLang string
}

// file is one TOML file being checked.
type file struct {
	path  string // relative, forward slashes
	lines lineIndex
}

func (c *checker) report(sev Severity, path string, line int, format string, args ...any) {
	c.problems = append(c.problems, Problem{Path: path, Line: line, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

// table is one TOML table of a file, read key by key.
type table struct {
	c     *checker
	f     *file
	path  string // key path of the table itself, for its line
	what  string // how messages name it: "offer 'x'", "contact"
	m     map[string]any
	known []string
}

func newTable(c *checker, f *file, path, what string, m map[string]any, known ...string) *table {
	t := &table{c: c, f: f, path: path, what: what, m: m, known: known}
	t.checkKeys()
	return t
}

func (t *table) line(key string) int {
	if key == "" {
		return t.f.lines.lineOf(t.path)
	}
	return t.f.lines.lineOf(join(t.path, key))
}

func (t *table) errorf(key, format string, args ...any) {
	t.c.report(Error, t.f.path, t.line(key), format, args...)
}

func (t *table) warnf(key, format string, args ...any) {
	t.c.report(Warning, t.f.path, t.line(key), format, args...)
}

func (t *table) checkKeys() {
	keys := make([]string, 0, len(t.m))
	for k := range t.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !contains(t.known, k) {
			t.errorf(k, "unknown key '%s' in %s%s", k, t.what, didYouMean(k, t.known))
		}
	}
}

func (t *table) missing(key string) {
	t.errorf("", "%s has no '%s', which is required", t.what, key)
}

func typeName(v any) string {
	switch v := v.(type) {
	case string:
		return "text"
	case int64:
		return "a number"
	case float64:
		return "a decimal number"
	case bool:
		return "true/false"
	case time.Time:
		switch v.Location().String() {
		case "date-local":
			return "a date"
		case "time-local":
			return "a time"
		}
		return "a date and time"
	case []map[string]any:
		return "a list of tables"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

// str reads a plain string.
func (t *table) str(key string, required bool) string {
	v, ok := t.m[key]
	if !ok {
		if required {
			t.missing(key)
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.errorf(key, "'%s' must be text in quotes, not %s", key, typeName(v))
		return ""
	}
	s = strings.TrimSpace(s)
	if s == "" {
		t.errorf(key, "'%s' is empty", key)
	}
	return s
}

// integer reads a whole number.
func (t *table) integer(key string, required bool) (int64, bool) {
	v, ok := t.m[key]
	if !ok {
		if required {
			t.missing(key)
		}
		return 0, false
	}
	n, ok := v.(int64)
	if !ok {
		t.errorf(key, "'%s' must be a whole number, not %s", key, typeName(v))
	}
	return n, ok
}

// boolean reads true or false.
func (t *table) boolean(key string) bool {
	v, ok := t.m[key]
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		t.errorf(key, "'%s' must be true or false, not %s", key, typeName(v))
	}
	return b
}

// list reads an array of strings; each must be non-empty.
func (t *table) list(key string, required bool) []string {
	v, ok := t.m[key]
	if !ok {
		if required {
			t.missing(key)
		}
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		t.errorf(key, "'%s' must be a list in brackets, such as [\"a\", \"b\"], not %s", key, typeName(v))
		return nil
	}
	out := make([]string, 0, len(arr))
	for i, e := range arr {
		elem := key + "[" + strconv.Itoa(i) + "]"
		s, ok := e.(string)
		if !ok {
			t.errorf(elem, "the entries of '%s' must be text in quotes, not %s", key, typeName(e))
			continue
		}
		s = strings.TrimSpace(s)
		if s == "" {
			t.errorf(elem, "'%s' has an empty entry", key)
			continue
		}
		out = append(out, s)
	}
	if required && len(arr) == 0 {
		t.errorf(key, "'%s' is empty; give at least one", key)
	}
	return out
}

// text reads a localized text: a plain string in the source language, or a
// table of language → string.
func (t *table) text(key string, required bool) catalog.Text {
	v, ok := t.m[key]
	if !ok {
		if required {
			t.missing(key)
		}
		return nil
	}
	out := catalog.Text{}
	switch v := v.(type) {
	case string:
		s := strings.TrimSpace(v)
		if s == "" {
			t.errorf(key, "'%s' is empty", key)
			return nil
		}
		out[t.c.sourceLang] = s
		return out
	case map[string]any:
		langs := make([]string, 0, len(v))
		for l := range v {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		for _, l := range langs {
			at := key + "." + l
			if !t.c.knownLanguage(l) {
				t.errorf(at, "'%s' in '%s' is not one of the catalogue's languages%s", l, key, didYouMean(l, t.c.languageList()))
				continue
			}
			s, ok := v[l].(string)
			if !ok {
				t.errorf(at, "'%s.%s' must be text in quotes, not %s", key, l, typeName(v[l]))
				continue
			}
			if s = strings.TrimSpace(s); s == "" {
				t.errorf(at, "'%s.%s' is empty", key, l)
				continue
			}
			out[l] = s
		}
		if required && t.c.sourceLang != "" && out[t.c.sourceLang] == "" && v[t.c.sourceLang] == nil {
			t.errorf(key, "'%s' has no text in the source language '%s'", key, t.c.sourceLang)
		}
		if len(out) == 0 {
			return nil
		}
		return out
	default:
		t.errorf(key, "'%s' must be text in quotes or a table of languages, not %s", key, typeName(v))
		return nil
	}
}

// date reads a TOML local date (2027-03-31).
func (t *table) date(key string) time.Time {
	v, ok := t.m[key]
	if !ok {
		return time.Time{}
	}
	d, ok := v.(time.Time)
	if !ok || d.Location().String() != "date-local" {
		t.errorf(key, "'%s' must be a date written like 2027-03-31 (no quotes), not %s", key, typeName(v))
		return time.Time{}
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// dateTime reads a TOML local date-time, taken to be in Europe/Berlin.
func (t *table) dateTime(key string, required bool) time.Time {
	v, ok := t.m[key]
	if !ok {
		if required {
			t.missing(key)
		}
		return time.Time{}
	}
	d, ok := v.(time.Time)
	if !ok || d.Location().String() != "datetime-local" {
		t.errorf(key, "'%s' must be a date and time written like 2027-02-10T18:00:00 (no quotes, no time zone), not %s", key, typeName(v))
		return time.Time{}
	}
	return time.Date(d.Year(), d.Month(), d.Day(), d.Hour(), d.Minute(), d.Second(), d.Nanosecond(), catalog.Berlin)
}

// tables reads an array of tables ([[offer.contact]]).
func (t *table) tables(key string) []map[string]any {
	v, ok := t.m[key]
	if !ok {
		return nil
	}
	switch v := v.(type) {
	case []map[string]any:
		return v
	case []any:
		out := make([]map[string]any, 0, len(v))
		for i, e := range v {
			m, ok := e.(map[string]any)
			if !ok {
				t.errorf(key+"["+strconv.Itoa(i)+"]", "the entries of '%s' must be tables", key)
				continue
			}
			out = append(out, m)
		}
		return out
	}
	t.errorf(key, "'%s' must be written as [[%s]] tables, not %s", key, join(t.path, key), typeName(v))
	return nil
}

func (c *checker) knownLanguage(l string) bool {
	if c.languages == nil {
		return catalog.ValidLanguageCode(l)
	}
	return c.languages[l]
}

func (c *checker) languageList() []string {
	out := make([]string, 0, len(c.languages))
	for l := range c.languages {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
