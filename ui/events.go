package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"wegweiser/bidi"
	"wegweiser/catalog"
	"wegweiser/speech"
	"wegweiser/stats"
	"wegweiser/ui/widgets"
)

// eventsPage lists the district's upcoming events, soonest first, then the
// offers of the catalogue's events categories (regular information evenings
// without a date yet), in one list that builds only the rows on screen.
func (k *Kiosk) eventsPage() page {
	speak := func() speech.Script {
		events, _ := k.s.view.Events(k.district, "", k.opts.Now())
		var titles []catalog.Localized
		for _, e := range events[:min(len(events), maxSpokenEntries)] {
			titles = append(titles, e.Title)
		}
		return listScript(k.s.lang, k.s.str.T("events_title"), titles)
	}
	return page{name: "events", ownScroll: true, speak: speak, title: func() string { return k.s.str.T("events_title") }, build: func(width float32) fyne.CanvasObject {
		events, err := k.s.view.Events(k.district, "", k.opts.Now())
		if err != nil {
			return k.errorText(err, width)
		}
		var entries []listEntry
		for _, e := range events {
			entries = append(entries, listEntry{title: e.Title, second: k.formatSpan(e.Start, e.End), third: e.Place,
				open: func() { k.push(k.eventPage(e.ID)) }})
		}
		entries = append(entries, k.eventOffers()...)
		list := k.rowList(entries, width)
		if len(events) > 0 {
			return list
		}
		return container.NewBorder(k.text(k.s.str.T("events_none"), width), nil, nil, nil, list)
	}}
}

// eventOffers are the offers of the events categories, for the events screen.
func (k *Kiosk) eventOffers() []listEntry {
	tiles, err := k.categories()
	if err != nil {
		return nil
	}
	var out []listEntry
	for _, c := range tiles {
		if !isEventsCategory(c) || c.Offers == 0 {
			continue
		}
		offers, err := k.s.view.OffersNearestFirst(k.district, c.ID, k.opts.Now())
		if err != nil {
			continue
		}
		for _, o := range offers {
			out = append(out, k.offerEntry(o))
		}
	}
	return out
}

// eventPage shows one event in full.
func (k *Kiosk) eventPage(id string) page {
	k.count(stats.Event, id)
	return page{name: "event", title: func() string { return k.s.str.T("events_title") }, build: func(width float32) fyne.CanvasObject {
		e, err := k.s.view.Event(id)
		if err != nil {
			return k.errorText(err, width)
		}
		str := k.s.str
		box := container.NewVBox(
			k.localized(e.Title, width, func(p *widgets.Paragraph) { p.Bold, p.SizeName = true, theme.SizeNameHeadingText }),
			k.heading(str.T("event_when"), width, theme.SizeNameSubHeadingText),
			k.text(k.formatSpan(e.Start, e.End), width),
			k.heading(str.T("event_where"), width, theme.SizeNameSubHeadingText),
			k.localized(e.Place, width, nil),
			separator(),
			k.localized(e.Summary, width, nil),
		)
		if e.Description.Text != "" {
			box.Add(k.localized(e.Description, width, nil))
		}
		if len(e.Languages) > 0 {
			var names []string
			for _, l := range e.Languages {
				names = append(names, catalog.NativeName(l))
			}
			box.Add(k.heading(str.T("event_languages"), width, theme.SizeNameSubHeadingText))
			box.Add(k.text(strings.Join(names, " · "), width))
		}
		if e.Website != "" {
			box.Add(k.text(bidi.LeftToRight(e.Website), width))
		}
		box.Add(separator())
		box.Add(k.row(k.eventCode(e)))
		return box
	}}
}
