package ui

import (
	"bytes"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"wegweiser/catalog"
	"wegweiser/printout"
	"wegweiser/speech"
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
// and image, and the contacts of the offers it names. The paging bar stands
// fixed above the navigation: previous, the page number (which opens the
// contents), next, and printing the brochure.
func (k *Kiosk) brochurePage(id string) page {
	k.count(stats.Brochure, id)
	index := 0 // the page shown
	// The title, the page and the paging bar show the same brochure: look
	// it up once per language.
	var b *catalog.BrochureDetail
	var err error
	lang := ""
	load := func() (*catalog.BrochureDetail, error) {
		if lang != k.s.lang {
			b, err = k.s.view.Brochure(id)
			lang = k.s.lang
			if err == nil && len(b.Sections) == 0 {
				err = catalog.ErrNotFound
			}
		}
		if err == nil {
			index = max(0, min(index, len(b.Sections)-1))
		}
		return b, err
	}
	turn := func(to int) func() {
		return func() { k.stopSpeech(); index = to; k.render() }
	}
	speak := func() speech.Script {
		if b, err := load(); err == nil {
			return speech.Brochure(b, index+1, k.s.lang)
		}
		return nil
	}
	return page{name: "brochure", speak: speak, title: func() string {
		if b, err := load(); err == nil {
			return b.Title.Text
		}
		return id
	}, build: func(width float32) fyne.CanvasObject {
		b, err := load()
		if err != nil {
			return k.errorText(err, width)
		}
		return k.brochureSection(b.Sections[index], width)
	}, footer: func(width float32) fyne.CanvasObject {
		b, err := load()
		if err != nil {
			return gap(1)
		}
		str := k.s.str
		prevIcon, nextIcon := theme.NavigateBackIcon(), theme.NavigateNextIcon()
		if k.s.rtl {
			prevIcon, nextIcon = nextIcon, prevIcon
		}
		side := width/4 - 2*theme.Padding()
		prev := k.button(prevIcon, str.T("brochure_previous"), side, turn(index-1))
		prev.Disabled = index == 0
		next := k.primaryButton(nextIcon, str.T("brochure_next"), side, turn(index+1))
		next.Disabled = index == len(b.Sections)-1
		pages := k.button(appIcon("brochure"), str.T("brochure_page", map[string]any{"Page": k.number(index + 1), "Pages": k.number(len(b.Sections))}),
			side, func() { k.push(k.brochureContents(b, func(i int) { index = i })) })
		var printButton fyne.CanvasObject = layout.NewSpacer()
		if k.opts.Config.Printer != "none" {
			pb := k.button(theme.DocumentPrintIcon(), str.T("brochure_print"), side, func() {
				k.printDocument([]string{id}, func(w io.Writer, cat *catalog.Catalog, opts printout.Options) error {
					return printout.Brochure(w, cat, id, opts)
				})
			})
			pb.Disabled = k.s.printing
			printButton = pb
		}
		bar := container.NewGridWithColumns(4, k.mirror([]fyne.CanvasObject{prev, pages, next, printButton})...)
		if k.s.printStatus == "" {
			return container.NewPadded(bar)
		}
		return container.NewPadded(container.NewVBox(k.text(k.s.printStatus, width), bar))
	}}
}

// brochureSection is one page of a brochure.
func (k *Kiosk) brochureSection(s catalog.SectionDetail, width float32) fyne.CanvasObject {
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
	return box
}

// brochureContents lists a brochure's pages; a tap opens one.
func (k *Kiosk) brochureContents(b *catalog.BrochureDetail, open func(int)) page {
	return page{name: "contents", title: func() string { return b.Title.Text + " – " + k.s.str.T("brochure_contents") }, build: func(width float32) fyne.CanvasObject {
		box := container.NewVBox()
		for i, s := range b.Sections {
			i := i
			label := k.number(i+1) + ". " + s.Heading.Text
			box.Add(k.button(nil, label, width-40, func() { open(i); k.back() }))
		}
		return box
	}}
}
