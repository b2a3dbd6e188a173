package install

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"wegweiser/catalog/bundle"
)

// bigBundle writes a bundle of the compiled test catalogue grown to about
// mb megabytes with media blobs of random bytes (a real catalogue:
// application id, schema, id and version; the size of a national one with
// many images) into dir, streaming, and returns its path.
func bigBundle(tb testing.TB, dir string, mb int, version int64) string {
	tb.Helper()
	db := filepath.Join(dir, "big.sqlite")
	if err := os.WriteFile(db, compiledCatalog(tb, testCatalog, version), 0o644); err != nil {
		tb.Fatal(err)
	}
	conn, err := sql.Open("sqlite", "file:"+filepath.ToSlash(db)+"?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)")
	if err != nil {
		tb.Fatal(err)
	}
	blob := make([]byte, 1<<20)
	for i := range mb {
		rand.Read(blob)
		if _, err := conn.Exec("INSERT INTO media(path, data) VALUES(?, ?)", fmt.Sprintf("bench/%04d.jpg", i), blob); err != nil {
			tb.Fatal(err)
		}
	}
	conn.Close()
	payload, err := os.Open(db)
	if err != nil {
		tb.Fatal(err)
	}
	defer os.Remove(db)
	defer payload.Close()
	path := filepath.Join(dir, "big.bundle")
	out, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer out.Close()
	sp := spec{version: version}.withDefaults()
	_, priv := testKey(sp.key)
	m := bundle.Manifest{CatalogID: sp.id, Version: sp.version, Issued: sp.issued, Expires: sp.expires}
	if _, err := bundle.Write(out, m, payload, priv); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkInstall times the whole check and install of a bundle of about
// 25 and 100 MB into an empty data folder: staging copy, signature,
// payload hash, integrity check, placing and switching. Target: under 3 s
// for 100 MB. B/op is the Go heap allocated per install, which must not
// grow with the size; peak-rss-MB is the process's peak resident memory
// so far.
//
//	go test -run '^$' -bench Install -benchtime 3x ./catalog/install/
func BenchmarkInstall(b *testing.B) {
	for _, mb := range []int{25, 100} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			tmp := b.TempDir()
			path := bigBundle(b, tmp, mb, 7)
			info, _ := os.Stat(path)
			b.SetBytes(info.Size())
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				dir := filepath.Join(tmp, "data"+strconv.Itoa(i))
				s := newStore(b, dir)
				b.StartTimer()
				res, err := s.Install(context.Background(), path)
				if err != nil || !res.Installed {
					b.Fatalf("%+v %v", res, err)
				}
				b.StopTimer()
				os.RemoveAll(dir)
				b.StartTimer()
			}
			b.StopTimer()
			b.ReportMetric(peakRSS(), "peak-rss-MB")
		})
	}
}

// TestInstallMemoryBounded: installing a 64 MB catalogue allocates a small,
// fixed amount of Go memory, not memory in proportion to its size.
func TestInstallMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 64 MB catalogue")
	}
	tmp := t.TempDir()
	small := putFile(t, tmp, "small.bundle", makeBundle(t, spec{version: 7}))
	big := bigBundle(t, t.TempDir(), 64, 7)
	alloc := func(path, dir string) uint64 {
		s := newStore(t, filepath.Join(tmp, dir))
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		if _, err := s.Install(context.Background(), path); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&m1)
		return m1.TotalAlloc - m0.TotalAlloc
	}
	a, b := alloc(small, "a"), alloc(big, "b")
	t.Logf("Go memory allocated by an install: %d KB for 0.2 MB, %d KB for 64 MB", a>>10, b>>10)
	if b > a+4<<20 {
		t.Errorf("the 64 MB install allocated %d bytes, the small one %d", b, a)
	}
}

// peakRSS is the process's peak resident memory in MB (Linux), or 0.
func peakRSS() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}
