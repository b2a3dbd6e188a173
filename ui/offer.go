package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"wegweiser/bidi"
	"wegweiser/catalog"
	"wegweiser/catalog/hours"
	"wegweiser/speech"
	"wegweiser/stats"
	"wegweiser/ui/widgets"
)

// offerPage shows one offer in full: what it is, who runs it, for whom, the
// cost, the languages spoken there, every contact with its opening hours
// and whether it is open now, the website, and the visitor's list button.
func (k *Kiosk) offerPage(id string) page {
	k.count(stats.Offer, id)
	// The header's title and the body show the same offer: look it up once
	// per language.
	var o *catalog.OfferDetail
	var err error
	lang := ""
	load := func() (*catalog.OfferDetail, error) {
		if lang != k.s.lang {
			o, err = k.s.view.Offer(id)
			lang = k.s.lang
		}
		return o, err
	}
	title := func() string {
		if o, err := load(); err == nil {
			return o.Title.Text
		}
		return id
	}
	speak := func() speech.Script {
		if o, err := load(); err == nil {
			return speech.Offer(o, k.s.lang)
		}
		return nil
	}
	return page{name: "offer", title: title, speak: speak, build: func(width float32) fyne.CanvasObject {
		o, err := load()
		if err != nil {
			return k.errorText(err, width)
		}
		return k.buildOffer(o, width)
	}}
}

func (k *Kiosk) buildOffer(o *catalog.OfferDetail, width float32) fyne.CanvasObject {
	str := k.s.str
	muted := func(p *widgets.Paragraph) { p.Color = theme.ColorNamePlaceHolder }
	box := container.NewVBox(k.localized(o.Provider, width, muted))                    // the title stands in the header
	if o.Title.Fallback && !(o.Provider.Fallback && o.Provider.Lang == o.Title.Lang) { // one note for both
		box.Add(k.fallbackNote(o.Title.Lang, width))
	}
	if o.Title.Outdated && !o.Provider.Outdated { // the title stands in the header: its note here
		box.Add(k.caption("⤷ "+str.T("translation_outdated"), width))
	}

	label, action := str.T("sheet_add"), k.primaryButton
	if k.s.onSheet(o.ID) {
		label, action = str.T("sheet_remove"), k.button
	}
	toggle := action(appIcon("sheet"), label, 420, func() { k.s.toggleSheet(o.ID); k.render() })
	box.Add(k.row(toggle))
	box.Add(gap(8))
	box.Add(k.localized(o.Summary, width, func(p *widgets.Paragraph) { p.SizeName = theme.SizeNameSubHeadingText }))
	if o.Description.Text != "" {
		box.Add(k.localized(o.Description, width, nil))
	}
	section := func(heading string, content fyne.CanvasObject) {
		box.Add(gap(8))
		box.Add(separator())
		box.Add(k.heading(heading, width, theme.SizeNameSubHeadingText))
		box.Add(content)
	}
	if o.Audience.Text != "" {
		section(str.T("offer_audience"), k.localized(o.Audience, width, nil))
	}
	if o.Cost.Text != "" {
		section(str.T("offer_cost"), k.localized(o.Cost, width, nil))
	}
	if len(o.Languages) > 0 {
		var names []string
		for _, l := range o.Languages {
			names = append(names, catalog.NativeName(l))
		}
		section(str.T("offer_languages"), k.text(strings.Join(names, " · "), width))
	}
	for _, c := range o.Contacts {
		heading := str.T("offer_contacts")
		if c.Label.Text != "" {
			heading = c.Label.Text
		}
		section(heading, k.contact(c, width))
	}
	if o.Website != "" {
		section(str.T("offer_website"), k.text(bidi.LeftToRight(o.Website), width))
	}
	if codes := k.offerCodes(o); codes != nil {
		section(str.T("offer_scan"), codes)
	}
	if !o.Updated.IsZero() { // how fresh the entry is: when it was last checked
		box.Add(k.caption(str.T("offer_checked_on", map[string]any{"Date": k.formatDate(o.Updated, false)}), width))
	}
	return box
}

// contact shows one contact's ways of reaching it and its hours.
func (k *Kiosk) contact(c catalog.ContactDetail, width float32) fyne.CanvasObject {
	str := k.s.str
	box := container.NewVBox()
	line := func(icon fyne.Resource, label, value string) {
		text := k.text(label+": "+bidi.LeftToRight(value), width-48)
		box.Add(k.row(widgets.NewIcon(icon, theme.ColorNamePrimary, 28), text))
	}
	if c.Phone != "" {
		line(theme.AccountIcon(), str.T("offer_phone"), c.Phone)
	}
	if c.Email != "" {
		line(theme.MailComposeIcon(), str.T("offer_email"), c.Email)
	}
	if c.Address != "" {
		line(theme.HomeIcon(), str.T("offer_address"), c.Address)
	}
	if c.Hours != "" {
		if sched, err := hours.Parse(c.Hours); err == nil {
			box.Add(k.openNow(sched.OpenAt(k.opts.Now()), width))
			box.Add(k.text(str.T("offer_hours")+":", width))
			for _, l := range sched.Format(k.s.lang) {
				box.Add(k.text(l, width))
			}
		}
	}
	if c.HoursNote.Text != "" {
		box.Add(k.localized(c.HoursNote, width, nil))
	}
	return box
}

// openNow says whether a contact is open, with an icon and a word, never by
// colour alone.
func (k *Kiosk) openNow(open bool, width float32) fyne.CanvasObject {
	icon, label, color := theme.CancelIcon(), k.s.str.T("offer_closed_now"), theme.ColorNamePlaceHolder
	if open {
		icon, label, color = theme.ConfirmIcon(), k.s.str.T("offer_open_now"), theme.ColorNameSuccess
	}
	p := k.text(label, width-48)
	p.Bold, p.Color = true, color
	return k.row(widgets.NewIcon(icon, color, 28), p)
}
