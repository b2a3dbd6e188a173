package source

import (
	"io/fs"
	"time"
)

// TextLoc is where a text stands in a source folder: its file and the key
// path of the text inside it ("offer[2].title"). Translators' imports
// write there.
type TextLoc struct {
	File string
	Path string
}

// locate notes where the texts keys of table t stand, under the places
// prefix+key.
func (l *loader) locate(prefix string, t *table, keys ...string) {
	if l.locs == nil {
		l.locs = map[string]TextLoc{}
	}
	for _, k := range keys {
		l.locs[prefix+k] = TextLoc{File: t.f.path, Path: join(t.path, k)}
	}
}

// Locate loads a source folder and tells where each of its texts stands,
// by place (catalog.Places), with the content and problems of Load.
func Locate(fsys fs.FS) (map[string]TextLoc, Problems) {
	l := &loader{fsys: fsys, now: time.Now(), content: newContent(), defined: map[string]map[string]string{}}
	l.run()
	l.problems.sort()
	return l.locs, l.problems
}
