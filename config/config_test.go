package config

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wegweiser/catalog"
	"wegweiser/catalog/bundle"
)

func testKey(n byte) ed25519.PublicKey {
	return ed25519.NewKeyFromSeed(bytes.Repeat([]byte{n}, ed25519.SeedSize)).Public().(ed25519.PublicKey)
}

func TestParseTrust(t *testing.T) {
	k1, k2 := bundle.FormatPublicKey(testKey(1)), bundle.FormatPublicKey(testKey(2))
	cfg, err := Parse("[trust]\ncatalog = \"suedniedersachsen\"\nkeys = [\n  \"" + k1 + "\",\n  \"" + k2 + "\",\n]\n")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Trust.Catalog != "suedniedersachsen" || len(cfg.Trust.PublicKeys) != 2 || !cfg.Trust.PublicKeys[1].Equal(testKey(2)) {
		t.Errorf("trust = %+v", cfg.Trust)
	}
}

// sync-threats 7: a trusted key of the wrong length in kiosk.toml is a
// clear configuration error with its line, not a panic.
func TestTrustedKeyOfWrongLength(t *testing.T) {
	short := "wegweiser-ed25519:" + base64.RawStdEncoding.EncodeToString(make([]byte, 31))
	long := "wegweiser-ed25519:" + base64.RawStdEncoding.EncodeToString(make([]byte, 33))
	good := bundle.FormatPublicKey(testKey(1))
	for _, c := range []struct {
		key  string
		line int
		want string
	}{
		{short, 4, "holds 31 bytes instead of 32"},
		{long, 4, "holds 33 bytes instead of 32"},
		{"wegweiser-ed25519:@@@", 4, "damaged"},
		{"ssh-ed25519 AAAA", 4, "must start with"},
		{"", 4, "must start with"},
	} {
		text := "district = \"03255\"\n[trust]\nkeys = [\"" + good + "\",\n  \"" + c.key + "\"]\n"
		cfg, err := Parse(text)
		var ce *Error
		if !errors.As(err, &ce) || ce.Line != c.line || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "kiosk.toml:4: trusted key 2:") {
			t.Errorf("%q: %v (line %v), want kiosk.toml:%d and %q", c.key, err, ce, c.line, c.want)
		}
		if len(cfg.Trust.PublicKeys) != 0 {
			t.Errorf("%q: the keys of a broken file were used", c.key)
		}
	}
}

func TestParseRefusesBadTrustAndSync(t *testing.T) {
	for text, want := range map[string]string{
		"[trust]\ncatalog = \"Süd Niedersachsen\"\n":      "kiosk.toml:2: catalog",
		"[sync]\nurl = \"ftp://example.org/x.bundle\"\n":  "kiosk.toml:2: url",
		"[sync]\nurl = \"example.org/x.bundle\"\n":        "kiosk.toml:2: url",
		"[sync]\nurl = \"http://example.org/x.bundle\"\n": "kiosk.toml:2: url 'http://example.org/x.bundle' must start with https://",
		"[trust]\nKeys = []\n":                            "kiosk.toml:2: unknown setting 'trust.Keys'",
	} {
		if _, err := Parse(text); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: %v, want %s", text, err, want)
		}
	}
}

const commented = `# Kiosk in Holzminden, set up by the office
district = "03255"   # Landkreis Holzminden
languages = ["de", "en",
  "ar"]  # the three most asked for

[sync]
url = "https://example.org/a.bundle"
interval = "6h"

[trust]
# the coordinator's key
catalog = "suedniedersachsen"
keys = [
  "` + "KEY1" + `", # old
]

[admin]
pin = "old"
`

