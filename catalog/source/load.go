package source

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"

	"wegweiser/catalog"
)

// Limits that keep a hostile or mistaken folder from exhausting memory.
const (
	maxTOMLSize  = 16 << 20
	maxImageSize = 8 << 20
)

// Load reads and checks the source folder fsys (for a folder on disk,
// os.DirFS(dir)). It returns the content, usable only when problems hold no
// error, and every problem found, sorted by path and line.
func Load(fsys fs.FS) (*catalog.Content, Problems) { return LoadAt(fsys, time.Now()) }

func newContent() *catalog.Content { return &catalog.Content{Media: map[string][]byte{}} }

// LoadAt is Load on the day now: offers are overdue for their recheck
// (recheck_after) as of then.
func LoadAt(fsys fs.FS, now time.Time) (*catalog.Content, Problems) {
	l := &loader{fsys: fsys, now: now, content: newContent(), defined: map[string]map[string]string{}}
	l.run()
	l.problems.sort()
	return l.content, l.problems
}

type loader struct {
	checker
	fsys      fs.FS
	content   *catalog.Content
	defined   map[string]map[string]string // kind → id → "path:line" of its first definition
	media     []mediaRef
	audio     []string           // files under audio/, in walk order
	locs      map[string]TextLoc // where each text stands, by place (catalog.Places)
	now       time.Time          // the day offers are checked for freshness
	stateText string             // StatusFile's text, for the lines of its keys
	refs      []ref
	ahead     map[string]chan parsed // files being read by parseAhead
	slots     chan struct{}          // one for each file parseAhead may read ahead
}

// mediaRef is an image that a brochure section names.
type mediaRef struct {
	f    *file
	path string // key path of the 'image' key
	name string
}

func (l *loader) run() {
	var offers, events, brochures []string
	err := fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasPrefix(p, "audio/") && !strings.HasPrefix(d.Name(), ".") {
			l.audio = append(l.audio, p)
			return nil
		}
		if err != nil {
			l.report(Error, p, 1, "cannot be read: %v", unwrapPathError(err))
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(p, ".toml") {
			return nil
		}
		top, _, nested := strings.Cut(p, "/")
		switch {
		case !nested && (p == "catalog.toml" || p == "districts.toml" || p == "categories.toml" || p == StatusFile):
		case nested && top == "offers":
			offers = append(offers, p)
		case nested && top == "events":
			events = append(events, p)
		case nested && top == "brochures":
			brochures = append(brochures, p)
		default:
			l.report(Warning, p, 1, "not part of the catalogue: %s", p)
		}
		return nil
	})
	if err != nil {
		l.report(Error, ".", 1, "the source folder cannot be read: %v", err)
		return
	}

	l.parseAhead(append(append(append([]string{}, offers...), events...), brochures...))
	l.catalogFile()
	l.districtsFile()
	l.categoriesFile()
	if len(offers) == 0 {
		l.report(Error, "offers", 1, "no offer files: put at least one .toml file with [[offer]] tables in the folder offers/")
	}
	for _, p := range offers {
		l.offersFile(p)
	}
	for _, p := range events {
		l.eventsFile(p)
	}
	for _, p := range brochures {
		l.brochuresFile(p)
	}
	l.checkReferences()
	l.loadMedia()
	l.loadAudio()
	l.checkTranslations()
}

// parsed is one TOML file as parseFile reads it.
type parsed struct {
	f        *file          // nil when the file is missing or broken
	m        map[string]any // its content
	missing  bool
	problems []Problem
}

// parse reads one TOML file, or takes it from parseAhead. It returns nil
// when the file is missing or broken; the problem is then reported.
func (l *loader) parse(p string, required bool) (*file, map[string]any) {
	var r parsed
	if ch, ok := l.ahead[p]; ok {
		r = <-ch
		<-l.slots
	} else {
		r = parseFile(l.fsys, p)
	}
	if r.missing && required {
		l.report(Error, p, 1, "required file is missing")
	}
	l.problems = append(l.problems, r.problems...)
	return r.f, r.m
}

