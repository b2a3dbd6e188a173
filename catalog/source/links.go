package source

import (
	"io/fs"
	"time"
)

// Link is a web address in a source folder, with the file and line that
// give it: what `catalog check --links` tries.
type Link struct {
	Path string
	Line int
	URL  string
}

// Links are the valid web addresses of a source folder, in file order.
func Links(fsys fs.FS) []Link {
	l := &loader{fsys: fsys, now: time.Now(), content: newContent(), defined: map[string]map[string]string{}}
	l.run()
	return l.links
}
