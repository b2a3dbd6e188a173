package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCatalogImportCSV(t *testing.T) {
	src := t.TempDir()
	copyDir(t, validSource, src)
	csv := filepath.Join(t.TempDir(), "angebote.csv")
	os.WriteFile(csv, []byte("title;provider;categories;areas;summary;phone\r\nSprechstunde Gründung;VHS Holzminden;founding-advice;03255;Jeden Dienstag.;05531 1234\r\n"), 0o644)

	code, stdout, stderr := run(t, "catalog", "import-csv", csv, "--into", src)
	written := filepath.Join(src, "offers", "imported-angebote.toml")
	if code != 0 || stderr != "" || !strings.Contains(stdout, written+": 1 offers from "+csv+" (UTF-8, separated by ';')") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, stdout, stderr := run(t, "catalog", "check", src); code != 0 || !strings.Contains(stdout, "6 offers") {
		t.Errorf("check after import: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, _, _ := run(t, "search", "--source", src, "--lang", "de", "--district", "03255", "sprechstunde"); code != 0 {
		t.Errorf("search after import: exit %d", code)
	}
}

func TestCatalogImportCSVRefusesBrokenFile(t *testing.T) {
	src := t.TempDir()
	copyDir(t, validSource, src)
	csv := filepath.Join(t.TempDir(), "kaputt.csv")
	os.WriteFile(csv, []byte("title,provider,categories,areas,summary,fax\nA,P,nope,03,S,1\nB,P,financing,03,,\n"), 0o644)
	code, stdout, stderr := run(t, "catalog", "import-csv", "--into", src, csv)
	want := csv + ":1: unknown column 'fax'\n" +
		csv + ":2: column 'categories': unknown category 'nope' (not defined in categories.toml)\n" +
		csv + ":3: the summary is empty; every offer needs one (column 'summary')\n" +
		"3 errors, 0 warnings; nothing was written\n"
	if code != 1 || stdout != "" || stderr != want {
		t.Errorf("exit %d\nstdout %s\nstderr:\n%s\nwant:\n%s", code, stdout, stderr, want)
	}
	if _, err := os.Stat(filepath.Join(src, "offers", "imported-kaputt.toml")); err == nil {
		t.Error("a file was written")
	}
}

func TestCatalogImportCSVUsage(t *testing.T) {
	for _, args := range [][]string{
		{"catalog", "import-csv"},
		{"catalog", "import-csv", "a.csv"},
		{"catalog", "import-csv", "--into", "src"},
		{"catalog", "import-csv", "a.csv", "b.csv", "--into", "src"},
	} {
		if code, _, stderr := run(t, args...); code != 2 || stderr == "" {
			t.Errorf("%v: exit %d", args, code)
		}
	}
	if code, _, stderr := run(t, "catalog", "import-csv", "missing.csv", "--into", validSource); code != 1 || !strings.Contains(stderr, "missing.csv") {
		t.Errorf("missing file: exit %d %s", code, stderr)
	}
}
