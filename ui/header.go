package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"wegweiser/catalog"
)

// header is the bar on every screen but the welcome screen: back and home
// on the reading side, the title, then language, text size and contrast.
// For right-to-left languages the bar is mirrored and "back" points right.
func (k *Kiosk) header(title string) fyne.CanvasObject {
	str := k.s.str
	backIcon := theme.NavigateBackIcon()
	if k.s.rtl {
		backIcon = theme.NavigateNextIcon()
	}
	side := float32(180)
	if k.s.large { // five buttons still fit a 1280-pixel screen
		side = 215
	}
	back := k.button(backIcon, str.T("nav_back"), side, k.back)
	home := k.button(theme.HomeIcon(), str.T("nav_home"), side, k.home)
	lang := k.button(appIcon("language"), catalog.NativeName(k.s.lang), side, func() { k.push(k.languagePage()) })
	larger := k.tile(theme.ZoomInIcon(), str.T("nav_larger_text"), side, k.s.large, k.toggleLarge)
	contrast := k.tile(theme.ColorPaletteIcon(), str.T("nav_contrast"), side, k.s.contrast, k.toggleContrast)
	titleText := k.heading(title, k.contentWidth(), theme.SizeNameHeadingText)
	titleText.MaxLines = 2
	start := k.row(back, home)
	end := k.row(lang, larger, contrast)
	var bar *fyne.Container
	if k.s.rtl {
		bar = container.NewBorder(nil, nil, end, start)
	} else {
		bar = container.NewBorder(nil, nil, start, end)
	}
	if title == "" {
		return container.NewVBox(container.NewPadded(bar), separator())
	}
	return container.NewVBox(container.NewPadded(bar), container.NewPadded(titleText), separator())
}

func (k *Kiosk) toggleLarge() {
	k.s.large = !k.s.large
	k.applyTheme()
	k.render()
}

func (k *Kiosk) toggleContrast() {
	k.s.contrast = !k.s.contrast
	k.applyTheme()
	k.render()
}
