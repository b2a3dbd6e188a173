// Package catalog is Wegweiser's domain: the support offers, events and
// brochures of a catalogue, their texts in many languages, and the compiled
// SQLite file in which a catalogue travels to kiosks and is read there.
//
// The authoring side (package catalog/source) turns a folder of TOML files
// into a Content value; Compile writes a Content into one SQLite file; Open
// reads such a file read-only and answers the questions the kiosk, the
// printouts and the command line ask (categories of a district, offers of a
// category, search, one offer in full), always in one visitor language with
// the catalogue's fallback chain.
//
// Nothing here knows about Fyne.
package catalog
