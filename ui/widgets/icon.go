package widgets

import (
	"bytes"
	"fmt"
	"image"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"
)

// NewIcon shows a black-on-transparent icon in a theme colour at a fixed
// size.
//
// The icon is drawn into pixels once per icon, colour and size and then
// shared by every screen: Fyne re-reads and re-draws an SVG for every new
// image object, and keeps one drawn size per icon, so a kiosk that builds
// each screen anew spent about a fifth of a screen change drawing icons.
func NewIcon(res fyne.Resource, colorName fyne.ThemeColorName, side float32) *canvas.Image {
	if res == nil {
		res = theme.InfoIcon()
	}
	var img *canvas.Image
	if pix := iconPixels(res, colorName, int(side*iconOversample)); pix != nil {
		img = canvas.NewImageFromImage(pix)
	} else { // not an SVG the drawing code reads: Fyne draws it
		img = canvas.NewImageFromResource(theme.NewColoredResource(res, colorName))
	}
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(side))
	return img
}

// iconOversample draws icons at twice their size, sharp on screens scaled
// up to 2.
const iconOversample = 2

var drawnIcons sync.Map // icon, colour and size → *image.NRGBA

// iconPixels is res drawn in colorName as a square of px pixels, or nil
// when it cannot be drawn.
func iconPixels(res fyne.Resource, colorName fyne.ThemeColorName, px int) image.Image {
	r, g, b, a := theme.Color(colorName).RGBA()
	key := fmt.Sprintf("%s|%02x%02x%02x%02x|%d", res.Name(), r>>8, g>>8, b>>8, a>>8, px)
	if pix, ok := drawnIcons.Load(key); ok {
		return pix.(image.Image)
	}
	icon, err := oksvg.ReadIconStream(bytes.NewReader(theme.NewColoredResource(res, colorName).Content()))
	if err != nil || icon.ViewBox.W <= 0 || icon.ViewBox.H <= 0 {
		return nil
	}
	w, h := px, px // keep the icon's aspect within the square
	if aspect := icon.ViewBox.W / icon.ViewBox.H; aspect > 1 {
		h = int(float64(px) / aspect)
	} else {
		w = int(float64(px) * aspect)
	}
	icon.SetTarget(0, 0, float64(w), float64(h))
	pix := image.NewNRGBA(image.Rect(0, 0, w, h))
	scanner := rasterx.NewScannerGV(w, h, pix, pix.Bounds())
	if !drawSafely(icon, rasterx.NewDasher(w, h, scanner)) {
		return nil
	}
	drawnIcons.Store(key, pix)
	return pix
}

// drawSafely draws an icon; the SVG library panics on some malformed paths.
func drawSafely(icon *oksvg.SvgIcon, r *rasterx.Dasher) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	icon.Draw(r, 1)
	return true
}
