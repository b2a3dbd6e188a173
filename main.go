// Command wegweiser is the offline information kiosk for counselling offices
// that help migrants and refugees start a business in Germany, and the tool
// with which staff build, check and install its catalogues.
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"wegweiser/assets"
	"wegweiser/catalog/install"
	"wegweiser/cli"
	"wegweiser/config"
	"wegweiser/ui"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Kiosk: runKiosk}))
}

// runKiosk opens the visitor interface on the data folder's catalogue.
func runKiosk(opts cli.KioskOptions) int {
	cfg, err := config.Load(opts.DataDir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "wegweiser: %v (starting with the default settings)\n", err)
	}
	cat, _, err := install.Open(opts.DataDir, assets.SampleSource())
	if err != nil {
		fmt.Fprintf(os.Stderr, "wegweiser: cannot open the catalogue: %v\n", err)
		return 1
	}
	defer cat.Close()

	a := app.NewWithID("de.wegweiser.kiosk")
	w := a.NewWindow("Wegweiser")
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1280, 800))
	k := ui.New(a, w, ui.Options{Catalog: cat, Config: cfg, Quit: a.Quit})
	if !opts.Windowed {
		w.SetFullScreen(true)
		w.SetCloseIntercept(func() {}) // only staff close a full-screen kiosk
	}
	stop := make(chan struct{})
	defer close(stop)
	k.StartTimers(stop)
	w.ShowAndRun()
	return 0
}
