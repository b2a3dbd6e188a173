package theme

import (
	"bytes"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"

	"wegweiser/ui/bidi"
)

// Fyne draws the parts of a text that one font lacks with another font, and
// lays those parts out left to right in the order they are stored. Inside a
// right-to-left run that reverses the sentence around, say, a "·" or a „
// that the Arabic font lacks. So the kiosk splits its runs itself where the
// font changes (see widgets.Paragraph) and uses Covers to know where.

var (
	facesMu sync.Mutex
	faces   = map[string]*font.Face{}
)

// Covers reports whether the font res has a glyph for r.
func Covers(res fyne.Resource, r rune) bool {
	facesMu.Lock()
	face, ok := faces[res.Name()]
	if !ok {
		face, _ = font.ParseTTF(bytes.NewReader(res.Content()))
		faces[res.Name()] = face
	}
	facesMu.Unlock()
	if face == nil {
		return false
	}
	_, has := face.NominalGlyph(r)
	return has
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