// parseAhead starts reading the files on every core, at
// most as many ahead of the one the loader is at as there are cores: a
// large folder loads faster without being held in memory all at once.
// parse must then be called for each of them, in order.
func (l *loader) parseAhead(paths []string) {
	l.ahead = make(map[string]chan parsed, len(paths))
	for _, p := range paths {
		l.ahead[p] = make(chan parsed, 1)
	}
	l.slots = make(chan struct{}, runtime.GOMAXPROCS(0))
	go func() {
		for _, p := range paths {
			l.slots <- struct{}{}
			go func(ch chan parsed) { ch <- parseFile(l.fsys, p) }(l.ahead[p])
		}
	}()
}

// parseFile reads one TOML file.
func parseFile(fsys fs.FS, p string) (r parsed) {
	report := func(line int, format string, args ...any) {
		r.problems = append(r.problems, Problem{Path: p, Line: line, Severity: Error, Message: fmt.Sprintf(format, args...)})
	}
	data, err := readLimited(fsys, p, maxTOMLSize)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			r.missing = true
			return r
		}
		report(1, "cannot be read: %v", unwrapPathError(err))
		return r
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalidUTF8(data)], []byte("\n"))
		report(line, "the file is not UTF-8 text (save it as UTF-8)")
		return r
	}
	text := norm.NFC.String(string(data))
	if line, err := CheckNesting(text); err != nil {
		report(line, "%v", err)
		return r
	}
	if _, err := toml.Decode(text, &r.m); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			report(syntaxErrorLine(text, perr.Position), "TOML syntax: %s", perr.Message)
		} else {
			report(1, "TOML syntax: %v", err)
		}
		r.m = nil
		return r
	}
	r.f = &file{path: p, lines: indexLines(text)}
	return r
}

// syntaxErrorLine is the line of a TOML syntax error. The parser gives no
// line for some errors at the end of the input (a string ending in a lone
// backslash): then the line of its byte offset, or the last line.
func syntaxErrorLine(text string, pos toml.Position) int {
	if pos.Line >= 1 {
		return pos.Line
	}
	end := len(text)
	if pos.Start > 0 && pos.Start < end {
		end = pos.Start
	}
	return 1 + strings.Count(text[:end], "\n")
}

// define records an id of a kind and reports a duplicate.
func (l *loader) define(kind string, t *table, key, id string) bool {
	if l.defined[kind] == nil {
		l.defined[kind] = map[string]string{}
	}
	where := t.f.path + ":" + itoa(t.line(key))
	if first, dup := l.defined[kind][id]; dup {
		t.errorf(key, "%s id '%s' is used twice (first at %s)", kind, id, first)
		return false
	}
	l.defined[kind][id] = where
	return true
}

// checkID reports an id that does not match the pattern.
func checkID(t *table, key, id string) {
	if id != "" && !catalog.ValidID(id) {
		t.errorf(key, "id '%s' may use only a-z, 0-9 and '-', start with a letter or digit, and be at most 64 characters long", id)
	}
}

func (l *loader) loadMedia() {
	sort.Slice(l.media, func(i, j int) bool { return l.media[i].name < l.media[j].name })
	for _, m := range l.media {
		if _, done := l.content.Media[m.name]; done {
			continue
		}
		line := m.f.lines.lineOf(m.path)
		clean := path.Clean(m.name)
		if path.IsAbs(m.name) || clean != m.name || !strings.HasPrefix(clean, "media/") {
			l.report(Error, m.f.path, line, "image '%s' must be a path inside the folder media/, such as media/picture.jpg", m.name)
			continue
		}
		data, err := readLimited(l.fsys, clean, maxImageSize)
		if err != nil {
			l.report(Error, m.f.path, line, "image '%s' cannot be read: %v", m.name, unwrapPathError(err))
			continue
		}
		if !isPNG(data) && !isJPEG(data) {
			l.report(Error, m.f.path, line, "image '%s' is not a PNG or JPEG picture", m.name)
			continue
		}
		l.content.Media[m.name] = data
	}
}

func isPNG(b []byte) bool  { return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) }
func isJPEG(b []byte) bool { return bytes.HasPrefix(b, []byte("\xff\xd8\xff")) }
