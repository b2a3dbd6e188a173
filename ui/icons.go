package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	kiosktheme "wegweiser/ui/theme"
)

// appIcon is one of the app's own icons, or Fyne's info icon for a name the
// icon set lacks.
func appIcon(name string) fyne.Resource {
	if r := kiosktheme.Icon(name); r != nil {
		return r
	}
	return theme.InfoIcon()
}
