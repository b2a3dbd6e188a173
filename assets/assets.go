// Package assets holds what is built into the binary: the sample catalogue's
// source folder, fonts with their licences, and icons.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed sample
var sample embed.FS

// SampleSource is the source folder of the built-in sample catalogue, shown
// while no catalogue is installed.
func SampleSource() fs.FS {
	sub, err := fs.Sub(sample, "sample")
	if err != nil {
		panic(err) // the folder is embedded above; this cannot happen
	}
	return sub
}
