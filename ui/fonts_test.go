package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"wegweiser/config"
	"wegweiser/translations"
	kiosktheme "wegweiser/ui/theme"
)

// Every character drawn on every screen, in every language, is in the
// font it is drawn with. Otherwise Fyne looks for it in the system's fonts,
// which a kiosk may not have (a box is drawn), and the first such look
// scans them all, slowing down the screen that needs it.
func TestEveryDrawnCharacterIsInItsFont(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	missing := map[string]bool{}
	check := func(screen string) {
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			switch o := o.(type) {
			case *canvas.Text:
				font := o.FontSource
				if font == nil {
					font = k.app.Settings().Theme().Font(o.TextStyle)
				}
				for _, r := range o.Text {
					if !kiosktheme.Covers(font, r) {
						key := fmt.Sprintf("%s: %U %q not in %s (%q)", screen, r, r, font.Name(), o.Text)
						if !missing[key] {
							missing[key] = true
							t.Error(key)
						}
					}
				}
			case *fyne.Container:
				for _, ch := range o.Objects {
					walk(ch)
				}
			case fyne.Widget:
				for _, ch := range test.WidgetRenderer(o).Objects() {
					walk(ch)
				}
			}
		}
		walk(k.win.Content())
		for _, ov := range k.win.Canvas().Overlays().List() {
			walk(ov)
		}
	}
	for _, lang := range translations.Languages() {
		k.chooseLanguage(lang)
		check(lang + " home")
		tiles, err := k.s.view.Categories("03255", k.opts.Now())
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range tiles {
			k.push(k.offersPage(c))
			check(lang + " offers of " + c.ID)
			offers, _ := k.s.view.Offers("03255", c.ID, k.opts.Now())
			for _, o := range offers {
				k.push(k.offerPage(o.ID))
				check(lang + " offer " + o.ID)
				k.s.toggleSheet(o.ID)
				k.back()
			}
			k.back()
		}
		brochures, _ := k.s.view.Brochures("03255")
		for _, b := range brochures {
			k.push(k.brochurePage(b.ID))
			check(lang + " brochure " + b.ID)
		}
		k.push(k.eventsPage())
		check(lang + " events")
		k.push(k.searchPage())
		k.s.query = "IQ"
		k.render()
		check(lang + " search")
		k.push(k.sheetPage())
		check(lang + " sheet")
		k.push(k.languagePage())
		check(lang + " language")
		k.Reset()
		check("welcome after " + lang)
	}
}
