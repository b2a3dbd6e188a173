package printout

import (
	"context"
	"errors"
	"time"
)

// Why a printout did not come out, in words the visitor's staff understand.
var (
	ErrNoSpooler     = errors.New("printing is not set up on this kiosk")
	ErrNoPrinter     = errors.New("the printer is not known to the system")
	ErrPrinterStuck  = errors.New("the printer has not printed the sheet (out of paper, jammed or switched off?)")
	ErrPrintRefused  = errors.New("the printer refused the sheet")
	PrintWaitTimeout = 2 * time.Minute // how long Send waits for the printer to finish
)

// Print sends the PDF file at path to printer ("" for the system's default)
// and waits until it is printed, or until ctx ends or PrintWaitTimeout
// passes. The file must stay until Print returns.
func Print(ctx context.Context, printer, path string) error {
	ctx, cancel := context.WithTimeout(ctx, PrintWaitTimeout)
	defer cancel()
	return send(ctx, printer, path)
}
