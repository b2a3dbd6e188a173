package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const validSource = "../catalog/source/testdata/valid"

// run runs one command line and returns its exit code and output.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run(args, Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		Kiosk: func(KioskOptions) int { t.Fatal("kiosk opened"); return 1 }})
	return code, stdout.String(), stderr.String()
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"nonsense"},
		{"catalog"},
		{"catalog", "check"},
		{"catalog", "check", "a", "b"},
		{"catalog", "build", validSource},
		{"catalog", "check", validSource, "--no-such-flag"},
		{"search", "x"}, // no --lang
		{"--windowed", "extra"},
	} {
		if code, _, stderr := run(t, args...); code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, stderr)
		}
	}
}

func TestCheck(t *testing.T) {
	code, stdout, stderr := run(t, "catalog", "check", validSource, "--coverage")
	if code != 0 || stderr != "" || !strings.Contains(stdout, "5 offers") || !strings.Contains(stdout, "de       29/29") {
		t.Errorf("valid: exit %d\n%s\n%s", code, stdout, stderr)
	}
	code, _, stderr = run(t, "catalog", "check", "../catalog/source/testdata/broken")
	if code != 1 || !strings.Contains(stderr, "offers/a.toml:3: unknown key 'titel' in offer; did you mean 'title'?") || !strings.Contains(stderr, "23 errors, 2 warnings") {
		t.Errorf("broken: exit %d\n%s", code, stderr)
	}
	if code, _, _ := run(t, "catalog", "check", "no/such/folder"); code != 1 {
		t.Errorf("missing folder: exit %d", code)
	}
}

func TestStrictFailsOnWarnings(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, validSource, dir)
	if err := os.WriteFile(filepath.Join(dir, "stray.toml"), []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "catalog", "check", dir); code != 0 || !strings.Contains(stderr, "warning: not part of the catalogue: stray.toml") {
		t.Errorf("without --strict: exit %d, %s", code, stderr)
	}
	if code, _, _ := run(t, "catalog", "check", dir, "--strict"); code != 1 {
		t.Errorf("--strict: exit %d, want 1", code)
	}
}

func TestKeygenBuildVerify(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "key")
	code, pubLine, stderr := run(t, "catalog", "keygen", "-o", key)
	if code != 0 || !strings.HasPrefix(pubLine, "wegweiser-ed25519:") {
		t.Fatalf("keygen: %d %q %q", code, pubLine, stderr)
	}
	if info, err := os.Stat(key); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("key file mode: %v %v", info, err)
	}
	if code, _, _ := run(t, "catalog", "keygen", "-o", key); code != 1 {
		t.Errorf("keygen overwrote a key: exit %d", code)
	}
	bundle := filepath.Join(dir, "c.bundle")
	if code, out, stderr := run(t, "catalog", "build", validSource, "-o", bundle, "--key", key, "--version", "7", "--expires", "30d"); code != 0 {
		t.Fatalf("build: %d %s %s", code, out, stderr)
	}
	code, out, stderr := run(t, "catalog", "verify", bundle, "--pubkey", key+".pub")
	if code != 0 || !strings.Contains(out, "catalogue: suedniedersachsen") || !strings.Contains(out, "version:   7") {
		t.Fatalf("verify: %d\n%s\n%s", code, out, stderr)
	}
	// The key given as its line works too.
	if code, _, _ := run(t, "catalog", "verify", bundle, "--pubkey", strings.TrimSpace(pubLine)); code != 0 {
		t.Errorf("verify with key line: exit %d", code)
	}

	// A foreign key, a flipped byte and a truncated file are refused.
	other := filepath.Join(dir, "other")
	run(t, "catalog", "keygen", "-o", other)
	if code, _, stderr := run(t, "catalog", "verify", bundle, "--pubkey", other+".pub"); code != 1 || !strings.Contains(stderr, "trusted key") {
		t.Errorf("foreign key: exit %d %s", code, stderr)
	}
	data, err := os.ReadFile(bundle)
	if err != nil {
		t.Fatal(err)
	}
	for _, pos := range []int{30, len(data) / 2, len(data) - 1} {
		flipped := append([]byte{}, data...)
		flipped[pos] ^= 0x01
		bad := filepath.Join(dir, "flipped")
		os.WriteFile(bad, flipped, 0o644)
		if code, _, _ := run(t, "catalog", "verify", bad, "--pubkey", key+".pub"); code != 1 {
			t.Errorf("flipped byte %d: exit %d", pos, code)
		}
	}
	short := filepath.Join(dir, "short")
	os.WriteFile(short, data[:len(data)-100], 0o644)
	if code, _, stderr := run(t, "catalog", "verify", short, "--pubkey", key+".pub"); code != 1 || !strings.Contains(stderr, "incomplete") {
		t.Errorf("truncated: exit %d %s", code, stderr)
	}
}

