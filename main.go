// Command wegweiser is the offline information kiosk for counselling offices
// that help migrants and refugees start a business in Germany, and the tool
// with which staff build, check and install its catalogues.
package main

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"

	"wegweiser/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Kiosk: runKiosk}))
}

// runKiosk opens the visitor interface.
func runKiosk(opts cli.KioskOptions) int {
	a := app.NewWithID("de.wegweiser.kiosk")
	w := a.NewWindow("Wegweiser")
	w.SetContent(widget.NewLabel("Wegweiser"))
	w.Resize(fyne.NewSize(1280, 800))
	w.SetFullScreen(!opts.Windowed)
	w.ShowAndRun()
	return 0
}
