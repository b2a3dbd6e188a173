package theme

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"wegweiser/bidi"
)

// alphabets are the letters of each visitor language, as a reader expects
// them drawn.
var alphabets = map[string]string{
	"de": "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜẞ abcdefghijklmnopqrstuvwxyzäöüß",
	"en": "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz",
	"tr": "ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ abcçdefgğhıijklmnoöprsştuüvyz",
	"pl": "AĄBCĆDEĘFGHIJKLŁMNŃOÓPRSŚTUWYZŹŻ aąbcćdeęfghijklłmnńoóprsśtuwyzźż",
	"ro": "AĂÂBCDEFGHIÎJKLMNOPQRSȘTȚUVWXYZ aăâbcdefghiîjklmnopqrsștțuvwxyz",
	"ku": "ABCÇDEÊFGHIÎJKLMNOPQRSŞTUÛVWXYZ abcçdeêfghiîjklmnopqrsştuûvwxyz",
	"ru": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
	"uk": "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
	"ar": "ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي ء آ أ إ ؤ ئ ة ى ٠١٢٣٤٥٦٧٨٩",
	"fa": "ا ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی ۰۱۲۳۴۵۶۷۸۹",
	"ti": "ሀ ለ ሐ መ ሠ ረ ሰ ሸ ቀ ቐ በ ቨ ተ ቸ ኀ ነ ኘ አ ከ ኸ ወ ዐ ዘ ዠ የ ደ ጀ ገ ጠ ጨ ጰ ጸ ፀ ፈ ፐ ምኽሪ ሓገዝ",
}

// TestEveryLetterIsDrawnWithItsOwnGlyph shapes each alphabet as Fyne does
// (go-text's HarfBuzz, split by go-text's segmenter, no language given)
// with the font the kiosk draws that script with, and checks each letter's
// glyph: in Latin and Cyrillic the glyph the font's character map names
// (a substitute glyph drew the Ukrainian і without its dot), in Arabic and
// Ethiopic a glyph at all (Arabic letters take positional forms).
func TestEveryLetterIsDrawnWithItsOwnGlyph(t *testing.T) {
	for lang, letters := range alphabets {
		script := ScriptOfLanguage(lang)
		for _, bold := range []bool{false, true} {
			res := FontFor(script, bold)
			face := parseFace(t, res)
			runes := []rune(letters)
			in := shaping.Input{Text: runes, RunEnd: len(runes), Direction: di.DirectionLTR, Face: face, Size: fixed.I(20)}
			for _, run := range (&shaping.Segmenter{}).Split(in, singleFace{face}) {
				out := (&shaping.HarfbuzzShaper{}).Shape(run)
				for _, g := range out.Glyphs {
					r := runes[g.ClusterIndex]
					if r == ' ' {
						continue
					}
					want, ok := face.Cmap.Lookup(r)
					switch {
					case !ok || g.GlyphID == 0:
						t.Errorf("%s (bold %v): %q (U+%04X) has no glyph in %s", lang, bold, r, r, res.Name())
					case script != bidi.Arabic && script != bidi.Ethiopic && g.GlyphID != want:
						t.Errorf("%s (bold %v): %q (U+%04X) drawn as glyph %d, the font's own is %d", lang, bold, r, r, g.GlyphID, want)
					}
				}
			}
		}
	}
}

func parseFace(t *testing.T, res fyne.Resource) *font.Face {
	t.Helper()
	face, err := font.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		t.Fatalf("%s: %v", res.Name(), err)
	}
	return face
}

// singleFace is a font map of one face, as a paragraph run is drawn.
type singleFace struct{ face *font.Face }

func (s singleFace) ResolveFace(rune) *font.Face { return s.face }
