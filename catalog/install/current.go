package install

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/source"
)

// catalogDir is the folder of the data folder that holds installed catalogues.
const catalogDir = "catalogs"

// Current returns the path of the installed catalogue of dataDir, or
// ErrNoneInstalled.
func Current(dataDir string) (string, error) {
	path, _, err := NewStore(dataDir, Trust{}).Current()
	return path, err
}

// Open opens the installed catalogue of dataDir, or, when there is none,
// the sample catalogue compiled from sample (once, into dataDir's cache, or
// into a temporary folder when dataDir cannot be written). It says which.
func Open(dataDir string, sample fs.FS) (c *catalog.Catalog, isSample bool, err error) {
	path, err := Current(dataDir)
	if err == nil {
		c, err := catalog.Open(path)
		return c, false, err
	}
	if !errors.Is(err, ErrNoneInstalled) {
		return nil, false, err
	}
	path, err = CompiledSample(filepath.Join(dataDir, "cache"), sample)
	if err != nil {
		path, err = CompiledSample(filepath.Join(os.TempDir(), "wegweiser-cache"), sample)
	}
	if err != nil {
		return nil, true, err
	}
	c, err = catalog.Open(path)
	return c, true, err
}

// CompiledSample compiles the sample source into cacheDir, named by a hash
// of the source and of the schema so that a new binary with a new sample or
// a new schema compiles anew, and returns the file's path.
func CompiledSample(cacheDir string, sample fs.FS) (string, error) {
	sum, err := hashFS(sample)
	if err != nil {
		return "", err
	}
	path := filepath.Join(cacheDir, fmt.Sprintf("sample-%s-schema%d-%s.sqlite", sum[:16], catalog.SchemaVersion, catalog.SchemaFingerprint()))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	content, problems := source.Load(sample)
	if problems.Errors() > 0 {
		return "", fmt.Errorf("the built-in sample catalogue is broken: %v", problems[0])
	}
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return "", err
	}
	if err := catalog.Compile(content, path, catalog.BuildInfo{Version: 1, Built: lastUpdated(content)}); err != nil {
		return "", err
	}
	// Samples compiled by earlier builds of the program are of no more use.
	if old, err := filepath.Glob(filepath.Join(cacheDir, "sample-*.sqlite")); err == nil {
		for _, o := range old {
			if o != path {
				os.Remove(o)
			}
		}
	}
	return path, nil
}

// lastUpdated is the day the sample's offers were last checked: the date
// the kiosk shows as the catalogue's "as of".
func lastUpdated(c *catalog.Content) time.Time {
	var last time.Time
	for _, o := range c.Offers {
		if o.Updated.After(last) {
			last = o.Updated
		}
	}
	if last.IsZero() {
		return time.Now().UTC()
	}
	return last.Add(12 * time.Hour) // noon UTC: the same day in Europe/Berlin
}

// hashFS hashes every file name and content of fsys.
func hashFS(fsys fs.FS) (string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		f, err := fsys.Open(n)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00", n)
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
