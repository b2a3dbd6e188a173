package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wegweiser/config"
)

// runWithInput is run with text on standard input.
func runWithInput(t *testing.T, input string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run(args, Env{Stdin: strings.NewReader(input), Stdout: &stdout, Stderr: &stderr,
		Kiosk: func(KioskOptions) int { t.Fatal("kiosk opened"); return 1 }})
	return code, stdout.String(), stderr.String()
}

const staffToml = `# Holzminden, front desk
district = "03255"
idle_reset = "2m"   # visitors read slowly

[sync]
url = "https://example.org/suedniedersachsen.bundle"
`

func TestAdminTrustKey(t *testing.T) {
	data := t.TempDir()
	os.WriteFile(filepath.Join(data, "kiosk.toml"), []byte(staffToml), 0o640)
	key := filepath.Join(t.TempDir(), "key")
	_, pubLine, _ := run(t, "catalog", "keygen", "-o", key)
	pubLine = strings.TrimSpace(pubLine)

	code, out, stderr := run(t, "admin", "trust-key", pubLine, "--data", data)
	if code != 0 || !strings.HasPrefix(out, "kiosk.toml: now trusting key ") || !strings.Contains(stderr, "no catalogue id is set yet") {
		t.Fatalf("%d %q %q", code, out, stderr)
	}
	code, out, _ = run(t, "admin", "trust-key", key+".pub", "--catalog", "suedniedersachsen", "--data", data)
	if code != 0 || !strings.Contains(out, "was trusted already") || !strings.Contains(out, "accepting catalogue suedniedersachsen") {
		t.Fatalf("again: %d %q", code, out)
	}
	text, _ := os.ReadFile(filepath.Join(data, "kiosk.toml"))
	want := staffToml + "\n[trust]\nkeys = [\n  \"" + pubLine + "\",\n]\ncatalog = \"suedniedersachsen\"\n"
	if string(text) != want {
		t.Errorf("kiosk.toml:\n%s\nwant:\n%s", text, want)
	}
	if info, _ := os.Stat(filepath.Join(data, "kiosk.toml")); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v", info.Mode())
	}

	for _, bad := range []string{"wegweiser-ed25519:AAAA", "no/such/file.pub"} {
		if code, _, stderr := run(t, "admin", "trust-key", bad, "--data", data); code != 1 || stderr == "" {
			t.Errorf("%q: %d %q", bad, code, stderr)
		}
	}
	if code, _, _ := run(t, "admin", "trust-key", pubLine, "--catalog", "Süd", "--data", data); code != 1 {
		t.Errorf("bad catalogue id: %d", code)
	}
	// A kiosk.toml with an error is not rewritten.
	os.WriteFile(filepath.Join(data, "kiosk.toml"), []byte("district = 3255\n"), 0o640)
	if code, _, stderr := run(t, "admin", "trust-key", pubLine, "--data", data); code != 1 || !strings.Contains(stderr, "kiosk.toml:1:") {
		t.Errorf("broken kiosk.toml: %d %q", code, stderr)
	}
	if text, _ := os.ReadFile(filepath.Join(data, "kiosk.toml")); string(text) != "district = 3255\n" {
		t.Errorf("the broken file was changed: %q", text)
	}
}

func TestAdminSetPIN(t *testing.T) {
	data := t.TempDir()
	os.WriteFile(filepath.Join(data, "kiosk.toml"), []byte(staffToml), 0o600)
	code, out, stderr := runWithInput(t, "4711\n", "admin", "set-pin", "--data", data)
	if code != 0 || out != "kiosk.toml: the staff PIN is set (only its hash is stored)\n" || strings.Contains(out+stderr, "4711") {
		t.Fatalf("%d %q %q", code, out, stderr)
	}
	text, _ := os.ReadFile(filepath.Join(data, "kiosk.toml"))
	if !strings.HasPrefix(string(text), staffToml+"\n[admin]\npin = \"$2") || strings.Contains(string(text), "4711") {
		t.Errorf("kiosk.toml:\n%s", text)
	}
	cfg, err := config.Load(data)
	if err != nil || !config.CheckPIN(cfg.AdminPIN, "4711") || cfg.District != "03255" || cfg.Sync.URL == "" {
		t.Errorf("%+v %v", cfg, err)
	}
	// A second PIN replaces the first.
	runWithInput(t, "0815\r\n", "admin", "set-pin", "--data", data)
	cfg, _ = config.Load(data)
	if !config.CheckPIN(cfg.AdminPIN, "0815") || config.CheckPIN(cfg.AdminPIN, "4711") {
		t.Error("the PIN was not replaced")
	}
	for _, bad := range []string{"", "\n", "12", "12ab", "1234567890123"} {
		if code, _, stderr := runWithInput(t, bad, "admin", "set-pin", "--data", data); code != 1 || stderr == "" {
			t.Errorf("PIN %q: %d %q", bad, code, stderr)
		}
	}
	// Without kiosk.toml, set-pin creates it.
	fresh := t.TempDir()
	if code, _, _ := runWithInput(t, "2468", "admin", "set-pin", "--data", fresh); code != 0 {
		t.Fatal(code)
	}
	if cfg, err := config.Load(fresh); err != nil || !config.CheckPIN(cfg.AdminPIN, "2468") {
		t.Errorf("%v", err)
	}
}
