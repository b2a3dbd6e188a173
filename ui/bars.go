package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"wegweiser/catalog"
)

// The bars around every screen but the welcome screen. The navigation sits
// at the bottom, where a standing person's hand is, and every button of it
// stays in its place on every screen: back, home, language, my list and
// start over, mirrored for right-to-left languages. The title bar at the
// top holds the screen's title and the display switches.

// titleBar is the screen's title, then larger text and contrast.
func (k *Kiosk) titleBar(title string) fyne.CanvasObject {
	str := k.s.str
	side := float32(170)
	if k.s.large {
		side = 200
	}
	if k.portrait() {
		side = 150
	}
	larger := k.tile(theme.ZoomInIcon(), str.T("nav_larger_text"), side, k.s.large, k.toggleLarge)
	contrast := k.tile(theme.ColorPaletteIcon(), str.T("nav_contrast"), side, k.s.contrast, k.toggleContrast)
	switches := k.row(larger, contrast)
	titleText := k.heading(title, k.contentWidth()-2*side-4*theme.Padding(), theme.SizeNameHeadingText)
	titleText.MaxLines = 2
	var bar *fyne.Container
	if k.s.rtl {
		bar = container.NewBorder(nil, nil, switches, nil, container.NewCenter(titleText))
	} else {
		bar = container.NewBorder(nil, nil, nil, switches, container.NewCenter(titleText))
	}
	return container.NewVBox(container.NewPadded(bar), separator())
}

// navBar is the navigation: five buttons of equal width.
func (k *Kiosk) navBar() fyne.CanvasObject {
	str := k.s.str
	backIcon := theme.NavigateBackIcon()
	if k.s.rtl {
		backIcon = theme.NavigateNextIcon()
	}
	width := k.contentWidth()/5 - 2*theme.Padding()
	buttons := []fyne.CanvasObject{
		k.button(backIcon, str.T("nav_back"), width, k.back),
		k.button(theme.HomeIcon(), str.T("nav_home"), width, k.home),
		k.button(appIcon("language"), catalog.NativeName(k.s.lang), width, func() { k.push(k.languagePage()) }),
		k.button(appIcon("sheet"), str.T("home_sheet")+k.sheetCount(), width, func() { k.push(k.sheetPage()) }),
		k.button(theme.MediaReplayIcon(), str.T("nav_start_over"), width, k.Reset),
	}
	return container.NewVBox(separator(), container.NewPadded(container.NewGridWithColumns(5, k.mirror(buttons)...)))
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
