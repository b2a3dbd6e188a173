package printout

import (
	"math"
	"strings"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

func testShaper(t *testing.T) *shaper {
	t.Helper()
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	return newShaper(fs)
}

// oneLine lays out text on one line and describes its pieces from left to
// right as "family:text".
func oneLine(t *testing.T, s *shaper, text, lang string, rtl bool) []piece {
	t.Helper()
	lines := s.lines(text, lang, rtl, style{size: 10}, 1e6)
	if len(lines) != 1 {
		t.Fatalf("%q: %d lines", text, len(lines))
	}
	return lines[0]
}

func visual(ps []piece) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.text)
	}
	return b.String()
}

func TestArabicIsJoined(t *testing.T) {
	s := testShaper(t)
	for _, tc := range []struct {
		text, lang string
		want       []rune // presentation forms that must appear
	}{
		{"بيت", "ar", []rune{'\uFE91', '\uFEF4', '\uFE96'}},  // beh initial, yeh medial, teh final
		{"سلام", "ar", []rune{'\uFEB3', '\uFEFC'}},           // seen initial, lam-alef final
		{"لا إله", "ar", []rune{'\uFEFB'}},                   // the lam-alef ligature
		{"می\u200cخواهند", "fa", []rune{'\uFEE3', '\uFBFD'}}, // meem initial, Farsi yeh final before the ZWNJ
	} {
		got := visual(oneLine(t, s, tc.text, tc.lang, true))
		for _, r := range tc.want {
			if !strings.ContainsRune(got, r) {
				t.Errorf("%q: %U missing from %q", tc.text, r, got)
			}
		}
		if strings.ContainsRune(got, '\u200C') {
			t.Errorf("%q: the zero width non-joiner is printed", tc.text)
		}
	}
	// Visual order: the first letter of "سلام" is drawn last, on the right.
	got := []rune(visual(oneLine(t, s, "سلام", "ar", true)))
	if got[len(got)-1] != '\uFEB3' {
		t.Errorf("سلام drawn as %q", string(got))
	}
}

func TestMixedLinesInOrder(t *testing.T) {
	s := testShaper(t)
	describe := func(ps []piece) string {
		var parts []string
		for _, p := range ps {
			parts = append(parts, pdfName[p.fam]+":"+p.text)
		}
		return strings.Join(parts, " | ")
	}
	for _, tc := range []struct {
		text  string
		rtl   bool
		left  string // the leftmost piece
		right string // the rightmost piece, or "" to skip
	}{
		// A phone number after an Arabic label keeps its order, on the left.
		{"الهاتف: " + isolate("040/42863-3345"), true, "NotoSans:040/42863-3345", ""},
		// A Latin name with brackets at the end of an Arabic line keeps both brackets.
		{"السؤال: Knappschaft-Bahn-See (DRV KBS)", true, "NotoSans:Knappschaft-Bahn-See (DRV KBS)", ""},
		// A line of a right-to-left paragraph that holds only Latin text stays as it is.
		{"Knappschaft-Bahn-See (DRV KBS)", true, "NotoSans:Knappschaft-Bahn-See (DRV KBS)", "NotoSans:Knappschaft-Bahn-See (DRV KBS)"},
		// Brackets around Arabic are mirrored: the closing one is drawn on the left as "(".
		{"مرحبا (عالم)", true, "NotoSans:(", ""},
		// Arabic inside a German sentence.
		{"Sprache: العربية", false, "NotoSans:Sprache: ", ""},
		// Tigrinya with digits: the Ethiopic font has no ASCII digits.
		{"ሰዓታት 8:00", false, "NotoSansEthiopic:ሰዓታት ", "NotoSans:8:00"},
	} {
		ps := oneLine(t, s, tc.text, "ar", tc.rtl)
		got := describe(ps)
		if !strings.HasPrefix(got, tc.left) || (tc.right != "" && !strings.HasSuffix(got, tc.right)) {
			t.Errorf("%q:\n got %s\nwant %s … %s", tc.text, got, tc.left, tc.right)
		}
	}
}