func TestBuildRefusesBrokenSource(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "key")
	run(t, "catalog", "keygen", "-o", key)
	out := filepath.Join(dir, "c.bundle")
	if code, _, stderr := run(t, "catalog", "build", "../catalog/source/testdata/broken", "-o", out, "--key", key); code != 1 || !strings.Contains(stderr, "nothing was built") {
		t.Errorf("exit %d %s", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a bundle was written from a broken source")
	}
	if code, _, _ := run(t, "catalog", "build", validSource, "-o", out, "--key", key, "--expires", "soon"); code != 2 {
		t.Errorf("bad --expires: exit %d", code)
	}
}

type searchLine struct{ ID, Kind, Title, Lang string }

func searchLines(t *testing.T, args ...string) []searchLine {
	t.Helper()
	code, out, stderr := run(t, append([]string{"search"}, args...)...)
	if code != 0 {
		t.Fatalf("search %v: exit %d %s", args, code, stderr)
	}
	var lines []searchLine
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var s searchLine
		if err := json.Unmarshal([]byte(l), &s); err != nil {
			t.Fatalf("not JSON: %q", l)
		}
		lines = append(lines, s)
	}
	return lines
}

func TestSearchSource(t *testing.T) {
	hits := searchLines(t, "--source", validSource, "--lang", "en", "--district", "03255", "gründung")
	if len(hits) == 0 || hits[0].ID != "gruendungsberatung-holzminden" || hits[0].Kind != "offer" || hits[0].Lang != "en" {
		t.Errorf("hits = %+v", hits)
	}
	all := searchLines(t, "--source", validSource, "--lang", "ar", "--district", "03255")
	if len(all) != 5 || all[0].ID != "iq-fachstelle" || all[0].Lang != "ar" || all[1].Lang != "en" || all[4].Kind != "brochure" {
		t.Errorf("listing = %+v", all)
	}
	cat := searchLines(t, "--source", validSource, "--lang", "de", "--district", "03453", "--category", "financing")
	if len(cat) != 1 || cat[0].ID != "niedersachsen-weit" {
		t.Errorf("category listing = %+v", cat)
	}
	code, _, stderr := run(t, "search", "--source", validSource, "--lang", "de", "--district", "99999", "gründung")
	if code != 1 || !strings.Contains(stderr, "no district '99999' in the catalogue") {
		t.Errorf("unknown district: exit %d, %q", code, stderr)
	}
}

func TestSearchDataUsesSampleAndKioskDistrict(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "kiosk.toml"), []byte("district = \"06636\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	hits := searchLines(t, "--data", dir, "--lang", "de")
	found := map[string]bool{}
	for _, h := range hits {
		found[h.ID] = true
	}
	if !found["gruenden-im-werra-meissner-kreis"] || found["gruenden-im-landkreis-holzminden"] {
		t.Errorf("kiosk.toml's district not applied: %+v", hits)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Issue 14: `catalog check --stale` lists the offers overdue for a recheck,
// alone, as a work list; a plain check warns about them and passes.
func TestCheckStale(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src")
	copyDir(t, validSource, src)
	cat, _ := os.ReadFile(filepath.Join(src, "catalog.toml"))
	os.WriteFile(filepath.Join(src, "catalog.toml"), append(cat, "recheck_after = \"1d\"\n"...), 0o644)
	code, stdout, stderr := run(t, "catalog", "check", src, "--stale")
	if code != 0 || !strings.Contains(stdout, "offers/national.toml:8: warning: offer 'iq-fachstelle' was last checked on 2026-11-01") ||
		!strings.Contains(stdout, "offers overdue for a recheck") || strings.Contains(stdout, "districts") {
		t.Errorf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	code, _, stderr = run(t, "catalog", "check", src)
	if code != 0 || !strings.Contains(stderr, "was last checked on") {
		t.Errorf("plain check: exit %d\n%s", code, stderr)
	}
}
