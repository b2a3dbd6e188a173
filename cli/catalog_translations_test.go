package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 14: translations know when they are outdated. Marking records from
// which German text each Arabic translation was made; after the German
// title changes, check warns (and --strict fails), the coverage counts it
// outdated, and the exported PO file marks it fuzzy and passes msgfmt.
func TestTranslationsOutdatedAndPO(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src")
	copyDir(t, validSource, src)
	code, stdout, stderr := run(t, "catalog", "translations", "mark", src, "--lang", "ar")
	if code != 0 || !strings.Contains(stdout, "ar translations recorded") {
		t.Fatalf("mark: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, _, stderr := run(t, "catalog", "check", src, "--strict"); code != 0 {
		t.Fatalf("check after marking: %s", stderr)
	}
	offers := filepath.Join(src, "offers", "national.toml")
	b, _ := os.ReadFile(offers)
	changed := strings.Replace(string(b), `de = "Informationsplattform Wir gründen in Deutschland"`, `de = "Die Informationsplattform Wir gründen in Deutschland"`, 1)
	if changed == string(b) {
		t.Fatal("the test source changed: the German title was not found")
	}
	os.WriteFile(offers, []byte(changed), 0o644)

	code, stdout, stderr = run(t, "catalog", "check", src, "--coverage")
	if code != 0 || !strings.Contains(stderr, "translation-status.toml:") ||
		!strings.Contains(stderr, "warning: the ar translation of offer.iq-fachstelle.title was made from an earlier de text") {
		t.Fatalf("check: exit %d\n%s", code, stderr)
	}
	var arLine string
	for _, l := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(l, "ar ") && len(strings.Fields(l)) == 5 {
			arLine = l
		}
	}
	if f := strings.Fields(arLine); len(f) != 5 || f[2] != "1" || f[4] != "0" {
		t.Errorf("ar status line %q in\n%s", arLine, stdout)
	}
	if code, _, _ := run(t, "catalog", "check", src, "--strict"); code != 1 {
		t.Errorf("--strict passed an outdated translation")
	}

	out := filepath.Join(t.TempDir(), "ar.po")
	code, stdout, stderr = run(t, "catalog", "translations", "export", src, "--lang", "ar", "-o", out)
	if code != 0 || !strings.Contains(stdout, "1 outdated (fuzzy)") {
		t.Fatalf("export: exit %d\n%s\n%s", code, stdout, stderr)
	}
	poText, _ := os.ReadFile(out)
	if !strings.Contains(string(poText), "#, fuzzy\nmsgctxt \"offer.iq-fachstelle.title\"\nmsgid \"Die Informationsplattform Wir gründen in Deutschland\"\nmsgstr \"منصة المعلومات IQ للتأسيس في ألمانيا\"\n") {
		t.Errorf("the PO file:\n%s", poText)
	}
	if _, err := exec.LookPath("msgfmt"); err != nil {
		t.Skip("msgfmt is not installed (Debian package gettext; .ci/setup installs it)")
	}
	if out, err := exec.Command("msgfmt", "--check", "-o", os.DevNull, out).CombinedOutput(); err != nil {
		t.Errorf("msgfmt --check: %v\n%s", err, out)
	}
}