func TestWrapKeepsWordsWhole(t *testing.T) {
	s := testShaper(t)
	for _, tc := range []struct{ text, lang string }{
		{"مشاريع المهاجرين توفّر فرص عمل، وتعيد الحياة إلى وسط المدن، وتساهم في الاندماج. لذلك أنشأت مقاطعتا كلوبنبورغ وهولتسميندن ومقاطعة فيرا-مايسنر مع جامعة HAWK، ضمن مشروع MIGOEK، نظاماً من الاستشارة والتشبيك والتدريب.", "ar"},
		{"Підприємства мігрантів створюють робочі місця, пожвавлюють центри міст і сприяють інтеграції.", "uk"},
		{"ትካላት ስደተኛታት ዕድል ስራሕ ይፈጥሩ፣ ማእከል ከተማታት የንቕሑ፣ ንውህደት’ውን ይሕግዙ።", "ti"},
	} {
		rtl := tc.lang == "ar"
		rs := []rune(tc.text)
		spans := s.breakLines(rs, tc.lang, rtl, style{size: 10}, 60)
		if len(spans) < 2 {
			t.Errorf("%s: not broken: %d lines", tc.lang, len(spans))
		}
		var words []string
		for _, sp := range spans {
			line := string(rs[sp[0]:sp[1]])
			words = append(words, strings.Fields(line)...)
			w := 0.0
			for _, p := range s.lines(line, tc.lang, rtl, style{size: 10}, 1e6)[0] {
				w += p.width
			}
			if w > 60.01 {
				t.Errorf("%s: line %q is %.1f mm wide", tc.lang, line, w)
			}
		}
		if strings.Join(words, " ") != strings.Join(strings.Fields(tc.text), " ") {
			t.Errorf("%s: words changed by breaking", tc.lang)
		}
	}
	// A URL longer than the line is broken after a slash or a hyphen.
	rs := []rune("https://www.netzwerk-iq.de/foerderprogramm-iq/fachstellen/fachstelle-migrantenoekonomie")
	spans := s.breakLines(rs, "de", false, style{size: 10}, 40)
	var parts []string
	for i, sp := range spans {
		part := string(rs[sp[0]:sp[1]])
		parts = append(parts, part)
		if i < len(spans)-1 && !strings.HasSuffix(part, "/") && !strings.HasSuffix(part, "-") {
			t.Errorf("URL broken inside a word: %q", parts)
		}
	}
	if len(spans) < 2 || strings.Join(parts, "") != string(rs) {
		t.Errorf("URL broken as %q", parts)
	}
}

func TestSegmentsUseFontsThatHaveTheCharacters(t *testing.T) {
	s := testShaper(t)
	for _, text := range []string{"ሆልትስሚንደን 37603 (BMAS)", "مقاطعة (هولتسميندن) ٢٠٢٦ – 2026", "Гольцмінден «Wir gründen» Türkçe"} {
		for _, seg := range s.segments([]rune(text)) {
			for _, r := range seg.runes {
				if !unicode.IsSpace(r) && !isIgnorable(r) && !s.fonts.has(seg.fam, r) {
					t.Errorf("%q: %q in %s, which lacks it", text, r, pdfName[seg.fam])
				}
			}
		}
	}
}

// Issue 12: Arabic and Persian marks were drawn one letter off ("توفّر" had
// its shadda over و, "أهلاً" its tanween over ه, "صِف" its kasra beside the
// letter). Each glyph now stands where HarfBuzz (go-text) puts it, and each
// mark lies over (or under) the letter it belongs to.
func TestMarksSitOnTheirLetter(t *testing.T) {
	s := testShaper(t)
	for _, tc := range []struct {
		text       string
		mark, base rune // base: the letter (or the first letter of the ligature) the mark belongs to
	}{
		{"توفّر", '\u0651', 'ف'},
		{"أهلاً", '\u064B', 'ل'}, // over the lam-alef ligature
		{"صِف", '\u0650', 'ص'},
		{"مُهمّة", '\u0651', 'م'},
	} {
		st := style{size: 10}
		p := s.shape([]rune(tc.text), arabic, true, "ar", st)
		f := s.fonts.get(arabic, false)

		// The same positions as HarfBuzz's own output.
		out := s.hb.Shape(shaping.Input{Text: []rune(tc.text), RunEnd: len([]rune(tc.text)), Direction: di.DirectionRTL,
			Face: f.face, Size: fixed.I(int(f.upem)), Script: language.Arabic, Language: language.NewLanguage("ar")})
		if len(out.Glyphs) != len(p.glyphs) {
			t.Fatalf("%s: %d glyphs placed, HarfBuzz has %d", tc.text, len(p.glyphs), len(out.Glyphs))
		}
		scale := st.size * ptToMM / f.upem / 64
		pen := fixed.Int26_6(0)
		for i, g := range out.Glyphs {
			if x, y := float64(pen+g.XOffset)*scale, float64(g.YOffset)*scale; math.Abs(p.glyphs[i].x-x) > 1e-9 || math.Abs(p.glyphs[i].y-y) > 1e-9 {
				t.Errorf("%s: glyph %d at %.3f/%.3f mm, HarfBuzz says %.3f/%.3f", tc.text, i, p.glyphs[i].x, p.glyphs[i].y, x, y)
			}
			pen += g.XAdvance
		}

		// The mark's centre lies within its letter's advance.
		var mark, base *placedGlyph
		var baseW float64
		for i := range p.glyphs {
			g := &p.glyphs[i]
			switch d := []rune(norm.NFKC.String(string(g.r))); {
			case g.r == tc.mark:
				mark = g
			case len(d) > 0 && d[0] == tc.base && base == nil:
				base = g
				baseW = float64(out.Glyphs[i].XAdvance) * scale
			}
		}
		if mark == nil || base == nil {
			t.Fatalf("%s: mark or letter not found in %q", tc.text, p.text)
		}
		// A mark has no advance; its ink lies around its origin.
		gid, _ := f.face.NominalGlyph(mark.r)
		ext, _ := f.face.GlyphExtents(gid)
		unit := st.size * ptToMM / f.upem
		if c := mark.x + float64(ext.XBearing+ext.Width/2)*unit; c < base.x || c > base.x+baseW {
			t.Errorf("%s: the mark's centre at %.2f mm is not over its letter at %.2f–%.2f mm", tc.text, c, base.x, base.x+baseW)
		}
	}
}
