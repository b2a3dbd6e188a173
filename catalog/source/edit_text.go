package source

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"wegweiser/catalog"
)

// Translation is a text to write into a source folder: the text at place
// (catalog.Places) in lang.
type Translation struct {
	Place, Lang, Text string
	Line              int // where the translator's file gives it, for messages
}

// WriteTranslations writes translations into the TOML files of a source
// folder and returns the changed files' new text (nothing is written to
// disk). Each text goes where it belongs, the rest of the file unchanged,
// comments and layout included:
//
//	title = { de = "…", ar = "…" }     an existing translation is replaced,
//	title = { de = "…" }               a new one added inside the braces,
//	[offer.title] / de = "…"           a new line added to the table,
//	title = "…"                        a plain source text becomes { de = "…", ar = "…" }.
//
// The result is loaded again and each text compared: a text that cannot
// be written so is an error naming its place, and then nothing is
// returned.
func WriteTranslations(fsys fs.FS, ts []Translation) (map[string][]byte, error) {
	locs, problems := Locate(fsys)
	if problems.Errors() > 0 {
		return nil, fmt.Errorf("the source folder has errors; fix them first (catalog check)")
	}
	content, _ := Load(fsys)
	src := content.Meta.SourceLanguage
	texts := map[string]string{}
	var errs []error
	for _, t := range ts {
		loc, ok := locs[t.Place]
		if !ok {
			errs = append(errs, fmt.Errorf("line %d: there is no text %q in the catalogue", t.Line, t.Place))
			continue
		}
		text, ok := texts[loc.File]
		if !ok {
			b, err := fs.ReadFile(fsys, loc.File)
			if err != nil {
				return nil, err
			}
			text = string(b)
		}
		out, err := setText(text, loc.Path, t.Lang, t.Text, src)
		if err != nil {
			errs = append(errs, fmt.Errorf("line %d: %s (%s, %s): %w", t.Line, t.Place, loc.File, t.Lang, err))
			continue
		}
		texts[loc.File] = out
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	// Load the result and check every text.
	out := map[string][]byte{}
	for f, text := range texts {
		out[f] = []byte(text)
	}
	after, problems := Load(WithFiles(fsys, out))
	if problems.Errors() > 0 {
		return nil, fmt.Errorf("the files would not load after the import: %v", problems[0])
	}
	byPlace := map[string]catalog.Text{}
	for _, p := range catalog.Places(after) {
		byPlace[p.Key] = p.Text
	}
	for _, t := range ts {
		if got := byPlace[t.Place][t.Lang]; got != strings.TrimSpace(t.Text) {
			errs = append(errs, fmt.Errorf("line %d: %s (%s) could not be written in place; enter it by hand", t.Line, t.Place, t.Lang))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// setText writes value as the lang text of the text at path in a TOML
// document.
func setText(doc, path, lang, value, srcLang string) (string, error) {
	ix := indexLines(doc)
	lines := strings.Split(doc, "\n")
	if n, ok := ix[path+"."+lang]; ok { // replace
		return replaceValue(lines, n-1, lang, oneLineTOMLString(value))
	}
	n, ok := ix[path]
	if !ok {
		return "", errors.New("its place in the file was not found")
	}
	i := n - 1
	key := path[strings.LastIndexAny(path, ".]")+1:]
	line := lines[i]
	if strings.HasPrefix(strings.TrimSpace(line), "[") { // a table of languages: add a line
		last := i
		for j := i + 1; j < len(lines); j++ {
			t := strings.TrimSpace(lines[j])
			if strings.HasPrefix(t, "[") {
				break
			}
			if t != "" && !strings.HasPrefix(t, "#") {
				last = j
			}
		}
		indent := leadingSpace(lines[min(last, len(lines)-1)])
		if last == i {
			indent = ""
		}
		lines = slices.Insert(lines, last+1, indent+lang+" = "+TOMLString(value))
		return strings.Join(lines, "\n"), nil
	}
	at := keyValueStart(line, key)
	if at < 0 {
		return "", errors.New("its line in the file was not understood")
	}
	switch {
	case strings.HasPrefix(line[at:], "{"): // inline table: add before its closing brace
		end := closingBrace(line, at)
		if end < 0 {
			return "", errors.New("the table of languages spans several lines")
		}
		before := strings.TrimRight(line[:end], " ")
		sep := ", "
		if strings.HasSuffix(before, "{") {
			sep = " "
		}
		lines[i] = before + sep + lang + " = " + oneLineTOMLString(value) + " " + line[end:]
		return strings.Join(lines, "\n"), nil
	case strings.HasPrefix(line[at:], `"`) || strings.HasPrefix(line[at:], "'"): // a plain source text
		end, err := valueEnd(lines, i, at)
		if err != nil {
			return "", err
		}
		if end.line != i {
			return "", errors.New("the source text spans several lines")
		}
		old := line[at:end.col]
		lines[i] = line[:at] + "{ " + srcLang + " = " + old + ", " + lang + " = " + oneLineTOMLString(value) + " }" + line[end.col:]
		return strings.Join(lines, "\n"), nil
	}
	return "", errors.New("its value in the file was not understood")
}

// replaceValue replaces the string value of key on line i (which may run
// over later lines, as a multi-line string does).
func replaceValue(lines []string, i int, key, value string) (string, error) {
	at := keyValueStart(lines[i], key)
	if at < 0 {
		return "", errors.New("its line in the file was not understood")
	}
	end, err := valueEnd(lines, i, at)
	if err != nil {
		return "", err
	}
	joined := lines[i][:at] + value + lines[end.line][end.col:]
	out := append(append(append([]string{}, lines[:i]...), joined), lines[end.line+1:]...)
	return strings.Join(out, "\n"), nil
}

// outsideStrings calls visit with the index of each byte of line that is
// not inside a quoted string, until visit returns false.
func outsideStrings(line string, visit func(j int) bool) {
	inStr := byte(0)
	for j := 0; j < len(line); j++ {
		c := line[j]
		if inStr != 0 {
			if c == '\\' && inStr == '"' {
				j++
			} else if c == inStr {
				inStr = 0
			}
			continue
		}
		if c == '"' || c == '\'' {
			inStr = c
			continue
		}
		if !visit(j) {
			return
		}
	}
}

// keyValueStart finds "key =" outside strings on line and returns where its
// value starts, or -1.
func keyValueStart(line, key string) int {
	at := -1
	outsideStrings(line, func(j int) bool {
		if line[j] == '#' {
			return false
		}
		if strings.HasPrefix(line[j:], key) && (j == 0 || strings.ContainsRune(" \t{,", rune(line[j-1]))) {
			rest := strings.TrimLeft(line[j+len(key):], " \t")
			if strings.HasPrefix(rest, "=") {
				at = len(line) - len(strings.TrimLeft(rest[1:], " \t"))
				return false
			}
		}
		return true
	})
	return at
}

type pos struct{ line, col int }

// valueEnd finds the end of the string value starting at col of line i.
func valueEnd(lines []string, i, col int) (pos, error) {
	s := lines[i][col:]
	for _, delim := range []string{`"""`, `'''`} {
		if strings.HasPrefix(s, delim) {
			from := col + 3
			for j := i; j < len(lines); j++ {
				k := strings.Index(lines[j][from:], delim)
				for k >= 0 && delim == `"""` && escaped(lines[j], from+k) {
					n := strings.Index(lines[j][from+k+1:], delim)
					if n < 0 {
						k = -1
						break
					}
					k += n + 1
				}
				if k >= 0 {
					end := from + k + 3
					for end < len(lines[j]) && lines[j][end] == delim[0] { // """ followed by up to two quotes
						end++
					}
					return pos{j, end}, nil
				}
				from = 0
			}
			return pos{}, errors.New("a multi-line string does not end")
		}
	}
	q := s[0]
	for k := 1; k < len(s); k++ {
		if s[k] == '\\' && q == '"' {
			k++
			continue
		}
		if s[k] == q {
			return pos{i, col + k + 1}, nil
		}
	}
	return pos{}, errors.New("a string does not end on its line")
}

func escaped(line string, at int) bool {
	n := 0
	for k := at - 1; k >= 0 && line[k] == '\\'; k-- {
		n++
	}
	return n%2 == 1
}

// closingBrace finds the brace that closes the inline table opening at
// col, on the same line, or -1.
func closingBrace(line string, col int) int {
	depth, at := 0, -1
	outsideStrings(line, func(j int) bool {
		if j < col {
			return true
		}
		switch line[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				at = j
				return false
			}
		}
		return true
	})
	return at
}

func leadingSpace(s string) string { return s[:len(s)-len(strings.TrimLeft(s, " \t"))] }

// oneLineTOMLString writes s as a TOML basic string on one line (line
// breaks as \n): the edits above work line by line. (TOMLString writes
// multi-line strings, for whole files.)
func oneLineTOMLString(s string) string {
	q := strconv.Quote(s) // Go's escapes are TOML's, but for \x and \a, \v
	q = strings.NewReplacer(`\a`, `\u0007`, `\v`, `\u000b`).Replace(q)
	if strings.Contains(q, `\x`) {
		var b strings.Builder
		b.WriteByte('"')
		for _, r := range s {
			switch {
			case r == '"' || r == '\\':
				b.WriteString(`\` + string(r))
			case r == '\n':
				b.WriteString(`\n`)
			case r == '\t':
				b.WriteString(`\t`)
			case r < 0x20 || r == 0x7f:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				b.WriteRune(r)
			}
		}
		b.WriteByte('"')
		return b.String()
	}
	return q
}
