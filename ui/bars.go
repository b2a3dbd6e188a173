package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"wegweiser/catalog"
	"wegweiser/ui/widgets"
)

// The bars around every screen but the welcome screen. The navigation sits
// at the bottom, where a standing person's hand is, and every button of it
// stays in its place on every screen: back, home, language, my list and
// start over, mirrored for right-to-left languages. The title bar at the
// top holds the screen's title and the display switches.

// titleBar is the screen's title, then larger text and contrast.
func (k *Kiosk) titleBar(title string) fyne.CanvasObject {
	str := k.s.str
	side := float32(200)
	if k.s.large {
		side = 230
	}
	if k.portrait() {
		side = 150
	}
	larger := k.tile(theme.ZoomInIcon(), str.T("nav_larger_text"), side, k.s.large, k.toggleLarge)
	contrast := k.tile(theme.ColorPaletteIcon(), str.T("nav_contrast"), side, k.s.contrast, k.toggleContrast)
	buttons := []fyne.CanvasObject{larger, contrast}
	if k.canSpeak(k.stack[len(k.stack)-1]) {
		icon, label := theme.VolumeUpIcon(), str.T("speech_read_aloud")
		if k.reading != nil {
			icon, label = theme.MediaStopIcon(), str.T("speech_stop")
		}
		buttons = append([]fyne.CanvasObject{k.tile(icon, label, side, k.reading != nil, k.toggleSpeech)}, buttons...)
	}
	switches := k.row(buttons...)
	titleWidth := k.contentWidth() - float32(len(buttons))*side - 2*float32(len(buttons))*theme.Padding()
	titleText := k.heading(title, titleWidth, theme.SizeNameHeadingText)
	titleText.MaxLines = 3
	var note fyne.CanvasObject = gap(0)
	if k.s.speechNote != "" { // parts are read in a fallback language: say so
		note = container.NewPadded(k.caption(k.s.speechNote, k.contentWidth()))
	}
	if len(titleText.VisibleLines()) > 2 { // a long title gets the whole width, under the switches
		titleText.Width = k.contentWidth()
		return container.NewVBox(container.NewPadded(switches), container.NewPadded(titleText), note, separator())
	}
	var bar *fyne.Container
	if k.s.rtl {
		bar = container.NewBorder(nil, nil, switches, nil, container.NewCenter(titleText))
	} else {
		bar = container.NewBorder(nil, nil, nil, switches, container.NewCenter(titleText))
	}
	return container.NewVBox(container.NewPadded(bar), note, separator())
}

// navBar is the navigation: five buttons of equal width, each its icon
// beside its label where every label fits on one line so, else each icon
// above its label, so that the bar keeps one look and one height.
func (k *Kiosk) navBar() fyne.CanvasObject {
	str := k.s.str
	backIcon := theme.NavigateBackIcon()
	if k.s.rtl {
		backIcon = theme.NavigateNextIcon()
	}
	width := k.windowSize().Width/5 - 3*theme.Padding()
	type nav struct {
		icon   fyne.Resource
		label  string
		tapped func()
	}
	items := []nav{
		{backIcon, str.T("nav_back"), k.back},
		{theme.HomeIcon(), str.T("nav_home"), k.home},
		{appIcon("language"), catalog.NativeName(k.s.lang), func() { k.push(k.languagePage()) }},
		{appIcon("sheet"), str.T("home_sheet") + k.sheetCount(), func() { k.push(k.sheetPage()) }},
		{theme.MediaReplayIcon(), str.T("nav_start_over"), k.Reset},
	}
	const side = 28
	stacked := false
	for _, it := range items {
		beside := k.text(it.label, width-side-6*theme.Padding())
		beside.Bold = true
		stacked = stacked || len(beside.VisibleLines()) > 1
	}
	var buttons []fyne.CanvasObject
	for _, it := range items {
		if !stacked {
			buttons = append(buttons, k.button(it.icon, it.label, width, it.tapped))
			continue
		}
		p := k.text(it.label, width-4*theme.Padding())
		p.Bold, p.Center, p.Fit, p.MaxLines = true, true, true, 2
		icon := widgets.NewIcon(it.icon, theme.ColorNamePrimary, side)
		buttons = append(buttons, widgets.NewTile(container.NewVBox(container.NewCenter(icon), p), k.act(it.tapped)))
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
