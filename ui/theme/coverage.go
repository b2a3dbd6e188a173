package theme

import (
	"bytes"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"
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
