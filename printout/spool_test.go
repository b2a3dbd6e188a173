//go:build !windows

package printout

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func TestJobID(t *testing.T) {
	if got := jobID("request id is Wegweiser-PDF-12 (1 file(s))\n"); got != "Wegweiser-PDF-12" {
		t.Errorf("jobID = %q", got)
	}
	if got := jobID("something else"); got != "" {
		t.Errorf("jobID = %q", got)
	}
}

func TestUnknownPrinterIsSaidPlainly(t *testing.T) {
	if _, err := exec.LookPath("lp"); err != nil {
		t.Skip("no CUPS client (lp) on this machine")
	}
	err := Print(context.Background(), "no-such-printer-here", "/dev/null")
	if !errors.Is(err, ErrNoPrinter) && !errors.Is(err, ErrNoSpooler) {
		t.Errorf("err = %v, want ErrNoPrinter or ErrNoSpooler", err)
	}
}

// The kiosk's unit sets LANG=de_DE.UTF-8, and CUPS then answers in German
// ("Der Drucker oder die Klasse existiert nicht"): its answers must still be
// understood.
func TestPrintingUnderAGermanLocale(t *testing.T) {
	if _, err := exec.LookPath("lp"); err != nil {
		t.Skip("no CUPS client (lp) on this machine")
	}
	t.Setenv("LANG", "de_DE.UTF-8")
	t.Setenv("LC_ALL", "de_DE.UTF-8")
	err := Print(context.Background(), "no-such-printer-here", "/dev/null")
	if errors.Is(err, ErrNoSpooler) {
		t.Skip("CUPS is not running here")
	}
	if !errors.Is(err, ErrNoPrinter) {
		t.Errorf("err = %v, want ErrNoPrinter", err)
	}
}

// TestPrintThroughCUPS prints a contact sheet through a real CUPS with the
// cups-pdf printer and checks that the printed file arrives. .ci/setup
// starts CUPS and adds the printer, and names it and its output folder in
// WEGWEISER_TEST_PRINTER and WEGWEISER_TEST_PRINTER_OUT.
func TestPrintThroughCUPS(t *testing.T) {
	printer, outDir := os.Getenv("WEGWEISER_TEST_PRINTER"), os.Getenv("WEGWEISER_TEST_PRINTER_OUT")
	if printer == "" || outDir == "" {
		t.Skip("WEGWEISER_TEST_PRINTER and WEGWEISER_TEST_PRINTER_OUT not set (CI sets them)")
	}
	pdf := sheet(t, sample(t), []string{"iq-netzwerk-hamburg"}, Options{Lang: "uk", WithGerman: true})
	path := filepath.Join(t.TempDir(), "sheet.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	before := time.Now()
	if err := Print(context.Background(), printer, path); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(outDir)
		for _, e := range entries {
			info, err := e.Info()
			if err == nil && info.ModTime().After(before.Add(-time.Second)) && filepath.Ext(e.Name()) == ".pdf" && info.Size() > 1000 {
				return // the printed file arrived
			}
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Fatalf("no printed file appeared in %s", outDir)
}
