package printout

import (
	"strings"
	"sync"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"

	"wegweiser/bidi"
	"wegweiser/linebreak"
)

// How text gets onto the page. gofpdf prints a string left to right in one
// font, with no shaping, no bidi and no font fallback. So each line is
//
//  1. ordered by the Unicode bidi algorithm into runs of one direction, in
//     the order they stand from left to right (package bidi);
//  2. split into pieces of one font family, by what each font has;
//  3. shaped where it is Arabic or Ethiopic script: HarfBuzz (go-text)
//     picks the joined forms and places every glyph, with the font's
//     kerning and each mark over its letter; each glyph is then drawn on
//     its own, at HarfBuzz's position, as the character that the font maps
//     to it (for Arabic mostly one of the Presentation Forms), because
//     gofpdf can only address a glyph through a character. Other
//     right-to-left pieces (spaces, punctuation) are reversed, with
//     mirrored brackets;
//  4. measured with HarfBuzz's advances, or for unshaped text with the
//     advances that gofpdf writes into the PDF, and printed piece after
//     piece from the left;
//  5. marked, where a glyph is drawn as a presentation form, as a span
//     whose ActualText is the letter it stands for: text extraction,
//     search and screen readers get "ش", not "ﺷ". Only single letters are
//     marked: poppler (pdftotext) reverses a multi-character ActualText
//     inside right-to-left text, so a lam-alef ligature stays its
//     presentation form (which NFKC turns into the two letters, in order),
//     and a mark is drawn as itself after its letter.
//
// Lines are broken between words before step 1, as the bidi algorithm
// wants (it reorders each line on its own).

// style is the font size and weight of a piece of text.
type style struct {
	size float64 // points
	bold bool
}

// piece is text in one font, ready to print left to right: either text
// that gofpdf sets with the font's own advances, or, for shaped text,
// glyphs each placed where HarfBuzz put it.
type piece struct {
	fam    family
	bold   bool
	size   float64
	text   string  // the characters drawn (glyphs nil), or the glyphs' characters in visual order
	width  float64 // mm
	glyphs []placedGlyph
}

// placedGlyph is one shaped glyph: the character that the font maps to
// it, and where it goes relative to the piece's start on the baseline (mm,
// y upwards): a mark sits over its letter at HarfBuzz's offset, and the
// letters keep the font's kerning.
type placedGlyph struct {
	r    rune
	x, y float64
	// actual is the letter a presentation form stands for, written as the
	// glyph's ActualText; "" when the glyph is drawn as its own character.
	actual string
}

const ptToMM = 25.4 / 72

// shaper lays out lines; one per document, not safe for concurrent use.
type shaper struct {
	fonts *fontSet
	hb    shaping.HarfbuzzShaper
	words map[lineKey]float64
}

type lineKey struct {
	text string
	lang string
	rtl  bool
	st   style
}

func newShaper(fs *fontSet) *shaper {
	s := &shaper{fonts: fs, words: map[lineKey]float64{}}
	s.hb.SetFontCacheSize(len(fs) * 2)
	return s
}

// clean prepares text from the catalogue for printing: composed
// characters (NFC), no tabs, no characters outside the Basic Multilingual
// Plane (which gofpdf's fonts cannot address), no bidi formatting marks
// other than the isolates that package bidi reads.
func clean(s string) string {
	s = norm.NFC.String(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case r > 0xFFFF:
			return '\uFFFD'
		case r == '\u200E' || r == '\u200F' || (r >= '\u202A' && r <= '\u202E') || r == '\u061C':
			return -1
		}
		return r
	}, s)
}

// lines lays out text in lang (for shaping) with the base direction rtl
// into lines no wider than maxW mm, each a list of pieces from left to
// right. Line breaks in text are kept; an empty line stays empty.
func (s *shaper) lines(text, lang string, rtl bool, st style, maxW float64) [][]piece {
	var out [][]piece
	for _, p := range strings.Split(text, "\n") {
		rs := []rune(p)
		spans := s.breakLines(rs, lang, rtl, st, maxW)
		if len(spans) == 0 {
			out = append(out, nil)
			continue
		}
		// The levels come from the whole paragraph, so that a bracket pair
		// broken over two lines still pairs; each line is then reordered on
		// its own.
		levels := bidi.Levels(rs, rtl)
		for _, sp := range spans {
			line := rs[sp[0]:sp[1]]
			out = append(out, s.pieces(bidi.VisualRuns(line, bidi.LineLevels(line, levels[sp[0]:sp[1]], rtl)), lang, st))
		}
	}
	return out
}

