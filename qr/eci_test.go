package qr

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// zbarDecode reads a code with zbar, the decoder of many phone scanner
// apps and of ZBar-based kiosks; "" with a skip when zbarimg is missing.
func zbarDecode(t *testing.T, content string) string {
	t.Helper()
	if _, err := exec.LookPath("zbarimg"); err != nil {
		t.Skip("zbarimg is not installed (Debian package zbar-tools; .ci/setup installs it)")
	}
	png, err := PNG(content, 400)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "code.png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("zbarimg", "--raw", "-q", path).Output()
	if err != nil {
		t.Fatalf("zbarimg: %v", err)
	}
	return strings.TrimSuffix(string(out), "\n")
}

// Issue 12: codes without an ECI header were misread by zbar whenever the
// text had umlauts but no three-byte UTF-8 character ("Gründerstammtisch"
// as "Gr羹nderstammtisch"). Every code with non-ASCII text now says UTF-8;
// zbar and ZXing read each of these byte for byte.
func TestUmlautsReadRightByEveryDecoder(t *testing.T) {
	texts := []string{
		"Gründerstammtisch", "Agentur für Arbeit Göttingen", "Straße", "Landkreis Göttingen – Wirtschaftsförderung",
		"Jobcenter Northeim, Tel. 05551 9145-0", "Übersetzung", "IHK Hannover: Existenzgründung",
		"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Jörg;;;\r\nFN:Jörg Müller\r\nEND:VCARD\r\n",
		"https://www.göttingen.de/", "مركز الاستشارة", "ምኽሪ ንምጅማር ንግዲ", "Консультация",
		"plain ASCII stays without ECI",
	}
	for _, text := range texts {
		if got := zbarDecode(t, text); got != text {
			t.Errorf("zbar read %q as %q", text, got)
		}
		if got := roundTrip(t, text); got != text {
			t.Errorf("ZXing read %q as %q", text, got)
		}
	}
}

// A code of plain ASCII text carries no ECI header (it would only make the
// code larger): the same size as before.
func TestASCIIHasNoECI(t *testing.T) {
	ascii, err := Modules("https://www.existenzgruender.de/")
	if err != nil {
		t.Fatal(err)
	}
	if len(ascii) != 29+8 { // version 3 with the quiet zone
		t.Errorf("%d modules", len(ascii))
	}
}
