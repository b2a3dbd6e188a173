package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"wegweiser/catalog"
)

// ShowPreview puts a newly built catalogue on screen for its author (the
// preview command): the screen the author is on is built again from it,
// in the same language. problems (errors and warnings of the source) are
// shown above the screen; with errors, c is nil and the last good
// catalogue stays. Call it on the interface goroutine.
func (k *Kiosk) ShowPreview(c *catalog.Catalog, path string, problems []string) {
	k.preview = problems
	if c != nil {
		old := k.cat
		k.useCatalog(c, path)
		if old != nil && old != c {
			old.Close()
		}
		k.s.setLanguage(k.cat, k.s.lang)
	}
	k.render()
}

// previewBanner lists the source's problems above the screen, at most a
// few lines, errors in the error colour.
func (k *Kiosk) previewBanner(width float32) fyne.CanvasObject {
	box := container.NewVBox()
	shown := k.preview[:min(len(k.preview), 6)]
	for _, p := range shown {
		line := k.caption(p, width)
		line.RTL = false
		if !strings.Contains(p, "warning:") {
			line.Color = theme.ColorNameError
		}
		box.Add(line)
	}
	if n := len(k.preview) - len(shown); n > 0 {
		box.Add(k.caption("… and "+strconv.Itoa(n)+" more (wegweiser catalog check)", width))
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	return container.NewStack(bg, container.NewPadded(box))
}