func TestTrustKeyKeepsTheRest(t *testing.T) {
	k1, k2 := testKey(1), testKey(2)
	text := strings.Replace(commented, "KEY1", bundle.FormatPublicKey(k1), 1)
	out, added, err := TrustKey(text, k2, "")
	if err != nil || !added {
		t.Fatalf("%v %v", added, err)
	}
	want := strings.Replace(text, "  \""+bundle.FormatPublicKey(k1)+"\", # old\n]",
		"  \""+bundle.FormatPublicKey(k1)+"\",\n  \""+bundle.FormatPublicKey(k2)+"\",\n]", 1)
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	// The same key again changes nothing; a new catalogue id is set in place.
	again, added, err := TrustKey(out, k2, "holzminden")
	if err != nil || added || again != strings.Replace(out, `catalog = "suedniedersachsen"`, `catalog = "holzminden"`, 1) {
		t.Errorf("again: %v %v\n%s", added, err, again)
	}
}

func TestTrustKeyAddsTables(t *testing.T) {
	k := testKey(3)
	line := bundle.FormatPublicKey(k)
	for _, c := range []struct{ in, want string }{
		{"", "[trust]\nkeys = [\n  \"" + line + "\",\n]\ncatalog = \"x\"\n"},
		{"district = \"03255\"", "district = \"03255\"\n\n[trust]\nkeys = [\n  \"" + line + "\",\n]\ncatalog = \"x\"\n"},
		{"[trust]\ncatalog = \"y\"\n\n[admin]\npin = \"p\"\n", "[trust]\ncatalog = \"x\"\nkeys = [\n  \"" + line + "\",\n]\n\n[admin]\npin = \"p\"\n"},
		{"trust.catalog = \"y\"\n[admin]\n", "trust.catalog = \"x\"\ntrust.keys = [\n  \"" + line + "\",\n]\n[admin]\n"},
	} {
		out, _, err := TrustKey(c.in, k, "x")
		if err != nil || out != c.want {
			t.Errorf("%q: %v\ngot:\n%s\nwant:\n%s", c.in, err, out, c.want)
		}
	}
	if _, _, err := TrustKey("trust = { catalog = \"y\" }\n", k, "x"); err == nil {
		t.Error("an inline table was changed")
	}
	if _, _, err := TrustKey("district = 12\n", k, "x"); err == nil || !strings.Contains(err.Error(), "corrected first") {
		t.Errorf("broken file: %v", err)
	}
}

func TestSetPIN(t *testing.T) {
	hash, err := HashPIN("4711")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(commented, "KEY1", bundle.FormatPublicKey(testKey(1)), 1)
	out, err := SetPIN(text, hash)
	if err != nil || out != strings.Replace(text, `pin = "old"`, `pin = "`+hash+`"`, 1) {
		t.Fatalf("%v\n%s", err, out)
	}
	cfg, err := Parse(out)
	if err != nil || !CheckPIN(cfg.AdminPIN, "4711") || CheckPIN(cfg.AdminPIN, "4712") {
		t.Errorf("%v %q", err, cfg.AdminPIN)
	}
	for _, bad := range []string{"", "123", "12a4", "1234567890123", "12 34"} {
		if CheckNewPIN(bad) == nil {
			t.Errorf("PIN %q accepted", bad)
		}
	}
	if CheckNewPIN("0815") != nil {
		t.Error("PIN 0815 refused")
	}
}

func TestSaveIsAtomicAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	if err := Save(dir, "district = 12\n"); err == nil {
		t.Error("saved an invalid file")
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); err == nil {
		t.Error("an invalid file was written")
	}
	if err := Save(dir, "district = \"03255\"\n"); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(dir, FileName))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v %v", info.Mode(), err)
	}
	os.Chmod(filepath.Join(dir, FileName), 0o640)
	if err := Save(dir, "district = \"03\"\n"); err != nil {
		t.Fatal(err)
	}
	text, err := ReadText(dir)
	info, _ = os.Stat(filepath.Join(dir, FileName))
	if err != nil || text != "district = \"03\"\n" || info.Mode().Perm() != 0o640 {
		t.Errorf("%q %v %v", text, info.Mode(), err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// FuzzSetValue: editing any kiosk.toml that parses never panics, and when
// it succeeds the result parses and holds the new value.
func FuzzSetValue(f *testing.F) {
	f.Add(commented)
	f.Add("")
	f.Add("[trust]\nkeys = []\n")
	f.Add("trust.keys = ['a', \"\"\"b\"\"\"]\n[admin]\npin = '''x'''\n")
	k := testKey(1)
	f.Fuzz(func(t *testing.T, text string) {
		if _, err := Parse(text); err != nil {
			return
		}
		out, _, err := TrustKey(text, k, "abc")
		if err != nil {
			return
		}
		cfg, err := Parse(out)
		if err != nil || !cfg.Trust.TrustedKey(k) || cfg.Trust.Catalog != "abc" {
			t.Fatalf("%q → %q: %v", text, out, err)
		}
	})
}

func TestSyncOverPlainHTTPOnlyOnThisComputer(t *testing.T) {
	for _, u := range []string{"http://127.0.0.1:8080/c.bundle", "http://localhost/c.bundle", "http://[::1]/c.bundle", "https://example.org/c.bundle"} {
		if _, err := Parse("[sync]\nurl = \"" + u + "\"\n"); err != nil {
			t.Errorf("%s: %v", u, err)
		}
	}
}

func TestScale(t *testing.T) {
	c, err := Parse("district = \"03255\"\nscale = 1.5\n")
	if err != nil || c.Scale != 1.5 {
		t.Errorf("scale = 1.5: %v, %v", c.Scale, err)
	}
	if c, err := Parse("district = \"03255\"\n"); err != nil || c.Scale != 0 {
		t.Errorf("no scale: %v, %v (want 0: from the screen)", c.Scale, err)
	}
	for _, bad := range []string{"scale = 0\n", "scale = 9\n", "district = \"03255\"\nscale = -1\n"} {
		if _, err := Parse(bad); err == nil || !strings.Contains(err.Error(), "scale") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// A kiosk.toml nested 10,000 deep exhausted memory in the decoder: it is
// refused at its line before decoding.
func TestDeeplyNestedKioskTomlIsRefused(t *testing.T) {
	_, err := Parse("district = \"03255\"\nlanguages = " + strings.Repeat("[", 10000) + "\n")
	var cerr *Error
	if !errors.As(err, &cerr) || cerr.Line != 2 || !strings.Contains(cerr.Msg, "nested more than") {
		t.Errorf("err = %v", err)
	}
}

// One typo in kiosk.toml (idle_reset = "5s") dropped the whole
// configuration, trusted keys and PIN included: now only that setting
// falls back, and the problem names its line.
func TestBadSettingFallsBackAlone(t *testing.T) {
	key := bundle.FormatPublicKey(testKey(1))
	text := "district = \"03255\"\nidle_reset = \"5s\"\nscale = 9\nsprache = \"de\"\n[trust]\ncatalog = \"suedniedersachsen\"\nkeys = [\"" + key + "\"]\n[admin]\npin = \"hash\"\n"
	c, err := Parse(text)
	if c.District != "03255" || len(c.Trust.PublicKeys) != 1 || c.AdminPIN != "hash" || c.Trust.Catalog != "suedniedersachsen" {
		t.Errorf("good settings lost: %+v", c)
	}
	if c.IdleReset != DefaultIdleReset || c.Scale != 0 {
		t.Errorf("bad settings not at their defaults: idle %v, scale %v", c.IdleReset, c.Scale)
	}
	for _, want := range []string{"kiosk.toml:2: idle_reset", "kiosk.toml:3: scale", "kiosk.toml:4: unknown setting 'sprache'"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("problems %v lack %q", err, want)
		}
	}
	if errors.Is(err, ErrUnreadable) {
		t.Error("a bad value makes the whole file unreadable")
	}
}

// A kiosk.toml that is not TOML at all: the last good one applies.
func TestUnreadableSettingsUseTheLastGood(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, FileName), []byte("district = \"03255\"\n[admin]\npin = \"hash\"\n"), 0o600)
	if _, err := Load(dir); err != nil {
		t.Fatal(err)
	}
	if err := SaveLastGood(dir); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, FileName), []byte("district = \"03255\n[admin\n"), 0o600) // broken by hand
	c, err := Load(dir)
	if !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), LastGoodName) {
		t.Errorf("err = %v", err)
	}
	if c.District != "03255" || c.AdminPIN != "hash" {
		t.Errorf("not the last good settings: %+v", c)
	}
}

