package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"wegweiser/catalog"
	"wegweiser/ui/widgets"
)

// searchPage finds offers, events and brochures as the visitor types on the
// on-screen keyboard.
func (k *Kiosk) searchPage() page {
	// No title: the search field says what the screen is for, and the
	// keyboard needs the room.
	return page{name: "search", ownScroll: true, title: func() string { return "" }, build: k.buildSearch}
}

func (k *Kiosk) buildSearch(width float32) fyne.CanvasObject {
	str := k.s.str
	field := k.text("", width-40)
	field.SizeName, field.Bold = theme.SizeNameHeadingText, true
	fieldTile := widgets.NewTile(field, nil)
	results := container.NewVBox()
	update := func() {
		if k.s.query == "" {
			field.Text, field.Color = str.T("search_hint"), theme.ColorNamePlaceHolder
		} else {
			field.Text, field.Color = k.s.query+"|", theme.ColorNameForeground // a cursor the fonts have
		}
		field.Refresh()
		fieldTile.Refresh()
		results.Objects = k.searchResults(width)
		results.Refresh()
	}
	kb := widgets.NewKeyboard(widgets.LayoutsFor(k.s.lang),
		widgets.KeyLabels{Space: str.T("keyboard_space"), Delete: str.T("keyboard_delete"), Clear: str.T("keyboard_clear"), HalfSpace: str.T("keyboard_half_space")}, width)
	if k.windowSize().Height < 700 {
		kb.SetNoDigits(true)
	}
	kb.OnRune = func(r rune) { k.touch(); k.s.query += string(r); update() }
	kb.OnBackspace = func() { k.touch(); k.s.query = widgets.DeleteLastRune(k.s.query); update() }
	kb.OnClear = func() { k.touch(); k.s.query = ""; update() }
	k.keyboard = kb
	update()
	// The keyboard can be put away to see more results; a tap on the
	// field brings it back.
	toggleLabel, toggleIcon := str.T("search_hide_keyboard"), theme.MoveDownIcon()
	if k.s.keyboardHidden {
		toggleLabel, toggleIcon = str.T("search_show_keyboard"), theme.MoveUpIcon()
	}
	toggle := k.button(toggleIcon, toggleLabel, 320, func() { k.s.keyboardHidden = !k.s.keyboardHidden; k.redraw() })
	fieldTile.OnTapped = k.act(func() {
		if k.s.keyboardHidden {
			k.s.keyboardHidden = false
			k.redraw()
		}
	})
	field.Width = width - toggle.MinSize().Width - 6*theme.Padding()
	top := container.NewBorder(nil, nil, nil, toggle, fieldTile)
	if k.s.rtl {
		top = container.NewBorder(nil, nil, toggle, nil, fieldTile)
	}
	var bottom fyne.CanvasObject
	if !k.s.keyboardHidden {
		bottom = container.NewVBox(separator(), kb)
	}
	return container.NewBorder(top, bottom, nil, nil, k.scroll(results))
}

// maxShownHits is how many results the search screen lists: the best
// ones; it says when there are more, and that a more exact word finds
// fewer.
const maxShownHits = 30

// searchResults lists what the query finds, or says that it finds nothing.
func (k *Kiosk) searchResults(width float32) []fyne.CanvasObject {
	str := k.s.str
	if len([]rune(k.s.query)) == 0 {
		return nil
	}
	hits, err := k.s.view.Search(k.s.query, catalog.Filter{District: k.district, Now: k.opts.Now()})
	if err != nil {
		return []fyne.CanvasObject{k.errorText(err, width)}
	}
	if len(hits) == 0 {
		return []fyne.CanvasObject{k.text(str.T("search_none"), width)}
	}
	caption := str.N("search_results", len(hits))
	shown := hits[:min(len(hits), maxShownHits)]
	if len(shown) < len(hits) {
		caption = str.T("search_results_first", map[string]any{"Shown": k.number(len(shown)), "Count": k.number(len(hits))})
	}
	out := []fyne.CanvasObject{k.caption(caption, width)}
	for _, h := range shown {
		h := h
		icon := appIcon("info")
		switch h.Kind {
		case catalog.KindEvent:
			icon = appIcon("event")
		case catalog.KindBrochure:
			icon = appIcon("brochure")
		}
		out = append(out, k.button(icon, h.Title.Text, width-40, func() { k.openHit(h) }))
	}
	return out
}

func (k *Kiosk) openHit(h catalog.Hit) {
	switch h.Kind {
	case catalog.KindEvent:
		k.push(k.eventPage(h.ID))
	case catalog.KindBrochure:
		k.push(k.brochurePage(h.ID))
	default:
		k.push(k.offerPage(h.ID))
	}
}
