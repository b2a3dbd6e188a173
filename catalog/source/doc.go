// Package source reads a catalogue's source folder, the TOML files that
// authors write (see shared/spec/catalog-source.md), checks every rule of the
// format, and returns the content with every problem found, each at its
// file and line.
package source
