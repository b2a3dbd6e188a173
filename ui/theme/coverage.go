package theme

import (
	"bytes"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"

	"wegweiser/bidi"
)

// Fyne draws the parts of a text that one font lacks with another font, and
// lays those parts out left to right in the order they are stored. Inside a
// right-to-left run that reverses the sentence around, say, a "·" or a „
// that the Arabic font lacks. So the kiosk splits its runs itself where the
// font changes (see widgets.Paragraph) and uses Covers to know where.

var (
	cmapsMu sync.Mutex
	cmaps   = map[fyne.Resource]font.Cmap{} // nil when unreadable; by resource, not name (Fyne's Noto Sans and ours share a name)
)

// Covers reports whether the font res has a glyph for r. It reads only the
// font's character map (the whole font is parsed by Fyne when it draws).
func Covers(res fyne.Resource, r rune) bool {
	cmapsMu.Lock()
	cmap, ok := cmaps[res]
	if !ok {
		cmap = readCmap(res.Content())
		cmaps[res] = cmap
	}
	cmapsMu.Unlock()
	if cmap == nil {
		return false
	}
	_, has := cmap.Lookup(r)
	return has
}

// readCmap reads the character map of an OpenType font, or nil.
func readCmap(data []byte) font.Cmap {
	loader, err := opentype.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	raw, err := loader.RawTable(opentype.MustNewTag("cmap"))
	if err != nil {
		return nil
	}
	table, _, err := tables.ParseCmap(raw)
	if err != nil {
		return nil
	}
	cmap, _, err := font.ProcessCmap(table, 0)
	if err != nil {
		return nil
	}
	return cmap
}

// Covering is the font to draw r with: preferred when it has r, else the
// first of the kiosk's fonts (Latin, Arabic, Ethiopic, in the same weight)
// that has it, else preferred.
func Covering(r rune, preferred fyne.Resource, bold bool) fyne.Resource {
	if Covers(preferred, r) {
		return preferred
	}
	for _, s := range []bidi.Script{bidi.Latin, bidi.Arabic, bidi.Ethiopic} {
		if f := FontFor(s, bold); Covers(f, r) {
			return f
		}
	}
	return preferred
}
