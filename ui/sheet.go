package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// sheetPage is the visitor's list: the offers they collected to take home.
func (k *Kiosk) sheetPage() page {
	return page{name: "sheet", title: func() string { return k.s.str.T("sheet_title") }, build: func(width float32) fyne.CanvasObject {
		str := k.s.str
		if len(k.s.sheet) == 0 {
			return k.text(str.T("sheet_empty"), width)
		}
		box := container.NewVBox(k.heading(str.N("sheet_items", len(k.s.sheet)), width, theme.SizeNameSubHeadingText))
		for _, id := range k.s.sheet {
			id := id
			o, err := k.s.view.Offer(id)
			if err != nil {
				continue
			}
			open := k.button(appIcon("info"), o.Title.Text, width-420, func() { k.push(k.offerPage(id)) })
			remove := k.button(theme.DeleteIcon(), str.T("sheet_remove"), 340, func() { k.s.toggleSheet(id); k.render() })
			box.Add(container.NewBorder(nil, nil, nil, nil, k.row(open, remove)))
		}
		return box
	}}
}