// pieces turns the runs of a line, in visual order, into pieces to print.
func (s *shaper) pieces(runs []bidi.Run, lang string, st style) []piece {
	var out []piece
	for _, run := range runs {
		segs := s.segments([]rune(run.Text))
		if run.RTL {
			for i := len(segs) - 1; i >= 0; i-- {
				out = append(out, s.rightToLeft(segs[i], lang, st))
			}
			continue
		}
		for _, seg := range segs {
			if seg.fam == ethiopic {
				out = append(out, s.shape(seg.runes, ethiopic, false, lang, st))
				continue
			}
			out = append(out, s.measure(seg.fam, st, string(dropIgnorables(seg.runes))))
		}
	}
	return merge(out)
}

// wordWidth is the width of a word (or part of one) printed on its own.
func (s *shaper) wordWidth(word []rune, lang string, rtl bool, st style) float64 {
	key := lineKey{string(word), lang, rtl, st}
	if w, ok := s.words[key]; ok {
		return w
	}
	levels := bidi.LineLevels(word, bidi.Levels(word, rtl), rtl)
	w := width(s.pieces(bidi.VisualRuns(word, levels), lang, st))
	s.words[key] = w
	return w
}

// merge joins neighbouring unshaped pieces of the same font.
func merge(ps []piece) []piece {
	var out []piece
	for _, p := range ps {
		if p.text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].glyphs == nil && p.glyphs == nil &&
			out[n-1].fam == p.fam && out[n-1].bold == p.bold && out[n-1].size == p.size {
			out[n-1].text += p.text
			out[n-1].width += p.width
			continue
		}
		out = append(out, p)
	}
	return out
}

// width is the width of a laid-out line in mm.
func width(ps []piece) float64 {
	w := 0.0
	for _, p := range ps {
		w += p.width
	}
	return w
}

func (s *shaper) measure(fam family, st style, text string) piece {
	f := s.fonts.get(fam, st.bold)
	units := 0
	for _, r := range text {
		units += f.advance(r)
	}
	return piece{fam: fam, bold: st.bold, size: st.size, text: text, width: float64(units) * st.size * ptToMM / 1000}
}

// segment is a stretch of a run drawn in one family, in logical order.
type segment struct {
	fam   family
	runes []rune
}

// strongFamily is the family a letter asks for (the font of its script,
// as on screen); characters of no script ask for none.
func strongFamily(r rune) (family, bool) {
	s, ok := bidi.ScriptOfRune(r)
	return familyOf[s], ok
}

// familyOf is the printed font family of each script.
var familyOf = map[bidi.Script]family{bidi.Latin: latin, bidi.Arabic: arabic, bidi.Ethiopic: ethiopic}

// isIgnorable is a default-ignorable character that shaping reads (zero
// width non-joiner and joiner, as in Persian "می‌خواهند") and nothing draws.
func isIgnorable(r rune) bool {
	return r == '\u200C' || r == '\u200D' || r == '\u2060' || r == '\uFEFF' || r == '\u00AD'
}

func dropIgnorables(rs []rune) []rune {
	out := rs[:0:0]
	for _, r := range rs {
		if !isIgnorable(r) {
			out = append(out, r)
		}
	}
	return out
}

