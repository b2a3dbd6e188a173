package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wegweiser/catalog"
	"wegweiser/speech"
	"wegweiser/stats"
	"wegweiser/ui/widgets"
)

// offersPage lists a category's offers. The list builds only the rows on
// screen, so a category of thousands of offers scrolls as fast as one of ten.
func (k *Kiosk) offersPage(c catalog.CategoryTile) page {
	k.count(stats.Category, c.ID)
	speak := func() speech.Script {
		offers, _ := k.s.view.OffersNearestFirst(k.district, c.ID, k.opts.Now())
		var titles []catalog.Localized
		for _, o := range offers[:min(len(offers), maxSpokenEntries)] {
			titles = append(titles, o.Title)
		}
		return listScript(k.s.lang, k.categoryName(c.ID), titles)
	}
	return page{name: "offers", ownScroll: true, speak: speak, title: func() string { return k.categoryName(c.ID) }, build: func(width float32) fyne.CanvasObject {
		offers, err := k.s.view.OffersNearestFirst(k.district, c.ID, k.opts.Now())
		if err != nil {
			return k.errorText(err, width)
		}
		if len(offers) == 0 {
			return k.text(k.s.str.T("offers_none"), width)
		}
		mine := spokenIn(offers, k.s.lang)
		if len(mine) == 0 || len(mine) == len(offers) {
			return k.offerList(offers, width)
		}
		// Some, not all, offers give advice in the visitor's language: a
		// switch shows only those.
		label := k.s.str.T("offers_my_language", map[string]any{"Language": catalog.NativeName(k.s.lang), "Count": k.number(len(mine))})
		toggle := k.tile(appIcon("language"), label, width-4*theme.Padding(), k.s.myLanguage, func() { k.s.myLanguage = !k.s.myLanguage; k.render() })
		shown := offers
		if k.s.myLanguage {
			shown = mine
		}
		return container.NewBorder(container.NewPadded(toggle), nil, nil, nil, k.offerList(shown, width))
	}}
}

// spokenIn are the offers whose staff speak lang.
func spokenIn(offers []catalog.OfferSummary, lang string) []catalog.OfferSummary {
	var out []catalog.OfferSummary
	for _, o := range offers {
		if slices.Contains(o.Languages, lang) {
			out = append(out, o)
		}
	}
	return out
}

func (k *Kiosk) categoryName(id string) string {
	tiles, err := k.categories()
	if err == nil {
		for _, t := range tiles {
			if t.ID == id {
				return t.Name.Text
			}
		}
	}
	return id
}

// offerRow is one row of an offer list: title, provider, two lines of summary.
type offerRow struct {
	tile                     *widgets.Tile
	title, provider, summary *widgets.Paragraph
}

func (k *Kiosk) newOfferRow(width float32) *offerRow {
	r := &offerRow{}
	r.title = k.text("", width)
	r.title.Bold, r.title.SizeName, r.title.MaxLines = true, theme.SizeNameSubHeadingText, 2
	r.provider = k.caption("", width)
	r.provider.MaxLines = 1
	r.summary = k.text("", width)
	r.summary.MaxLines = 2
	r.tile = widgets.NewTile(container.NewVBox(r.title, r.provider, r.summary), nil)
	return r
}

// offerEntry is an offer as a row of a list, marked when it is shown in
// another language.
func (k *Kiosk) offerEntry(o catalog.OfferSummary) listEntry {
	provider := o.Provider.Text
	if o.Title.Fallback || o.Summary.Fallback {
		lang := o.Summary.Lang
		if o.Title.Fallback {
			lang = o.Title.Lang
		}
		provider += "  ·  " + k.s.str.T("shown_in_language", map[string]any{"Language": catalog.NativeName(lang)})
	}
	if o.Title.Outdated || o.Summary.Outdated {
		provider += "  ·  " + k.s.str.T("translation_outdated")
	}
	if slices.Contains(o.Languages, k.s.lang) { // counselling in the visitor's language
		provider += "  ·  " + k.s.str.T("offer_spoken_here", map[string]any{"Language": catalog.NativeName(k.s.lang)})
	}
	return listEntry{title: o.Title, second: provider, third: o.Summary, open: func() { k.push(k.offerPage(o.ID)) }}
}

// listEntry is what a row of a list shows: a title, a line in the
// visitor's language (who offers it, or when), two lines of text, and what a
// tap opens.
type listEntry struct {
	title  catalog.Localized
	second string
	third  catalog.Localized
	open   func()
}

func (k *Kiosk) fillRow(r *offerRow, e listEntry) {
	r.title.Text, r.title.RTL = e.title.Text, catalog.IsRightToLeft(e.title.Lang)
	r.provider.Text, r.provider.RTL = e.second, k.s.rtl
	r.summary.Text, r.summary.RTL = e.third.Text, catalog.IsRightToLeft(e.third.Lang)
	r.tile.OnTapped = k.act(e.open)
	r.tile.Refresh()
	r.title.Refresh()
	r.provider.Refresh()
	r.summary.Refresh()
}

// rowList is a virtual list of entries: it builds only the rows on screen,
// so a list of thousands scrolls as fast as one of ten.
func (k *Kiosk) rowList(entries []listEntry, width float32) fyne.CanvasObject {
	rowWidth := width - 4*theme.Padding()
	// Every row of a list is as tall as its template: make it tall enough
	// for the most lines a row may show, so that no title or summary runs
	// over its card.
	tallest := k.newOfferRow(rowWidth)
	long := strings.Repeat("Wegweiser ", 60)
	tallest.title.Text, tallest.provider.Text, tallest.summary.Text = long, long, long
	rowHeight := tallest.tile.Content.MinSize().Height + 4*theme.Padding()
	rows := map[fyne.CanvasObject]*offerRow{}
	list := widget.NewList(
		func() int { return len(entries) },
		func() fyne.CanvasObject {
			r := k.newOfferRow(rowWidth)
			r.tile.MinHeight = rowHeight
			rows[r.tile] = r
			return r.tile
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { k.fillRow(rows[o], entries[id]) },
	)
	list.OnSelected = func(widget.ListItemID) { list.UnselectAll() }
	return k.track(widgets.NewTouchList(list))
}

// offerList is a virtual list of offers.
func (k *Kiosk) offerList(offers []catalog.OfferSummary, width float32) fyne.CanvasObject {
	entries := make([]listEntry, len(offers))
	for i, o := range offers {
		entries[i] = k.offerEntry(o)
	}
	return k.rowList(entries, width)
}
