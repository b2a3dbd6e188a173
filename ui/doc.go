// Package ui is the kiosk's visitor interface: the welcome screen with its
// language choice, the district's home screen, offers, brochures, events,
// search with an on-screen keyboard, the visitor's list, the idle reset and
// the hidden staff entry. Everything a visitor does lives in one session,
// cleared when they leave.
//
// Sub-packages: theme (look and fonts), widgets (direction-aware text,
// touch tiles, keyboard), bidi (ordering of mixed-direction lines).
package ui
