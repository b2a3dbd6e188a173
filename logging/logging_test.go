package logging

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestRotationKeepsNewestFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.log")
	r, err := OpenRotating(path, 100, 3)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		fmt.Fprintf(r, "line %02d %s\n", i, strings.Repeat("x", 30)) // 39 bytes: two lines a file
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"w.log":   "line 18 line 19",
		"w.log.1": "line 16 line 17",
		"w.log.2": "line 14 line 15",
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != len(want) {
		t.Errorf("files = %v, want %d", entries, len(want))
	}
	for name, lines := range want {
		data, err := os.ReadFile(filepath.Join(filepath.Dir(path), name))
		if err != nil {
			t.Fatal(err)
		}
		if len(data) > 100 {
			t.Errorf("%s has %d bytes, over the limit", name, len(data))
		}
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			got = append(got, l[:7])
		}
		if strings.Join(got, " ") != lines {
			t.Errorf("%s holds %q, want %q", name, got, lines)
		}
	}
}

func TestReopenAppendsAndCountsExistingSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.log")
	os.WriteFile(path, bytes.Repeat([]byte("a"), 90), 0o644)
	r, err := OpenRotating(path, 100, 2)
	if err != nil {
		t.Fatal(err)
	}
	r.Write([]byte("0123456789\n")) // 90 + 11 > 100: rotates first
	r.Close()
	if data, _ := os.ReadFile(path); string(data) != "0123456789\n" {
		t.Errorf("current file = %q", data)
	}
	if data, _ := os.ReadFile(path + ".1"); len(data) != 90 {
		t.Errorf("old file has %d bytes", len(data))
	}
	if _, err := r.Write([]byte("x")); err == nil {
		t.Error("write after Close succeeded")
	}
}

func TestOversizedWriteGoesInAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.log")
	r, _ := OpenRotating(path, 10, 5)
	r.Write([]byte("short\n"))
	big := strings.Repeat("y", 50) + "\n"
	if n, err := r.Write([]byte(big)); n != len(big) || err != nil {
		t.Fatalf("write = %d, %v", n, err)
	}
	r.Write([]byte("after\n"))
	r.Close()
	for name, want := range map[string]string{"w.log": "after\n", "w.log.1": big, "w.log.2": "short\n"} {
		if data, _ := os.ReadFile(filepath.Join(filepath.Dir(path), name)); string(data) != want {
			t.Errorf("%s = %q, want %q", name, data, want)
		}
	}
}

func TestConcurrentWritesKeepLinesWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.log")
	r, _ := OpenRotating(path, 1000, 50)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				fmt.Fprintf(r, "goroutine %d line %03d\n", g, i)
			}
		}()
	}
	wg.Wait()
	r.Close()
	matches, _ := filepath.Glob(path + "*")
	lines := 0
	for _, m := range matches {
		data, _ := os.ReadFile(m)
		for _, l := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
			if len(l) != len("goroutine 0 line 000") {
				t.Fatalf("%s: torn line %q", m, l)
			}
			lines++
		}
	}
	if lines != 400 {
		t.Errorf("%d lines in %d files, want 400", lines, len(matches))
	}
}

func TestSetup(t *testing.T) {
	dir := t.TempDir()
	log, closer, err := Setup(dir)
	if err != nil {
		t.Fatal(err)
	}
	log.Info("catalogue installed", "catalog", "suedniedersachsen", "version", 7)
	log.Debug("not written")
	if err := closer.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "logs", "wegweiser.log"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if !strings.Contains(s, `level=INFO msg="catalogue installed" catalog=suedniedersachsen version=7`) || strings.Contains(s, "not written") {
		t.Errorf("log = %q", s)
	}
}

func TestBadArguments(t *testing.T) {
	if _, err := OpenRotating(filepath.Join(t.TempDir(), "x"), 0, 1); err == nil {
		t.Error("maxSize 0 accepted")
	}
	if _, c, err := Setup(filepath.Join(t.TempDir(), "new", "folder")); err != nil {
		t.Errorf("Setup of a new folder: %v", err)
	} else {
		c.Close()
	}
	blocker := filepath.Join(t.TempDir(), "blocker")
	os.WriteFile(blocker, nil, 0o644)
	if _, _, err := Setup(blocker); err == nil {
		t.Error("Setup under a file succeeded")
	}
}
