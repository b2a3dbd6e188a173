package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"wegweiser/catalog"
	"wegweiser/speech"
	"wegweiser/ui/widgets"
)

// homePage is the district's start screen: a tile per category with its
// icon and number of offers, then search, brochure, events and the
// visitor's list.
func (k *Kiosk) homePage() page {
	speak := func() speech.Script {
		tiles, _ := k.categories()
		var names []catalog.Localized
		for _, c := range tiles {
			names = append(names, c.Name)
		}
		return listScript(k.s.lang, k.districtTitle(), names)
	}
	return page{name: "home", title: k.districtTitle, build: k.buildHome, speak: speak}
}

func (k *Kiosk) districtName() string {
	if k.s.districtName != "" {
		return k.s.districtName
	}
	k.s.districtName = k.district
	if ds, err := k.s.view.Districts(); err == nil {
		for _, d := range ds {
			if d.ID == k.district {
				k.s.districtName = d.Name.Text
			}
		}
	}
	return k.s.districtName
}

// categories are the home screen's tiles, looked up once per language.
func (k *Kiosk) categories() ([]catalog.CategoryTile, error) {
	if k.s.categories != nil {
		return k.s.categories, nil
	}
	tiles, err := k.s.view.Categories(k.district, k.opts.Now())
	if err == nil {
		k.s.categories = tiles
	}
	return tiles, err
}

func (k *Kiosk) districtTitle() string {
	return k.s.str.T("home_title", map[string]any{"District": k.districtName()})
}

func (k *Kiosk) buildHome(width float32) fyne.CanvasObject {
	str := k.s.str
	tiles, err := k.categories()
	if err != nil {
		return k.errorText(err, width)
	}
	cols := k.columns(320, 3)
	if k.portrait() { // fewer, taller tiles that fill the height
		cols = min(cols, 2)
	}
	tileWidth := width/float32(cols) - 40
	var cats []fyne.CanvasObject
	for _, c := range tiles {
		c := c
		if isEventsCategory(c) {
			continue // its offers are on the events screen: events are one thing
		}
		name := k.text(c.Name.Text, tileWidth-72)
		name.Bold, name.SizeName, name.MaxLines, name.Fit = true, theme.SizeNameSubHeadingText, 3, true
		count := k.caption(str.N("offers_count", c.Offers), tileWidth-72)
		icon := widgets.NewIcon(appIcon(c.Icon), theme.ColorNamePrimary, 56)
		text := container.NewVBox(name, count)
		var content fyne.CanvasObject
		if k.s.rtl {
			content = container.NewBorder(nil, nil, nil, icon, text)
		} else {
			content = container.NewBorder(nil, nil, icon, nil, text)
		}
		cats = append(cats, widgets.NewTile(content, k.act(func() { k.push(k.offersPage(c)) })))
	}
	// On a tall screen the tiles grow to fill it, instead of leaving the
	// lower part, nearest the hand, empty.
	rows := (len(cats) + cols - 1) / cols
	if free := k.windowSize().Height - homeChrome; rows > 0 {
		h := min(free/float32(rows)-theme.Padding(), maxTileHeight)
		for _, c := range cats {
			c.(*widgets.Tile).MinHeight = h
		}
	}

	// My list is in the navigation bar, on every screen.
	actionCols := k.columns(260, 3)
	actionWidth := width/float32(actionCols) - 40
	actions := []fyne.CanvasObject{
		k.button(theme.SearchIcon(), str.T("home_search"), actionWidth, func() { k.push(k.searchPage()) }),
		k.button(appIcon("brochure"), str.T("home_brochures"), actionWidth, k.openBrochures),
		k.button(appIcon("event"), str.T("home_events"), actionWidth, func() { k.push(k.eventsPage()) }),
	}
	return container.NewVBox(k.grid(cols, cats), gap(16), k.grid(actionCols, actions), gap(16), k.asOf(width))
}

// homeChrome is about how much of the window's height the bars, the
// actions and the date take on the home screen; maxTileHeight caps how tall
// a category tile grows.
const (
	homeChrome    = 420
	maxTileHeight = 300
)

// isEventsCategory reports whether a category is about events (its icon is
// the event icon). Its offers (regular information evenings, say) are shown
// on the events screen with the dated events, not as a category of its own.
func isEventsCategory(c catalog.CategoryTile) bool { return c.Icon == "event" }

// sheetCount is how many offers the visitor's list holds, in brackets, or
// nothing while it is empty.
func (k *Kiosk) sheetCount() string {
	if len(k.s.sheet) == 0 {
		return ""
	}
	return " (" + k.number(len(k.s.sheet)) + ")"
}

// asOf says how current the catalogue is, and that it is sample data.
func (k *Kiosk) asOf(width float32) fyne.CanvasObject {
	info := k.cat.Info()
	s := k.s.str.T("catalog_as_of", map[string]any{"Date": k.formatDate(info.Built, false)})
	if info.Sample {
		s = k.s.str.T("catalog_sample") + " · " + s
	}
	return k.caption(s, width)
}

// errorText shows a failure to read the catalogue in plain words.
func (k *Kiosk) errorText(err error, width float32) fyne.CanvasObject {
	return k.text("⚠ "+err.Error(), width)
}

// openBrochures opens the district's brochure, or a list when it has several.
func (k *Kiosk) openBrochures() {
	bs, err := k.s.view.Brochures(k.district)
	if err == nil && len(bs) == 1 {
		k.push(k.brochurePage(bs[0].ID))
		return
	}
	k.push(k.brochuresPage(bs))
}
