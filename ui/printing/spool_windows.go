//go:build windows

package printing

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// send prints through the system's PDF handler (its "print" verb), which
// needs a PDF reader that registers one; printer names another printer
// than the default only where that reader supports it.
func send(ctx context.Context, printer, path string) error {
	script := fmt.Sprintf("Start-Process -FilePath '%s' -Verb Print -Wait", strings.ReplaceAll(path, "'", "''"))
	if printer != "" {
		script = fmt.Sprintf("Start-Process -FilePath '%s' -Verb PrintTo -ArgumentList '\"%s\"' -Wait",
			strings.ReplaceAll(path, "'", "''"), strings.ReplaceAll(printer, "'", "''"))
	}
	out, err := exec.CommandContext(ctx, "powershell", "-NoProfile", "-NonInteractive", "-Command", script).CombinedOutput()
	if errors.Is(err, exec.ErrNotFound) {
		return ErrNoSpooler
	}
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrintRefused, strings.TrimSpace(string(out)))
	}
	return nil
}