// segments splits the runes of one bidi run by font family. A letter takes
// its script's family when that font has it; other characters stay with
// the letter before them (or else after them) when its font has them, so
// that spaces and punctuation inside Arabic or Ethiopic text use the same
// font; whatever is left takes the first family that has it.
func (s *shaper) segments(rs []rune) []segment {
	fams := make([]family, len(rs))
	known := make([]bool, len(rs))
	for i, r := range rs {
		if f, ok := strongFamily(r); ok && s.fonts.has(f, r) {
			fams[i], known[i] = f, true
		}
	}
	prev := -1
	for i, r := range rs {
		if known[i] {
			prev = i
			continue
		}
		if isIgnorable(r) {
			if prev >= 0 {
				fams[i] = fams[prev]
			}
			continue
		}
		if prev >= 0 && s.fonts.has(fams[prev], r) {
			fams[i] = fams[prev]
			continue
		}
		next := -1
		for j := i + 1; j < len(rs); j++ {
			if known[j] {
				next = j
				break
			}
		}
		if next >= 0 && s.fonts.has(fams[next], r) {
			fams[i] = fams[next]
			continue
		}
		fams[i] = latin
		for _, f := range []family{latin, arabic, ethiopic} {
			if s.fonts.has(f, r) {
				fams[i] = f
				break
			}
		}
	}
	var out []segment
	for i, r := range rs {
		if n := len(out); n > 0 && out[n-1].fam == fams[i] {
			out[n-1].runes = append(out[n-1].runes, r)
			continue
		}
		out = append(out, segment{fam: fams[i], runes: []rune{r}})
	}
	return out
}

// rightToLeft lays out a segment of a right-to-left run in visual order.
func (s *shaper) rightToLeft(seg segment, lang string, st style) piece {
	if seg.fam == arabic && hasArabicLetter(seg.runes) {
		return s.shape(seg.runes, arabic, true, lang, st)
	}
	rs := dropIgnorables(seg.runes)
	rev := make([]rune, len(rs))
	for i, r := range rs {
		rev[len(rs)-1-i] = bidi.Mirror(r)
	}
	p := s.measure(seg.fam, st, string(rev))
	// Spaces and punctuation inside right-to-left text are placed one by
	// one, so that each can say it belongs to the right-to-left text.
	f := s.fonts.get(seg.fam, st.bold)
	x := 0.0
	for i, r := range rev {
		logical := rs[len(rs)-1-i] // a mirrored bracket stands for its partner
		p.glyphs = append(p.glyphs, placedGlyph{r: r, x: x, actual: neutralInRTL(logical)})
		x += float64(f.advance(r)) * st.size * ptToMM / 1000
	}
	return p
}

// neutralInRTL is the ActualText of a space or punctuation mark inside
// right-to-left text: the character between two right-to-left marks
// (U+200F, invisible). Text extraction (poppler's pdftotext) otherwise
// gives such a character to a neighbouring Latin word and scrambles mixed
// phrases: "برنامج WIR – شبكات" came out as "برنامج – WIRشبكات". ""
// for letters and digits, which extract as they are.
func neutralInRTL(r rune) string {
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
		return ""
	}
	return "\u200F" + string(r) + "\u200F"
}

