package source

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"
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
func Load(fsys fs.FS) (*catalog.Content, Problems) {
	l := &loader{fsys: fsys, content: &catalog.Content{Media: map[string][]byte{}}, defined: map[string]map[string]string{}}
	l.run()
	l.problems.sort()
	return l.content, l.problems
}

type loader struct {
	checker
	fsys    fs.FS
	content *catalog.Content
	defined map[string]map[string]string // kind → id → "path:line" of its first definition
	media   []mediaRef
	refs    []ref
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
		case !nested && (p == "catalog.toml" || p == "districts.toml" || p == "categories.toml"):
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
}

// parse reads one TOML file. It returns nil when the file is missing or
// broken; the problem is then already reported.
func (l *loader) parse(p string, required bool) (*file, map[string]any) {
	data, err := readLimited(l.fsys, p, maxTOMLSize)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if required {
				l.report(Error, p, 1, "required file is missing")
			}
			return nil, nil
		}
		l.report(Error, p, 1, "cannot be read: %v", unwrapPathError(err))
		return nil, nil
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalidUTF8(data)], []byte("\n"))
		l.report(Error, p, line, "the file is not UTF-8 text (save it as UTF-8)")
		return nil, nil
	}
	text := norm.NFC.String(string(data))
	var m map[string]any
	if _, err := toml.Decode(text, &m); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			l.report(Error, p, perr.Position.Line, "TOML syntax: %s", perr.Message)
		} else {
			l.report(Error, p, 1, "TOML syntax: %v", err)
		}
		return nil, nil
	}
	return &file{path: p, lines: indexLines(text)}, m
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
