package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"wegweiser/assets"
)

// appIcon is one of the app's own icons, or Fyne's info icon for a name the
// icon set lacks.
func appIcon(name string) fyne.Resource {
	if r := assets.Icon(name); r != nil {
		return r
	}
	return theme.InfoIcon()
}