func hasArabicLetter(rs []rune) bool {
	for _, r := range rs {
		if unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// shapeMu serializes shaping: documents made at the same time share the
// parsed fonts, whose glyph-extents cache is not safe for concurrent use.
var shapeMu sync.Mutex

// shape shapes a segment of Arabic (right to left) or Ethiopic (left to
// right) script with HarfBuzz and places its glyphs: in visual order, at
// HarfBuzz's advances and offsets, each drawn as the character that the
// font maps to it. A cluster with a glyph that no character maps to (rare:
// a contextual variant) is drawn as the characters it was made from.
func (s *shaper) shape(rs []rune, fam family, rtl bool, lang string, st style) piece {
	f := s.fonts.get(fam, st.bold)
	dir, script := di.DirectionLTR, language.Ethiopic
	if rtl {
		dir, script = di.DirectionRTL, language.Arabic
	}
	shapeMu.Lock() // the shared faces cache glyph extents while shaping
	out := s.hb.Shape(shaping.Input{
		Text: rs, RunStart: 0, RunEnd: len(rs),
		Direction: dir,
		Face:      f.face,
		Size:      fixed.I(int(f.upem)), // positions come out in font units
		Script:    script,
		Language:  language.NewLanguage(lang),
	})
	shapeMu.Unlock()
	scale := st.size * ptToMM / f.upem / 64 // 26.6 font units to mm
	p := piece{fam: fam, bold: st.bold, size: st.size}
	var text strings.Builder
	pen := fixed.Int26_6(0)
	gs := out.Glyphs
	for i := 0; i < len(gs); {
		j := i
		for j < len(gs) && gs[j].ClusterIndex == gs[i].ClusterIndex {
			j++
		}
		cluster := clusterRunes(rs, gs[i])
		if len(dropIgnorables(cluster)) == 0 { // a zero width non-joiner: it did its work in shaping
			for _, g := range gs[i:j] {
				pen += g.XAdvance
			}
			i = j
			continue
		}
		placed, ok := placeCluster(f, gs[i:j], cluster, pen, scale)
		if !ok { // draw the characters themselves, with their own advances
			chars := dropIgnorables(cluster)
			if rtl {
				chars = reversed(chars)
			}
			x := float64(pen) * scale
			for _, r := range chars {
				placed = append(placed, placedGlyph{r: r, x: x})
				x += float64(f.advance(r)) * st.size * ptToMM / 1000
			}
		}
		for _, g := range gs[i:j] {
			pen += g.XAdvance
		}
		for k, g := range placed {
			text.WriteRune(g.r)
			if base, ok := nominal(g.r, cluster); ok {
				placed[k].actual = string(base)
			} else if rtl {
				placed[k].actual = neutralInRTL(g.r)
			}
		}
		p.glyphs = append(p.glyphs, placed...)
		i = j
	}
	p.text, p.width = text.String(), float64(pen)*scale
	return p
}

// placeCluster places the glyphs of one cluster from pen on; ok is false
// when a glyph cannot be written as a character of the font.
func placeCluster(f *face, gs []shaping.Glyph, cluster []rune, pen fixed.Int26_6, scale float64) ([]placedGlyph, bool) {
	out := make([]placedGlyph, 0, len(gs))
	for _, g := range gs {
		r, ok := glyphRune(f, g.GlyphID, cluster)
		if !ok {
			return nil, false
		}
		out = append(out, placedGlyph{r: r, x: float64(pen+g.XOffset) * scale, y: float64(g.YOffset) * scale})
		pen += g.XAdvance
	}
	return out, true
}

// nominal is the character of the cluster that a drawn presentation form
// stands for, when exactly one does: the form's compatibility
// decomposition is that character.
func nominal(drawn rune, cluster []rune) (rune, bool) {
	if !isPresentationForm(drawn) {
		return 0, false
	}
	d := []rune(norm.NFKC.String(string(drawn)))
	if len(d) != 1 {
		return 0, false
	}
	for _, r := range cluster {
		if r == d[0] {
			return r, true
		}
	}
	return 0, false
}

func reversed(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[len(rs)-1-i] = r
	}
	return out
}

// clusterRunes are the characters a glyph's cluster was made from.
func clusterRunes(rs []rune, g shaping.Glyph) []rune {
	end := min(g.ClusterIndex+g.RuneCount, len(rs))
	if g.ClusterIndex >= end {
		return nil
	}
	return rs[g.ClusterIndex:end]
}

// glyphRune finds the character to print for a glyph: one of the cluster's
// own characters when the font maps it to the glyph, or else the character
// (a presentation form) that the font's cmap maps to it.
func glyphRune(f *face, g font.GID, cluster []rune) (rune, bool) {
	if g == 0 {
		return 0, false
	}
	for _, r := range cluster {
		if gg, ok := f.face.NominalGlyph(r); ok && gg == g {
			return r, true
		}
	}
	r, ok := f.glyph[g]
	return r, ok
}

// breakLines breaks a paragraph into lines no wider than maxW mm where
// Unicode's line breaking rules allow (package linebreak, as on screen),
// and returns each line's start and end. A word wider than a line (a long
// URL) is broken between grapheme clusters, after a separator where it can.
func (s *shaper) breakLines(rs []rune, lang string, rtl bool, st style, maxW float64) [][2]int {
	var out [][2]int
	for _, sp := range linebreak.Wrap(rs, maxW, func(part []rune) float64 { return s.wordWidth(part, lang, rtl, st) }) {
		out = append(out, [2]int{sp.Start, sp.End})
	}
	return out
}