// FuzzParse: any kiosk.toml text gives a usable configuration (every bad
// setting at its default) and never panics; every problem names a line of
// the text.
func FuzzParse(f *testing.F) {
	f.Add(commented)
	f.Add("idle_reset = \"5s\"\ndistrict = \"03255\"\n")
	f.Add("[[[[[[[[[[")
	f.Add("a = [[[[[[[[1]]]]]]]]\n")
	f.Add("district = 3255\nlanguages = [\"de\", 1]\n[sync]\ninterval = \"-1h\"\n")
	f.Fuzz(func(t *testing.T, text string) {
		cfg, err := Parse(text)
		if cfg.IdleReset <= 0 {
			t.Fatalf("idle reset %v", cfg.IdleReset)
		}
		if cfg.District != "" && !catalog.ValidDistrictID(cfg.District) {
			t.Fatalf("district %q", cfg.District)
		}
		lines := strings.Count(text, "\n") + 1
		var e *Error
		if errors.As(err, &e) && (e.Line < 1 || e.Line > lines) {
			t.Fatalf("problem on line %d of %d: %v", e.Line, lines, err)
		}
	})
}

func TestSpeechSettings(t *testing.T) {
	cfg, err := Parse("[speech]\nvoices = { de = \"espeak-ng:de\", ar = \"espeak-ng:ar\" }\nvolume = 0.8\n")
	if err != nil || cfg.Speech.Volume != 0.8 || cfg.Speech.Voices["ar"] != "espeak-ng:ar" || len(cfg.Speech.Voices) != 2 {
		t.Fatalf("%+v %v", cfg.Speech, err)
	}
	if cfg, _ := Parse(""); cfg.Speech.Volume != 1 {
		t.Errorf("default volume %v", cfg.Speech.Volume)
	}
	cfg, err = Parse("district = \"03255\"\n[speech]\nvolume = 5\nvoices = { ti = \"piper:ti\" }\n")
	if err == nil || cfg.Speech.Volume != 1 || len(cfg.Speech.Voices) != 0 || cfg.District != "03255" ||
		!strings.Contains(err.Error(), "kiosk.toml:3: volume 5") || !strings.Contains(err.Error(), "kiosk.toml:4: speech voice 'piper:ti'") {
		t.Errorf("%+v %v", cfg, err)
	}
}

func TestReportSettings(t *testing.T) {
	cfg, err := Parse("kiosk_id = \"holzminden-1\"\n[report]\nmetrics_file = \"/var/lib/prometheus/node-exporter/wegweiser.prom\"\nurl = \"https://reports.example.org/{catalog}/{kiosk}/\"\n")
	if err != nil || cfg.KioskID != "holzminden-1" || cfg.Report.URL != "https://reports.example.org/{catalog}/{kiosk}/" || cfg.Report.MetricsFile == "" {
		t.Fatalf("%+v %v", cfg, err)
	}
	cfg, err = Parse("kiosk_id = \"Holzminden 1\"\n[report]\nmetrics_file = \"wegweiser.txt\"\nurl = \"http://reports.example.org/\"\n")
	if err == nil || cfg.KioskID != "" || cfg.Report.URL != "" || cfg.Report.MetricsFile != "" ||
		!strings.Contains(err.Error(), "kiosk.toml:1: kiosk_id") || !strings.Contains(err.Error(), "kiosk.toml:4: report url") {
		t.Errorf("%+v %v", cfg, err)
	}
}
