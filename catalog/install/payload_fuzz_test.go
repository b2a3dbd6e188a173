package install

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/bundle"
)

// FuzzPayloadCheck overwrites bytes of a sound catalogue at an offset, as a
// signed-but-wrong payload might be, and runs the install's database check.
// It must never panic or hang; a file that passes must open and answer the
// kiosk's first queries.
func FuzzPayloadCheck(f *testing.F) {
	base := compiledCatalog(f, testCatalog, 7)
	m := bundle.Manifest{CatalogID: testCatalog, Version: 7}
	f.Add(uint32(16), []byte{0x02, 0x00})          // the page size
	f.Add(uint32(18), []byte{0x02, 0x02})          // the journal mode (WAL)
	f.Add(uint32(28), []byte{0xff, 0xff, 0xff, 0}) // the page count
	f.Add(uint32(100), []byte{0x0d})               // the schema page's type
	f.Add(uint32(4096+8), []byte{0x00, 0x00, 0x00, 0x00})
	f.Add(uint32(len(base)/2), bytes.Repeat([]byte{0x5a}, 64))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, offset uint32, patch []byte) {
		b := bytes.Clone(base)
		if int(offset) >= len(b) {
			return
		}
		copy(b[offset:], patch)
		path := filepath.Join(dir, "c.sqlite")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if err := checkCatalogFile(ctx, path, m); err != nil {
			return
		}
		c, err := catalog.Open(path)
		if err != nil {
			t.Fatalf("passed the check but does not open: %v", err)
		}
		defer c.Close()
		v := c.In(c.Info().SourceLanguage)
		if ds, err := v.Districts(); err == nil && len(ds) > 0 {
			v.Categories(ds[0].ID, testNow)
			v.Offers(ds[0].ID, "", testNow)
		}
	})
}
