package assets

import (
	"embed"
)

//go:embed icons/*.svg
var icons embed.FS

// Icon returns one of the app's icons by name (see catalog.Icons) as SVG,
// black on transparent, for the theme to colour; nil for an unknown name.
func Icon(name string) []byte {
	data, err := icons.ReadFile("icons/" + name + ".svg")
	if err != nil {
		return nil
	}
	return data
}

//go:embed icons/app.png
var appIcon []byte

// AppIcon is the program's icon (window, task bar, FyneApp.toml), as PNG.
var AppIcon = appIcon
