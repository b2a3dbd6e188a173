package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
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

// Issue 14: the PO round trip. Export Arabic, let a translator fill in a
// missing text and correct one, import: the texts land in the TOML files,
// the check passes, the status says up to date, the file's comments stay.
// A file made from an older source text writes nothing.
func TestTranslationsPORoundTrip(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src")
	copyDir(t, validSource, src)
	out := filepath.Join(t.TempDir(), "ar.po")
	if code, _, stderr := run(t, "catalog", "translations", "export", src, "--lang", "ar", "-o", out); code != 0 {
		t.Fatal(stderr)
	}
	b, _ := os.ReadFile(out)
	text := string(b)
	// Fill in the summary of iq-fachstelle (missing in Arabic), correct its title.
	summary := "msgctxt \"offer.iq-fachstelle.summary\"\nmsgid \"Informationen zur Existenzgründung für Menschen mit Einwanderungsgeschichte.\"\nmsgstr \"\"\n"
	if !strings.Contains(text, summary) {
		t.Fatalf("the export lacks the entry:\n%s", text)
	}
	text = strings.Replace(text, summary, strings.Replace(summary, `msgstr ""`, `msgstr "معلومات عن تأسيس المشاريع لذوي الأصول المهاجرة."`, 1), 1)
	text = strings.Replace(text, `msgstr "منصة المعلومات IQ للتأسيس في ألمانيا"`, `msgstr "منصة المعلومات «نؤسس في ألمانيا»"`, 1)
	os.WriteFile(out, []byte(text), 0o644)

	code, stdout, stderr := run(t, "catalog", "translations", "import", src, out)
	if code != 0 || !strings.Contains(stdout, "ar translations written into") {
		t.Fatalf("import: exit %d\n%s\n%s", code, stdout, stderr)
	}
	national, _ := os.ReadFile(filepath.Join(src, "offers", "national.toml"))
	if !strings.Contains(string(national), `ar = "منصة المعلومات «نؤسس في ألمانيا»"`) || !strings.Contains(string(national), `ar = "معلومات عن تأسيس المشاريع لذوي الأصول المهاجرة."`) {
		t.Errorf("offers/national.toml:\n%s", national)
	}
	code, stdout, stderr = run(t, "catalog", "check", src, "--coverage", "--strict")
	if code != 0 {
		t.Fatalf("check after import: %s", stderr)
	}
	for _, l := range strings.Split(stdout, "\n") {
		if f := strings.Fields(l); len(f) == 5 && f[0] == "ar" && !strings.Contains(f[1], "/") && f[2] != "0" {
			t.Errorf("outdated after the import: %q", l)
		}
	}
	status, _ := os.ReadFile(filepath.Join(src, "translation-status.toml"))
	if !strings.Contains(string(status), `"offer.iq-fachstelle.summary" = "`) {
		t.Errorf("status:\n%s", status)
	}

	// A file exported before the German text changed: refused, nothing written.
	before, _ := os.ReadFile(filepath.Join(src, "offers", "national.toml"))
	changed := strings.Replace(string(before), `de = "Informationsplattform Wir gründen in Deutschland"`, `de = "Plattform Wir gründen in Deutschland"`, 1)
	os.WriteFile(filepath.Join(src, "offers", "national.toml"), []byte(changed), 0o644)
	code, _, stderr = run(t, "catalog", "translations", "import", src, out)
	if code != 1 || !strings.Contains(stderr, "ar.po:") || !strings.Contains(stderr, "changed since this file was exported") || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("stale file: exit %d\n%s", code, stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(src, "offers", "national.toml")); string(after) != changed {
		t.Error("the refused import changed the file")
	}
}

// Issue 14: the same round trip with the sheet volunteers open: export
// xlsx, fill in a translation in the spreadsheet, import; the row number is
// named when something is wrong.
func TestTranslationsXLSXRoundTrip(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src")
	copyDir(t, validSource, src)
	out := filepath.Join(t.TempDir(), "uk.xlsx")
	if code, _, stderr := run(t, "catalog", "translations", "export", src, "--lang", "uk", "-o", out); code != 0 {
		t.Fatal(stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Übersetzung")
	if len(rows) < 5 || strings.Join(rows[0], "|") != "place|required|de|uk|status" {
		t.Fatalf("the sheet: %v", rows[:min(3, len(rows))])
	}
	target := -1
	for i, r := range rows {
		if r[0] == "offer.iq-fachstelle.title" {
			target = i + 1
		}
	}
	if target < 0 {
		t.Fatal("no row for offer.iq-fachstelle.title")
	}
	f.SetCellValue("Übersetzung", fmt.Sprintf("D%d", target), "Платформа «Засновуємо в Німеччині»")
	f.Save()
	f.Close()
	code, stdout, stderr := run(t, "catalog", "translations", "import", src, out)
	if code != 0 || !strings.Contains(stdout, "uk translations written") {
		t.Fatalf("import: exit %d\n%s\n%s", code, stdout, stderr)
	}
	b, _ := os.ReadFile(filepath.Join(src, "offers", "national.toml"))
	if !strings.Contains(string(b), `uk = "Платформа «Засновуємо в Німеччині»"`) {
		t.Errorf("national.toml:\n%s", b)
	}
	// A row naming a text the catalogue does not have: its row, nothing written.
	f, _ = excelize.OpenFile(out)
	f.SetCellValue("Übersetzung", "A3", "offer.gone.title")
	f.SetCellValue("Übersetzung", "D3", "x")
	f.Save()
	f.Close()
	code, _, stderr = run(t, "catalog", "translations", "import", src, out)
	if code != 1 || !strings.Contains(stderr, "uk.xlsx:3: there is no text \"offer.gone.title\"") {
		t.Errorf("bad row: exit %d\n%s", code, stderr)
	}
}

// Issue 14: HSDS out and back in through the commands: a source folder
// without offers gets the sample's offers back, and passes the check.
func TestHSDSCommands(t *testing.T) {
	out := filepath.Join(t.TempDir(), "hsds")
	code, stdout, stderr := run(t, "catalog", "export-hsds", "../assets/sample", "-o", out)
	if code != 0 || !strings.Contains(stdout, "22 services") {
		t.Fatalf("export: exit %d\n%s\n%s", code, stdout, stderr)
	}
	src := filepath.Join(t.TempDir(), "src")
	copyDir(t, "../assets/sample", src)
	os.RemoveAll(filepath.Join(src, "offers"))
	os.RemoveAll(filepath.Join(src, "brochures")) // they name offers
	os.MkdirAll(filepath.Join(src, "offers"), 0o755)
	code, stdout, stderr = run(t, "catalog", "import-hsds", out, "--into", src)
	if code != 0 || !strings.Contains(stdout, "22 offers") {
		t.Fatalf("import: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, _, stderr := run(t, "catalog", "check", src); code != 0 {
		t.Errorf("check after the import: %s", stderr)
	}
}
