// Package widgets holds the kiosk's own widgets: text that knows its
// direction (Fyne has no right-to-left layout), large touch tiles, the
// on-screen keyboard and the hidden staff corner.
package widgets
