package cli

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// kioskWithKey makes a data folder trusting a new key for the test
// catalogue and returns the folder and the key file.
func kioskWithKey(t *testing.T) (data, key string) {
	t.Helper()
	data, key = t.TempDir(), filepath.Join(t.TempDir(), "key")
	if code, _, stderr := run(t, "catalog", "keygen", "-o", key); code != 0 {
		t.Fatal(stderr)
	}
	if code, out, stderr := run(t, "admin", "trust-key", key+".pub", "--catalog", "suedniedersachsen", "--data", data); code != 0 {
		t.Fatalf("trust-key: %s %s", out, stderr)
	}
	return data, key
}

// buildVersion builds the valid source as a bundle of version v.
func buildVersion(t *testing.T, key string, v string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "v"+v+".bundle")
	if code, _, stderr := run(t, "catalog", "build", validSource, "-o", out, "--key", key, "--version", v, "--expires", "30d"); code != 0 {
		t.Fatal(stderr)
	}
	return out
}

func TestCatalogInstallInfoRollback(t *testing.T) {
	data, key := kioskWithKey(t)
	v5, v7 := buildVersion(t, key, "5"), buildVersion(t, key, "7")

	code, out, stderr := run(t, "catalog", "install", v5, "--data", data)
	if code != 0 || out != "installed suedniedersachsen version 5; the kiosk shows it from the next visitor on\n" {
		t.Fatalf("install v5: %d %q %q", code, out, stderr)
	}
	code, out, _ = run(t, "catalog", "install", v7, "--data", data)
	if code != 0 || !strings.HasPrefix(out, "installed suedniedersachsen version 7 (replacing version 5)") {
		t.Fatalf("install v7: %d %q", code, out)
	}
	code, out, _ = run(t, "catalog", "install", v7, "--data", data)
	if code != 0 || out != "suedniedersachsen version 7 is installed already; nothing to do\n" {
		t.Errorf("same version: %d %q", code, out)
	}
	code, _, stderr = run(t, "catalog", "install", v5, "--data", data)
	if code != 1 || stderr != "wegweiser: "+v5+": refused: this catalogue is older than the installed one (version 5 < 7)\nThe installed catalogue is unchanged.\n" {
		t.Errorf("older: %d %q", code, stderr)
	}

	code, out, _ = run(t, "catalog", "info", "--data", data)
	for _, want := range []string{"catalogue:  suedniedersachsen (", "version:    7\n", "previous:   version 5", "offers:     5\n",
		"language", "de       29/29", "last install or rollback: ", "refused v5.bundle: this catalogue is older"} {
		if !strings.Contains(out, want) {
			t.Errorf("info lacks %q:\n%s", want, out)
		}
	}
	if code != 0 || strings.Contains(out, "sample") {
		t.Errorf("info: %d\n%s", code, out)
	}

	code, out, _ = run(t, "catalog", "rollback", "--data", data)
	if code != 0 || !strings.HasPrefix(out, "went back from suedniedersachsen version 7 to version 5") {
		t.Fatalf("rollback: %d %q", code, out)
	}
	if _, out, _ := run(t, "catalog", "info", "--data", data); !strings.Contains(out, "version:    5\n") || strings.Contains(out, "previous:") {
		t.Errorf("info after rollback:\n%s", out)
	}
	code, _, stderr = run(t, "catalog", "rollback", "--data", data)
	if code != 1 || !strings.Contains(stderr, "there is no previous catalogue to go back to") || !strings.Contains(stderr, "unchanged") {
		t.Errorf("second rollback: %d %q", code, stderr)
	}
}

