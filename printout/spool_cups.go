//go:build !windows

package printout

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"time"
)

// send prints through CUPS: lp hands the job to the spooler, lpstat tells
// when it has left the queue.
func send(ctx context.Context, printer, path string) error {
	args := []string{"-o", "media=A4", "-t", "Wegweiser"}
	if printer != "" {
		args = append(args, "-d", printer)
	}
	out, err := cups(ctx, "lp", append(args, "--", path)...).CombinedOutput()
	if errors.Is(err, exec.ErrNotFound) {
		return ErrNoSpooler
	}
	if err != nil {
		msg := strings.TrimSpace(string(out))
		switch {
		case strings.Contains(msg, "does not exist"), strings.Contains(msg, "No default destination"):
			return fmt.Errorf("%w: %s", ErrNoPrinter, msg)
		case strings.Contains(msg, "scheduler is not running"), strings.Contains(msg, "connect"):
			return fmt.Errorf("%w: %s", ErrNoSpooler, msg)
		}
		return fmt.Errorf("%w: %s", ErrPrintRefused, msg)
	}
	job := jobID(string(out))
	if job == "" {
		return nil // accepted; lp did not say the job's name
	}
	for {
		pending, err := cups(ctx, "lpstat", "-W", "not-completed", "-o").Output()
		if err == nil && !strings.Contains(string(pending), job+" ") {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (job %s)", ErrPrinterStuck, job)
		case <-time.After(time.Second):
		}
	}
}

// cups runs a CUPS command in the C locale: its answers ("request id is
// …", "does not exist") are read here, and CUPS speaks the locale's
// language ("Anfrage-ID ist …" under the kiosk's LANG=de_DE.UTF-8).
func cups(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C", "LANG=C", "LANGUAGE=")
	return cmd
}

var requestID = regexp.MustCompile(`request id is (\S+)`)

// jobID reads the job's name from lp's answer "request id is PDF-3 (1 file(s))".
func jobID(lpOutput string) string {
	if m := requestID.FindStringSubmatch(lpOutput); m != nil {
		return m[1]
	}
	return ""
}

// PrinterState is the state of a CUPS queue in CUPS's words ("idle",
// "printing", "disabled"), for the kiosk's status: printer "" is the
// system default, "none" a kiosk without printing.
func PrinterState(ctx context.Context, printer string) string {
	if printer == "none" {
		return "none"
	}
	if printer == "" {
		out, err := cups(ctx, "lpstat", "-d").Output()
		if err != nil {
			return "unknown: " + firstLine(err.Error())
		}
		name, ok := strings.CutPrefix(strings.TrimSpace(string(out)), "system default destination: ")
		if !ok {
			return "no default printer"
		}
		printer = name
	}
	out, err := cups(ctx, "lpstat", "-p", printer).CombinedOutput()
	text := string(out)
	switch {
	case strings.Contains(text, "is idle"):
		return "idle"
	case strings.Contains(text, "now printing"):
		return "printing"
	case strings.Contains(text, "disabled"):
		return "disabled"
	case err != nil:
		return "unknown: " + firstLine(strings.TrimSpace(text+" "+err.Error()))
	}
	return "unknown: " + firstLine(text)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
