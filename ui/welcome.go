package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"wegweiser/catalog"
	"wegweiser/translations"
	"wegweiser/ui/widgets"
)

// welcomePage is the attract screen: a greeting that goes round the
// catalogue's languages, and a tile for each language by its own name in its
// own script (never a flag).
func (k *Kiosk) welcomePage() page {
	return page{name: "welcome", title: func() string { return "Wegweiser" }, build: k.buildWelcome}
}

func (k *Kiosk) buildWelcome(width float32) fyne.CanvasObject {
	greetLang := k.langs[k.attract%len(k.langs)]
	greet := translations.For(greetLang)
	rtl := catalog.IsRightToLeft(greetLang)
	title := widgets.NewParagraph(greet.T("welcome_greeting"), rtl, width)
	title.SizeName, title.Bold, title.Center = theme.SizeNameHeadingText, true, true
	title.Color = theme.ColorNamePrimary
	sub := widgets.NewParagraph(greet.T("welcome_subtitle")+" · "+greet.T("welcome_prompt"), rtl, width)
	sub.Center = true
	// The greeting changes language every few seconds: it keeps the height
	// of the tallest, so that nothing below it moves.
	greeting := container.NewStack(gap(k.greetingHeight(width)), container.NewVBox(title, sub))

	cols := k.columns(280, 4)
	if len(k.langs) <= 6 {
		cols = min(cols, 3)
	}
	tileWidth := width/float32(cols) - 30
	var tiles []fyne.CanvasObject
	for _, lang := range k.langs {
		lang := lang
		name := widgets.NewParagraph(catalog.NativeName(lang), catalog.IsRightToLeft(lang), tileWidth)
		name.SizeName, name.Bold, name.Center = theme.SizeNameSubHeadingText, true, true
		tile := widgets.NewTile(container.NewVBox(gap(12), name, gap(12)), k.act(func() { k.chooseLanguage(lang) }))
		if k.portrait() {
			tile.MinHeight = 120
		}
		tiles = append(tiles, tile)
	}
	foot := widgets.NewParagraph(k.cat.Info().Publisher, false, width)
	foot.SizeName, foot.Color, foot.Center = theme.SizeNameCaptionText, theme.ColorNamePlaceHolder, true

	if k.corner == nil { // one for the kiosk's life: the greeting re-renders the screen while staff tap
		k.corner = widgets.NewCorner(k.openStaff)
	}
	body := container.NewVBox(
		layout.NewSpacer(),
		container.NewCenter(widgets.NewIcon(appIcon("info"), theme.ColorNamePrimary, 72)),
		greeting, gap(24),
		container.NewGridWithColumns(cols, tiles...),
		layout.NewSpacer(),
		foot,
	)
	centred := container.NewCenter(container.NewGridWrap(fyne.NewSize(width, body.MinSize().Height), body))
	column := container.NewVBox(layout.NewSpacer(), centred, layout.NewSpacer())
	if k.portrait() { // lower, within reach of a standing person's hand
		column = container.NewVBox(layout.NewSpacer(), layout.NewSpacer(), centred, layout.NewSpacer())
	}
	return container.NewStack(container.NewPadded(column), container.NewWithoutLayout(k.corner))
}

// greetingHeight is the height of the tallest greeting (heading and line
// under it) in the kiosk's languages, at width.
func (k *Kiosk) greetingHeight(width float32) float32 {
	var h float32
	for _, lang := range k.langs {
		str, rtl := translations.For(lang), catalog.IsRightToLeft(lang)
		title := widgets.NewParagraph(str.T("welcome_greeting"), rtl, width)
		title.SizeName, title.Bold = theme.SizeNameHeadingText, true
		sub := widgets.NewParagraph(str.T("welcome_subtitle")+" · "+str.T("welcome_prompt"), rtl, width)
		h = max(h, title.MinSize().Height+sub.MinSize().Height+theme.Padding())
	}
	return h
}

// NextGreeting turns the welcome screen's greeting to the next language.
func (k *Kiosk) NextGreeting() {
	if k.Current() != "welcome" || k.idle != nil {
		return
	}
	k.attract++
	k.redraw() // the same screen: taps stay welcome
}

// chooseLanguage starts the visit in lang.
func (k *Kiosk) chooseLanguage(lang string) {
	k.s.setLanguage(k.cat, lang)
	k.applyTheme()
	k.home()
}

// languagePage lets the visitor change the language from any screen; the
// screen they came from is shown again in the new language.
func (k *Kiosk) languagePage() page {
	return page{name: "language", title: func() string { return k.s.str.T("nav_language") }, build: func(width float32) fyne.CanvasObject {
		var tiles []fyne.CanvasObject
		for _, lang := range k.langs {
			lang := lang
			name := widgets.NewParagraph(catalog.NativeName(lang), catalog.IsRightToLeft(lang), width/float32(k.columns(300, 3))-30)
			name.SizeName, name.Bold, name.Center = theme.SizeNameSubHeadingText, true, true
			tile := widgets.NewTile(name, k.act(func() {
				k.s.setLanguage(k.cat, lang)
				k.applyTheme()
				k.back()
			}))
			tile.Primary = lang == k.s.lang
			if tile.Primary {
				name.Color = theme.ColorNameForegroundOnPrimary
			}
			tiles = append(tiles, tile)
		}
		return k.grid(k.columns(300, 3), tiles)
	}}
}
