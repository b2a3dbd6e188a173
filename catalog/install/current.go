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
	"strings"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/source"
)

// ErrNoneInstalled means the data folder holds no installed catalogue.
var ErrNoneInstalled = errors.New("no catalogue is installed")

// catalogDir is the folder of the data folder that holds installed catalogues.
const catalogDir = "catalogs"

// currentFile names the installed catalogue's file inside catalogDir.
const currentFile = "current"

// Current returns the path of the installed catalogue of dataDir.
func Current(dataDir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, catalogDir, currentFile))
	if errors.Is(err, fs.ErrNotExist) {
		return "", ErrNoneInstalled
	}
	if err != nil {
		return "", err
	}
	name := strings.TrimSpace(string(b))
	if name == "" || name != filepath.Base(name) {
		return "", fmt.Errorf("the record of the installed catalogue is damaged (%q)", name)
	}
	return filepath.Join(dataDir, catalogDir, name), nil
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
// of the source so that a new binary with a new sample compiles anew, and
// returns the file's path.
func CompiledSample(cacheDir string, sample fs.FS) (string, error) {
	sum, err := hashFS(sample)
	if err != nil {
		return "", err
	}
	path := filepath.Join(cacheDir, "sample-"+sum[:16]+".sqlite")
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
