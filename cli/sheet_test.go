package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const sampleSource = "../assets/sample"

// pdfToText reads a PDF's text with pdftotext, or skips the check.
func pdfToText(t *testing.T, path string) (string, bool) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return "", false
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out), true
}

func TestSheetFromSource(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "blatt.pdf")
	code, stdout, stderr := run(t, "sheet", "--source", sampleSource, "--lang", "ar", "--district", "03255",
		"--offers", "wir-programm, iq-netzwerk-hamburg", "--with-german", "-o", out)
	if code != 0 || !strings.Contains(stdout, out) {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data, []byte("%%EOF")) {
		t.Fatalf("not a PDF: %v", err)
	}
	if text, ok := pdfToText(t, out); ok {
		for _, w := range []string{"0355 355 486 919", "040/42863-3345", "Öffnungszeiten", "IQ Netzwerk Hamburg"} {
			if !strings.Contains(text, w) {
				t.Errorf("%q missing from the sheet", w)
			}
		}
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("mode: %v %v", info, err)
	}
}

func TestBrochureFromData(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "heft.pdf")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "sheet", "--data", filepath.Join(dir, "data"), "--lang", "uk",
		"--brochure", "gruenden-im-landkreis-holzminden", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if text, ok := pdfToText(t, out); ok && !strings.Contains(text, "Гольцмінден") {
		t.Errorf("brochure text:\n%s", text)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 { // the PDF and the data folder, no temporary file
		t.Errorf("left in the folder: %v", entries)
	}
}

func TestSheetRefusesUnknownIDs(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "blatt.pdf")
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--offers", "wir-programm,no-such-offer"}, "no offer 'no-such-offer' in the catalogue"},
		{[]string{"--brochure", "no-such-brochure"}, "no brochure 'no-such-brochure' in the catalogue"},
		{[]string{"--offers", "wir-programm", "--district", "99999"}, "no district '99999' in the catalogue"},
	} {
		args := append([]string{"sheet", "--source", sampleSource, "--lang", "de", "-o", out}, tc.args...)
		code, _, stderr := run(t, args...)
		if code != 1 || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%v: exit %d, %q; want 1 and %q", tc.args, code, stderr, tc.msg)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written on refusal: %v", entries)
	}
}

func TestSheetUsage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.pdf")
	for _, args := range [][]string{
		{"sheet", "--offers", "a", "-o", out},                                    // no --lang
		{"sheet", "--lang", "de", "--offers", "a"},                               // no -o
		{"sheet", "--lang", "de", "-o", out},                                     // neither offers nor brochure
		{"sheet", "--lang", "de", "--offers", "a", "--brochure", "b", "-o", out}, // both
		{"sheet", "--lang", "de", "--offers", " , ", "-o", out},                  // no ids
		{"sheet", "--lang", "xx-yy-zz", "--offers", "a", "-o", out},              // not a language code
		{"sheet", "--data", "d", "--source", "s", "--lang", "de", "--offers", "a", "-o", out},
		{"sheet", "--lang", "de", "--offers", "a", "-o", out, "extra"},
		{"sheet", "--lang", "de", "--offers", "a", "-o", out, "--no-such-flag"},
	} {
		if code, _, stderr := run(t, args...); code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a file was written")
	}
	if _, stdout, _ := run(t, "help"); !strings.Contains(stdout, "wegweiser sheet ") {
		t.Errorf("usage does not name sheet:\n%s", stdout)
	}
}
