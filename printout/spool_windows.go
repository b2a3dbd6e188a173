//go:build windows

package printout

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// send prints through the system's PDF program (its "print" verb), which
// needs a PDF reader that registers one; printer names another printer
// than the default only where that reader supports "printto".
func send(ctx context.Context, printer, path string) error {
	out, err := exec.CommandContext(ctx, "powershell", "-NoProfile", "-NonInteractive",
		"-Command", powershellPrint(printer, path)).CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return fmt.Errorf("%w: PowerShell is missing", ErrNoSpooler)
	case errors.As(err, &exit) && exit.ExitCode() == exitNoPDFProgram:
		return fmt.Errorf("%w: no program that prints PDF files is installed", ErrNoSpooler)
	case err != nil:
		return fmt.Errorf("%w: %s", ErrPrintRefused, strings.TrimSpace(string(out)))
	}
	return nil
}

// PrinterState is not known on Windows: its printers are reached through
// the PDF program.
func PrinterState(ctx context.Context, printer string) string {
	if printer == "none" {
		return "none"
	}
	return "unknown: not reported on Windows"
}
