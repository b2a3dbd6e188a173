package printout

import (
	"fmt"
	"strings"
	"time"
)

// windowsHandOver is how long printing on Windows waits for the PDF
// program to finish with the file before the kiosk deletes it. PDF programs
// often stay open after printing, so waiting for them to exit would hang.
const windowsHandOver = 60 * time.Second

// exitNoPDFProgram is the exit code of powershellPrint's script when no
// installed program can print PDF files (Windows's own browser cannot).
const exitNoPDFProgram = 3

// powershellPrint is the PowerShell script that hands the PDF at path to the
// system's PDF program with its "print" verb (or "printto" for a named
// printer), then waits until that program exits or windowsHandOver passes.
// When the program takes the file over from an instance already running
// (no process to wait for), it waits a fixed 20 seconds for the same reason.
// If no program offers the verb, the script exits with exitNoPDFProgram,
// whatever language Windows speaks. Quotes in path and printer are escaped
// for PowerShell's single-quoted strings.
func powershellPrint(printer, path string) string {
	quote := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	verb, start := "print", fmt.Sprintf("Start-Process -FilePath %s -Verb Print -PassThru", quote(path))
	if printer != "" {
		verb, start = "printto", fmt.Sprintf("Start-Process -FilePath %s -Verb PrintTo -ArgumentList %s -PassThru",
			quote(path), quote(`"`+printer+`"`))
	}
	return fmt.Sprintf("$ErrorActionPreference = 'Stop'; "+
		"$verbs = (New-Object System.Diagnostics.ProcessStartInfo -ArgumentList %s).Verbs; "+
		"if ($verbs -notcontains '%s') { exit %d }; "+
		"$p = %s; "+
		"if ($p) { $null = $p.WaitForExit(%d) } else { Start-Sleep -Seconds 20 }",
		quote(path), verb, exitNoPDFProgram, start, windowsHandOver.Milliseconds())
}
