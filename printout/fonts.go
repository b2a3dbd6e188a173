package printout

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/go-text/typesetting/font"

	"wegweiser/assets"
)

// family is one of the embedded font families. gofpdf has no font
// fallback: every piece of a line is drawn in the one family that has its
// characters.
type family int

const (
	latin    family = iota // Noto Sans: Latin, Cyrillic, Greek, digits, punctuation
	arabic                 // Noto Sans Arabic: Arabic script, with presentation forms
	ethiopic               // Noto Sans Ethiopic: Ge'ez script; no Latin letters, no ASCII digits
	families
)

// pdfName is the family's name inside the PDF.
var pdfName = [families]string{"NotoSans", "NotoSansArabic", "NotoSansEthiopic"}

// face is one font file: its bytes for gofpdf, its parsed form for shaping
// and measuring, and the way back from glyph to character.
type face struct {
	data  []byte
	face  *font.Face
	upem  float64
	glyph map[font.GID]rune // a character that the cmap maps to the glyph; presentation forms when nothing else does
}

type fontSet [families][2]*face // [family][bold]

var loadFonts = sync.OnceValues(func() (*fontSet, error) {
	var fs fontSet
	for fam, res := range [families][2][]byte{
		{assets.LatinRegular.Data, assets.LatinBold.Data},
		{assets.ArabicRegular.Data, assets.ArabicBold.Data},
		{assets.EthiopicRegular.Data, assets.EthiopicBold.Data},
	} {
		for bold, data := range res {
			f, err := font.ParseTTF(bytes.NewReader(data))
			if err != nil {
				return nil, fmt.Errorf("font %s: %w", pdfName[fam], err)
			}
			fc := &face{data: data, face: f, upem: float64(f.Upem()), glyph: map[font.GID]rune{}}
			it := f.Cmap.Iter()
			for it.Next() {
				r, g := it.Char()
				if old, ok := fc.glyph[g]; !ok || preferred(r, old) {
					fc.glyph[g] = r
				}
			}
			fs[fam][bold] = fc
		}
	}
	return &fs, nil
})

// preferred says whether r is the better character to stand for a glyph
// than old: a character of the basic blocks rather than a presentation
// form (the text read out of the PDF stays the text), and within a group
// the lower code point.
func preferred(r, old rune) bool {
	if isPresentationForm(r) != isPresentationForm(old) {
		return !isPresentationForm(r)
	}
	return r < old
}

func isPresentationForm(r rune) bool {
	return r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF
}

func (fs *fontSet) get(fam family, bold bool) *face {
	if bold {
		return fs[fam][1]
	}
	return fs[fam][0]
}

// has reports whether the family has a glyph for r.
func (fs *fontSet) has(fam family, r rune) bool {
	_, ok := fs[fam][0].face.NominalGlyph(r)
	return ok
}

// advance is the width of r in thousandths of the font size, rounded as
// gofpdf writes it into the PDF, so that what is measured is what is drawn.
func (f *face) advance(r rune) int {
	g, ok := f.face.NominalGlyph(r)
	if !ok {
		g = 0
	}
	return int(float64(f.face.HorizontalAdvance(g))*1000/f.upem + 0.5)
}
