package theme

import (
	"fyne.io/fyne/v2"

	"wegweiser/assets"
)

// Icon is one of the app's icons (assets/icons) as a Fyne resource, nil
// for an unknown name.
func Icon(name string) fyne.Resource {
	data := assets.Icon(name)
	if data == nil {
		return nil
	}
	return fyne.NewStaticResource(name+".svg", data)
}

// AppIcon is the program's icon, for the window and the task bar.
var AppIcon = fyne.NewStaticResource("app.png", assets.AppIcon)
