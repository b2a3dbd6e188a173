// Package qr makes what the kiosk's QR codes say and the codes themselves.
//
// A visitor scans a code to take an offer home on a phone, without internet:
// the offer's website as a plain URL, a contact as a vCard 3.0 (RFC 2426) that
// the phone offers to save, an event as an iCalendar entry (RFC 5545).
// Contents are UTF-8 in byte mode; a content with characters beyond ASCII
// starts with the ECI designator for UTF-8 (ECI 26), without which
// zbar-based scanners guess another encoding and read "Gründer" as
// "Gr羹nder". skip2/go-qrcode cannot write ECI; the module uses a copy with
// that one change (third_party/go-qrcode).
//
// The codes use error correction level Medium (15 % of the code may be
// damaged or covered) and keep the quiet zone of four modules around them
// that scanners need to find a code on a printed page.
package qr

import (
	"image"

	qrcode "github.com/skip2/go-qrcode"
)

// Level is the error correction of every code.
const Level = qrcode.Medium

// OfferURL is what an offer's website code says: the URL as it is, which
// every scanner opens in the browser.
func OfferURL(website string) string { return website }

// PNG draws content as a code, px×px pixels with the quiet zone, as a PNG.
func PNG(content string, px int) ([]byte, error) {
	q, err := qrcode.New(content, Level)
	if err != nil {
		return nil, err
	}
	return q.PNG(px)
}

// Image draws content as a code, px×px pixels with the quiet zone.
func Image(content string, px int) (image.Image, error) {
	q, err := qrcode.New(content, Level)
	if err != nil {
		return nil, err
	}
	return q.Image(px), nil
}

// Modules returns the code's modules, quiet zone included: modules[y][x] is
// true for a dark module. A printout draws them as squares, sharp at any
// printer resolution.
func Modules(content string) ([][]bool, error) {
	q, err := qrcode.New(content, Level)
	if err != nil {
		return nil, err
	}
	return q.Bitmap(), nil
}

// ImageOfModules draws modules (from Modules) with scale pixels a module:
// every module the same whole number of pixels, the code encoded once.
func ImageOfModules(modules [][]bool, scale int) image.Image {
	n := len(modules) * scale
	img := image.NewGray(image.Rect(0, 0, n, n))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y, row := range modules {
		for x, dark := range row {
			if !dark {
				continue
			}
			for dy := range scale {
				off := (y*scale+dy)*img.Stride + x*scale
				for dx := range scale {
					img.Pix[off+dx] = 0
				}
			}
		}
	}
	return img
}
