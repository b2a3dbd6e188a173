package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

//go:embed icons/*.svg
var icons embed.FS

// Icon returns one of the app's icons by name (see catalog.Icons), black on
// transparent, for the theme to colour; nil for an unknown name.
func Icon(name string) fyne.Resource {
	data, err := icons.ReadFile("icons/" + name + ".svg")
	if err != nil {
		return nil
	}
	return fyne.NewStaticResource(name+".svg", data)
}

//go:embed icons/app.png
var appIcon []byte

// AppIcon is the program's icon (window, task bar, FyneApp.toml).
var AppIcon = fyne.NewStaticResource("app.png", appIcon)
