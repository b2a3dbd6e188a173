package ui

import (
	"bytes"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"wegweiser/catalog"
	"wegweiser/stats"
	"wegweiser/ui/widgets"
)

// brochuresPage lists brochures when the district has more or fewer than one.
func (k *Kiosk) brochuresPage(bs []catalog.BrochureSummary) page {
	return page{name: "brochures", title: func() string { return k.s.str.T("home_brochures") }, build: func(width float32) fyne.CanvasObject {
		if len(bs) == 0 {
			return k.text(k.s.str.T("brochure_none"), width)
		}
		box := container.NewVBox()
		for _, b := range bs {
			b := b
			box.Add(k.button(appIcon("brochure"), b.Title.Text, width-40, func() { k.push(k.brochurePage(b.ID)) }))
		}
		return box
	}}
}

// brochurePage shows a brochure page by page: the section's heading, text
// and image, and the contacts of the offers it names.
func (k *Kiosk) brochurePage(id string) page {
	k.count(stats.Brochure, id)
	index := 0 // the page shown
	return page{name: "brochure", title: func() string {
		if b, err := k.s.view.Brochure(id); err == nil {
			return b.Title.Text
		}
		return id
	}, build: func(width float32) fyne.CanvasObject {
		b, err := k.s.view.Brochure(id)
		if err != nil {
			return k.errorText(err, width)
		}
		index = min(index, len(b.Sections)-1)
		s := b.Sections[index]
		box := container.NewVBox(
			k.localized(s.Heading, width, func(p *widgets.Paragraph) { p.Bold, p.SizeName = true, theme.SizeNameHeadingText }),
		)
		if s.Image != "" {
			if data, err := k.cat.Media(s.Image); err == nil {
				img := canvas.NewImageFromReader(bytes.NewReader(data), s.Image)
				img.FillMode = canvas.ImageFillContain
				img.SetMinSize(fyne.NewSize(width, 320))
				box.Add(img)
			}
		}
		box.Add(k.localized(s.Body, width, nil))
		for _, oid := range s.Offers {
			o, err := k.s.view.Offer(oid)
			if err != nil {
				continue
			}
			oid := oid
			box.Add(separator())
			box.Add(k.button(appIcon("info"), o.Title.Text, width-40, func() { k.push(k.offerPage(oid)) }))
			for _, c := range o.Contacts {
				box.Add(k.contact(c, width))
			}
		}
		pages := k.text(k.s.str.T("brochure_page", map[string]any{"Page": k.number(index + 1), "Pages": k.number(len(b.Sections))}), 300)
		pages.Center = true
		prevIcon, nextIcon := theme.NavigateBackIcon(), theme.NavigateNextIcon()
		if k.s.rtl {
			prevIcon, nextIcon = nextIcon, prevIcon
		}
		var prev, next fyne.CanvasObject = layout.NewSpacer(), layout.NewSpacer()
		if index > 0 {
			prev = k.button(prevIcon, k.s.str.T("brochure_previous"), 300, func() { index--; k.render() })
		}
		if index < len(b.Sections)-1 {
			next = k.primaryButton(nextIcon, k.s.str.T("brochure_next"), 300, func() { index++; k.render() })
		}
		box.Add(gap(16))
		box.Add(container.NewGridWithColumns(3, k.mirror([]fyne.CanvasObject{prev, pages, next})...))
		return box
	}}
}
