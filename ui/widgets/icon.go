package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// NewIcon shows a black-on-transparent icon in a theme colour at a fixed
// size.
func NewIcon(res fyne.Resource, colorName fyne.ThemeColorName, side float32) *canvas.Image {
	if res == nil {
		res = theme.InfoIcon()
	}
	img := canvas.NewImageFromResource(theme.NewColoredResource(res, colorName))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(side))
	return img
}
