package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wegweiser/catalog"
	"wegweiser/stats"
	"wegweiser/ui/widgets"
)

// offersPage lists a category's offers. The list builds only the rows on
// screen, so a category of thousands of offers scrolls as fast as one of ten.
func (k *Kiosk) offersPage(c catalog.CategoryTile) page {
	k.count(stats.Category, c.ID)
	return page{name: "offers", ownScroll: true, title: func() string { return k.categoryName(c.ID) }, build: func(width float32) fyne.CanvasObject {
		offers, err := k.s.view.OffersNearestFirst(k.district, c.ID, k.opts.Now())
		if err != nil {
			return k.errorText(err, width)
		}
		if len(offers) == 0 {
			return k.text(k.s.str.T("offers_none"), width)
		}
		return k.offerList(offers, width)
	}}
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
	box := container.NewVBox(r.title, r.provider, r.summary)
	r.tile = widgets.NewTile(box, nil)
	// Every row of a list is as tall as its template: tall enough for the
	// most lines a row may show, so that no title or summary runs over its
	// card.
	longest := strings.Repeat("Wegweiser ", 200)
	r.title.Text, r.provider.Text, r.summary.Text = longest, longest, longest
	r.tile.MinHeight = box.MinSize().Height + 4*theme.Padding()
	r.title.Text, r.provider.Text, r.summary.Text = "", "", ""
	return r
}

func (k *Kiosk) fillOfferRow(r *offerRow, o catalog.OfferSummary) {
	r.title.Text, r.title.RTL = o.Title.Text, catalog.IsRightToLeft(o.Title.Lang)
	provider := o.Provider.Text
	if o.Title.Fallback || o.Summary.Fallback {
		lang := o.Summary.Lang
		if o.Title.Fallback {
			lang = o.Title.Lang
		}
		provider += "  ·  " + k.s.str.T("shown_in_language", map[string]any{"Language": catalog.NativeName(lang)})
	}
	r.provider.Text, r.provider.RTL = provider, k.s.rtl
	r.summary.Text, r.summary.RTL = o.Summary.Text, catalog.IsRightToLeft(o.Summary.Lang)
	r.tile.OnTapped = k.act(func() { k.push(k.offerPage(o.ID)) })
	r.tile.Refresh()
	r.title.Refresh()
	r.provider.Refresh()
	r.summary.Refresh()
}

// offerList is a virtual list of offers.
func (k *Kiosk) offerList(offers []catalog.OfferSummary, width float32) fyne.CanvasObject {
	rowWidth := width - 4*theme.Padding()
	rows := map[fyne.CanvasObject]*offerRow{}
	list := widget.NewList(
		func() int { return len(offers) },
		func() fyne.CanvasObject {
			r := k.newOfferRow(rowWidth)
			rows[r.tile] = r
			return r.tile
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { k.fillOfferRow(rows[o], offers[id]) },
	)
	list.OnSelected = func(widget.ListItemID) { list.UnselectAll() }
	return k.track(widgets.NewTouchList(list))
}
