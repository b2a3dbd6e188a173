// Package preview rebuilds a catalogue from its source folder whenever a
// file in it changes, for `wegweiser preview SRC`: an author edits the
// TOML files and sees the kiosk change, or the problems on screen.
package preview

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/source"
)

// Build is one build of the source.
type Build struct {
	Path     string   // the compiled catalogue, "" when the source has errors
	Problems []string // errors and warnings, "file:line: message"
}

// Stamp is a fingerprint of a folder's files: names, sizes and times.
func Stamp(dir string) string {
	h := sha256.New()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil {
			fmt.Fprintf(h, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
		}
		return nil
	})
	return fmt.Sprintf("%x", h.Sum(nil))
}

// Compile loads the source folder and, without errors, compiles it into a
// new file in outDir (version n).
func Compile(dir, outDir string, n int) Build {
	content, problems := source.Load(os.DirFS(dir))
	var b Build
	for _, p := range problems {
		b.Problems = append(b.Problems, p.String())
	}
	if problems.Errors() > 0 {
		return b
	}
	path := filepath.Join(outDir, fmt.Sprintf("preview-%d.sqlite", n))
	if err := catalog.Compile(content, path, catalog.BuildInfo{Version: int64(n), Built: time.Now()}); err != nil {
		b.Problems = append(b.Problems, "the catalogue could not be compiled: "+err.Error())
		return b
	}
	b.Path = path
	return b
}

// Watch builds the source at once and again whenever its files change
// (looking every interval), calling built with each build, until ctx ends.
func Watch(ctx context.Context, dir, outDir string, interval time.Duration, built func(Build)) {
	last, n := "", 0
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		if stamp := Stamp(dir); stamp != last {
			last = stamp
			n++
			built(Compile(dir, outDir, n))
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
