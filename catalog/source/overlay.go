package source

import (
	"io/fs"
	"testing/fstest"
)

// WithFiles is the source folder base with files (path → content, forward
// slashes) put in or replaced, in memory: what a change would give, to
// load and check before anything is written.
func WithFiles(base fs.FS, files map[string][]byte) fs.FS {
	out := fstest.MapFS{}
	fs.WalkDir(base, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, err := fs.ReadFile(base, p); err == nil {
				out[p] = &fstest.MapFile{Data: b}
			}
		}
		return nil
	})
	for p, b := range files {
		out[p] = &fstest.MapFile{Data: b}
	}
	return out
}
