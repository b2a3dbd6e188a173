package ui

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"wegweiser/catalog"
	"wegweiser/qr"
	"wegweiser/stats"
)

// qrSide is the usual size of a QR code on screen: large enough for a
// phone held at arm's length.
const qrSide = 220

// minModulePx is the smallest module on screen: below 3 pixels phone
// cameras start to misread a code shown on a display.
const minModulePx = 3

// qrScale is the whole number of pixels per module for a code of n modules
// (quiet zone included): about qrSide in all, at least minModulePx. Whole
// pixels keep every module the same size.
func qrScale(n int) int {
	return max(minModulePx, int(math.Round(qrSide/float64(n))))
}

// qrCode is one QR code with a caption under it.
func (k *Kiosk) qrCode(content, caption string) fyne.CanvasObject {
	modules, err := qr.Modules(content)
	if err != nil {
		return k.caption(caption+": "+err.Error(), qrSide)
	}
	scale := qrScale(len(modules))
	side := len(modules) * scale
	code := canvas.NewImageFromImage(qr.ImageOfModules(modules, scale))
	code.FillMode = canvas.ImageFillOriginal
	code.ScaleMode = canvas.ImageScalePixels
	code.SetMinSize(fyne.NewSquareSize(float32(side)))
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameButton))
	label := k.caption(caption, float32(max(side, qrSide)))
	label.Center, label.Fit = true, true // a long word shrinks rather than running out of the cell
	return container.NewVBox(container.NewCenter(container.NewStack(bg, code)), label)
}

// offerCodes are the QR codes of an offer: each contact as a vCard that
// puts it into the phone without internet, and the website.
func (k *Kiosk) offerCodes(o *catalog.OfferDetail) fyne.CanvasObject {
	str := k.s.str
	var codes []fyne.CanvasObject
	for _, c := range o.Contacts {
		caption := str.T("offer_qr_contact")
		if c.Label.Text != "" {
			caption += ": " + c.Label.Text
		}
		codes = append(codes, k.qrCode(qr.ContactVCard(qr.ContactOf(o, c, k.s.lang)), caption))
	}
	if o.Website != "" {
		codes = append(codes, k.qrCode(qr.OfferURL(o.Website), str.T("offer_qr_website")))
	}
	if len(codes) == 0 {
		return nil
	}
	k.count(stats.QR, o.ID)
	// Every cell as tall as the tallest code with its caption, so that no
	// caption is cut, in any text size.
	cell := fyne.NewSize(qrSide+24, 0)
	for _, c := range codes {
		cell.Width = max(cell.Width, c.MinSize().Width+24)
		cell.Height = max(cell.Height, c.MinSize().Height+16)
	}
	if !k.s.rtl {
		return container.NewGridWrap(cell, codes...)
	}
	// Right to left: the first code on the right.
	return container.NewBorder(nil, nil, nil, container.NewHBox(k.mirror(codes)...))
}

// eventCode is an event as a calendar entry.
func (k *Kiosk) eventCode(e *catalog.EventDetail) fyne.CanvasObject {
	k.count(stats.QR, e.ID)
	return k.qrCode(qr.EventICal(qr.Event{ID: e.ID, Title: e.Title.Text, Place: e.Place.Text, Description: e.Summary.Text,
		Website: e.Website, Start: e.Start, End: e.End, Stamp: k.cat.Info().Built}), k.s.str.T("event_qr"))
}
