package printout

import (
	"os"
	"path/filepath"
	"testing"

	"wegweiser/assets"
	"wegweiser/catalog"
	"wegweiser/catalog/install"
)

// sample opens the built-in sample catalogue, compiled once per test binary.
func sample(t testing.TB) *catalog.Catalog {
	t.Helper()
	path, err := install.CompiledSample(sampleDir(t), assets.SampleSource())
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

var sampleCache string

func sampleDir(t testing.TB) string {
	if sampleCache == "" {
		dir, err := os.MkdirTemp("", "printing-sample-")
		if err != nil {
			t.Fatal(err)
		}
		sampleCache = filepath.Join(dir, "cache")
	}
	return sampleCache
}