func TestCatalogInstallRefusals(t *testing.T) {
	data, key := kioskWithKey(t)
	v7 := buildVersion(t, key, "7")

	// Another key.
	other := filepath.Join(t.TempDir(), "other")
	run(t, "catalog", "keygen", "-o", other)
	foreign := buildVersion(t, other, "9")
	if code, _, stderr := run(t, "catalog", "install", foreign, "--data", data); code != 1 || !strings.Contains(stderr, "not signed by a trusted key") {
		t.Errorf("foreign key: %d %q", code, stderr)
	}
	// A damaged bundle.
	b, _ := os.ReadFile(v7)
	b[len(b)-10] ^= 1
	damaged := filepath.Join(t.TempDir(), "damaged.bundle")
	os.WriteFile(damaged, b, 0o644)
	if code, _, stderr := run(t, "catalog", "install", damaged, "--data", data); code != 1 || !strings.Contains(stderr, "does not match its signed description") {
		t.Errorf("damaged: %d %q", code, stderr)
	}
	if code, _, stderr := run(t, "catalog", "install", "no/such.bundle", "--data", data); code != 1 || !strings.Contains(stderr, "does not exist") {
		t.Errorf("missing file: %d %q", code, stderr)
	}
	if _, out, _ := run(t, "catalog", "info", "--data", data); !strings.Contains(out, "built-in sample") {
		t.Errorf("something was installed:\n%s", out)
	}

	// No kiosk.toml: nothing is trusted.
	if code, _, stderr := run(t, "catalog", "install", v7, "--data", t.TempDir()); code != 1 || !strings.Contains(stderr, "trusts no signing key yet") {
		t.Errorf("no kiosk.toml: %d %q", code, stderr)
	}
	// sync-threats 7 at the command line: a key of the wrong length in
	// kiosk.toml is a configuration error with its line.
	broken := t.TempDir()
	os.WriteFile(filepath.Join(broken, "kiosk.toml"), []byte("[trust]\ncatalog = \"suedniedersachsen\"\nkeys = [\"wegweiser-ed25519:AAAA\"]\n"), 0o644)
	code, _, stderr := run(t, "catalog", "install", v7, "--data", broken)
	if code != 1 || !strings.HasPrefix(stderr, "wegweiser: kiosk.toml:3: trusted key 1: this is not a valid Wegweiser public key: it holds 3 bytes instead of 32") {
		t.Errorf("short key: %d %q", code, stderr)
	}

	for _, args := range [][]string{
		{"catalog", "install"},
		{"catalog", "install", "a", "b"},
		{"catalog", "info", "x"},
		{"catalog", "rollback", "x"},
		{"sync", "x"},
		{"admin"},
		{"admin", "trust-key"},
		{"admin", "set-pin", "1234"},
		{"admin", "nonsense"},
	} {
		if code, _, stderr := run(t, args...); code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestCatalogInfoOnSample(t *testing.T) {
	code, out, stderr := run(t, "catalog", "info", "--data", t.TempDir())
	if code != 0 || !strings.Contains(out, "the built-in sample catalogue: no catalogue is installed") ||
		!strings.Contains(out, "expires:    never") || !strings.Contains(out, "translation coverage:") {
		t.Errorf("%d\n%s\n%s", code, out, stderr)
	}
}

func TestSyncCommand(t *testing.T) {
	data, key := kioskWithKey(t)
	if code, _, _ := run(t, "sync", "--data", data); code != 1 {
		t.Errorf("without a url: exit %d", code)
	}
	bundle, _ := os.ReadFile(buildVersion(t, key, "7"))
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"seven"`)
		http.ServeContent(w, r, "c.bundle", time.Time{}, bytes.NewReader(bundle))
	}))
	text, _ := os.ReadFile(filepath.Join(data, "kiosk.toml"))
	text = append(text, "\n[sync]\nurl = \""+ts.URL+"/c.bundle\"\ninterval = \"1h\"\n"...)
	os.WriteFile(filepath.Join(data, "kiosk.toml"), text, 0o600)

	code, out, stderr := run(t, "sync", "--data", data)
	if code != 0 || out != "sync from "+ts.URL+"/c.bundle: installed version 7\n" {
		t.Fatalf("%d %q %q", code, out, stderr)
	}
	code, out, _ = run(t, "sync", "--data", data)
	if code != 0 || !strings.HasSuffix(out, ": the catalogue on the server has not changed\n") {
		t.Errorf("second sync: %d %q", code, out)
	}
	if _, out, _ := run(t, "catalog", "info", "--data", data); !strings.Contains(out, "sync:       from "+ts.URL) || !strings.Contains(out, "has not changed") {
		t.Errorf("info:\n%s", out)
	}
	ts.Close()
	code, _, stderr = run(t, "sync", "--data", data)
	if code != 1 || !strings.Contains(stderr, "could not update: the server could not be reached") || !strings.Contains(stderr, "The kiosk tries again at") {
		t.Errorf("server gone: %d %q", code, stderr)
	}
}

// A version above what a build gets by default (the build time) would lock
// out every later default build: refused, with what to do.
func TestBuildRefusesVersionsThatLockOutLaterBuilds(t *testing.T) {
	_, key := kioskWithKey(t)
	for _, v := range []string{"20250301120000", "9223372036854775807"} {
		out := filepath.Join(t.TempDir(), "v.bundle")
		code, _, stderr := run(t, "catalog", "build", validSource, "-o", out, "--key", key, "--version", v)
		if code != 2 || !strings.Contains(stderr, "Leave --version out") {
			t.Errorf("--version %s: exit %d, %q", v, code, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("--version %s: a bundle was written", v)
		}
	}
}

// Issue 11 item 7: with a damaged state.json, `catalog info` still says what
// the kiosk shows and what is wrong; `catalog repair` rebuilds the record,
// with the expiry the signed payload carries, and installs work again.
func TestCatalogInfoAndRepairOnADamagedState(t *testing.T) {
	data, key := kioskWithKey(t)
	v5, v7, v8 := buildVersion(t, key, "5"), buildVersion(t, key, "7"), buildVersion(t, key, "8")
	for _, b := range []string{v5, v7} {
		if code, _, stderr := run(t, "catalog", "install", b, "--data", data); code != 0 {
			t.Fatal(stderr)
		}
	}
	state := filepath.Join(data, "catalogs", "state.json")
	before, _ := os.ReadFile(state)
	os.WriteFile(state, before[:len(before)/3], 0o644)

	code, out, stderr := run(t, "catalog", "info", "--data", data)
	if code != 0 || !strings.Contains(out, "problem:    the record of the installed catalogue is damaged") ||
		!strings.Contains(out, "catalog repair") || !strings.Contains(out, "offers:") {
		t.Fatalf("info on the damaged state: %d %q %q", code, out, stderr)
	}
	if code, _, _ := run(t, "catalog", "install", v8, "--data", data); code != 1 {
		t.Fatalf("install on the damaged state: exit %d", code)
	}
	code, out, stderr = run(t, "catalog", "repair", "--data", data)
	if code != 0 || !strings.Contains(out, "current: version 7") || !strings.Contains(out, "previous: version 5") ||
		!strings.Contains(out, "the kiosk shows suedniedersachsen version 7") {
		t.Fatalf("repair: %d %q %q", code, out, stderr)
	}
	after, _ := os.ReadFile(state)
	for _, field := range []string{`"expires"`, `"issued"`, `"sha256"`} {
		if got, want := fieldOf(after, field), fieldOf(before, field); got != want {
			t.Errorf("%s rebuilt as %s, was %s", field, got, want)
		}
	}
	if code, out, _ := run(t, "catalog", "repair", "--data", data); code != 0 || !strings.HasPrefix(out, "nothing to repair") {
		t.Errorf("second repair: %d %q", code, out)
	}
	if code, _, stderr := run(t, "catalog", "install", v8, "--data", data); code != 0 {
		t.Fatalf("install after the repair: %s", stderr)
	}
}

// fieldOf returns the first line of a state.json that holds field.
func fieldOf(b []byte, field string) string {
	for _, line := range strings.Split(string(b), "\n") {
		if strings.Contains(line, field) {
			return strings.TrimSpace(line)
		}
	}
	return ""
}

// Issue 15: `status` prints a kiosk's state: from the data folder when the
// kiosk is not running, from its status.json when it is; --json gives the
// file as it is.
func TestStatusCommand(t *testing.T) {
	data, key := kioskWithKey(t)
	if code, _, stderr := run(t, "catalog", "install", buildVersion(t, key, "5"), "--data", data); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := run(t, "status", "--data", data)
	if code != 0 || !strings.Contains(stdout, "the kiosk has not written a status") ||
		!strings.Contains(stdout, "catalogue:  suedniedersachsen version 5") || !strings.Contains(stdout, "installed suedniedersachsen version 5") {
		t.Fatalf("offline: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, _, _ := run(t, "status", "--data", data, "--json"); code != 1 {
		t.Errorf("--json without a status.json: exit %d", code)
	}
	os.WriteFile(filepath.Join(data, "status.json"), []byte(`{"kiosk": "holzminden-1", "program_version": "1.2.0",
		"written": "2026-12-01T10:00:00Z", "catalog": {"id": "suedniedersachsen", "version": 5}, "printer": "idle",
		"problems": ["the catalogue expires on 2026-12-10"]}`), 0o644)
	code, stdout, _ = run(t, "status", "--data", data)
	if code != 0 || !strings.Contains(stdout, "kiosk:      holzminden-1") || !strings.Contains(stdout, "the kiosk does not seem to be running") ||
		!strings.Contains(stdout, "problem:    the catalogue expires on 2026-12-10") {
		t.Errorf("from status.json: exit %d\n%s", code, stdout)
	}
	if code, stdout, _ := run(t, "status", "--data", data, "--json"); code != 0 || !strings.Contains(stdout, `"kiosk": "holzminden-1"`) {
		t.Errorf("--json: exit %d\n%s", code, stdout)
	}
}
