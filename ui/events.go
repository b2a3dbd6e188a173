package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"wegweiser/catalog"
	"wegweiser/stats"
	"wegweiser/ui/bidi"
	"wegweiser/ui/widgets"
)

// eventsPage lists the district's upcoming events, soonest first.
func (k *Kiosk) eventsPage() page {
	return page{name: "events", title: func() string { return k.s.str.T("events_title") }, build: func(width float32) fyne.CanvasObject {
		events, err := k.s.view.Events(k.district, "", k.opts.Now())
		if err != nil {
			return k.errorText(err, width)
		}
		if len(events) == 0 {
			return k.text(k.s.str.T("events_none"), width)
		}
		box := container.NewVBox()
		for _, e := range events {
			e := e
			title := k.text(e.Title.Text, width-40)
			title.Bold, title.SizeName = true, theme.SizeNameSubHeadingText
			when := k.text(k.formatSpan(e.Start, e.End), width-40)
			where := k.caption(e.Place.Text, width-40)
			box.Add(widgets.NewTile(container.NewVBox(title, when, where), k.act(func() { k.push(k.eventPage(e.ID)) })))
		}
		return box
	}}
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
