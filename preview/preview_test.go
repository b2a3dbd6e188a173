package preview

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, _ := os.ReadFile(p)
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
}

// Issue 14: the preview rebuilds after a file changes, and reports the
// problems of a broken file instead of building.
func TestWatchRebuildsAfterAChange(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src")
	copyDir(t, "../catalog/source/testdata/valid", src)
	builds := make(chan Build, 10)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go Watch(ctx, src, t.TempDir(), 20*time.Millisecond, func(b Build) { builds <- b })
	next := func() Build {
		select {
		case b := <-builds:
			return b
		case <-time.After(5 * time.Second):
			t.Fatal("no build")
		}
		return Build{}
	}
	if b := next(); b.Path == "" {
		t.Fatalf("first build: %v", b.Problems)
	}
	offers := filepath.Join(src, "offers", "national.toml")
	good, _ := os.ReadFile(offers)
	os.WriteFile(offers, append(good, "\n[[offer]]\nid = \"broken\"\n"...), 0o644)
	b := next()
	if b.Path != "" || !strings.Contains(strings.Join(b.Problems, "\n"), "offers/national.toml") {
		t.Fatalf("broken file: %+v", b)
	}
	os.WriteFile(offers, good, 0o644)
	if b := next(); b.Path == "" {
		t.Fatalf("after the fix: %v", b.Problems)
	}
}
