package ui

import (
	"log/slog"
	"time"

	kiosktheme "wegweiser/ui/theme"
)

// WarmUp does once, while the welcome screen waits for a visitor, what the
// first screens of a visit would otherwise do while the visitor waits:
// reading the embedded fonts and the search documents of the kiosk's
// district in every language it offers (about 100 ms in all, and 14 MB, on
// the national catalogue). StartTimers runs it after the first frame, and
// the kiosk again when it switches to a newly installed catalogue.
func (k *Kiosk) WarmUp() {
	start := time.Now()
	kiosktheme.Warm()
	for _, lang := range k.langs {
		if err := k.cat.In(lang).PrepareSearch(k.district); err != nil {
			slog.Warn("preparing search", "language", lang, "error", err)
			return
		}
	}
	slog.Debug("warmed up", "took", time.Since(start))
}
