package ui

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"

	"wegweiser/config"
	"wegweiser/qr"
)

// codeImages are the QR code images on screen.
func codeImages(k *Kiosk) []*canvas.Image {
	var out []*canvas.Image
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *canvas.Image:
			if o.ScaleMode == canvas.ImageScalePixels && o.Image != nil {
				out = append(out, o)
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(k.win.Content())
	return out
}

// Issue 12: screen codes were too dense (modules of about 1.6 px). Every
// code of every offer of the sample, in German and Arabic, is read back
// from the very image on screen, and its modules are whole pixels, at
// least three.
func TestScreenCodesHaveModulesOfThreePixels(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	for _, lang := range []string{"de", "ar"} {
		k.chooseLanguage(lang)
		offers, err := k.s.view.Offers(k.district, "", k.opts.Now())
		if err != nil || len(offers) == 0 {
			t.Fatalf("%v %d", err, len(offers))
		}
		seen := 0
		for _, o := range offers {
			k.push(k.offerPage(o.ID))
			for _, img := range codeImages(k) {
				content := decodeImage(t, img.Image)
				modules, err := qr.Modules(content)
				if err != nil {
					t.Fatal(err)
				}
				px := img.Image.Bounds().Dx()
				if px%len(modules) != 0 || px/len(modules) < 3 || img.MinSize().Width != float32(px) {
					t.Errorf("%s %s: %d modules on %d px (shown %v)", lang, o.ID, len(modules), px, img.MinSize())
				}
				seen++
			}
			k.back()
		}
		if seen == 0 {
			t.Fatalf("%s: no codes on screen", lang)
		}
	}
}

func decodeImage(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := zxqr.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("the code on screen does not decode: %v", err)
	}
	return res.GetText()
}
