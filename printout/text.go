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
//  3. shaped where it is Arabic script and right to left: HarfBuzz picks
//     the joined forms, and each glyph is written as the character the
//     font maps to it, mostly from the Arabic Presentation Forms blocks, in
//     visual order; other right-to-left pieces (spaces, punctuation) are
//     reversed, with mirrored brackets;
//  4. measured with the same advances that gofpdf writes into the PDF, and
//     printed piece after piece from the left.
//
// Lines are broken between words before step 1, as the bidi algorithm
// wants (it reorders each line on its own).

// style is the font size and weight of a piece of text.
type style struct {
	size float64 // points
	bold bool
}

// piece is text in one font, ready to print left to right.
type piece struct {
	fam   family
	bold  bool
	size  float64
	text  string
	width float64 // mm
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

// merge joins neighbouring pieces of the same font.
func merge(ps []piece) []piece {
	var out []piece
	for _, p := range ps {
		if p.text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].fam == p.fam && out[n-1].bold == p.bold && out[n-1].size == p.size {
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
		return s.measure(arabic, st, s.shapeArabic(seg.runes, lang, st.bold))
	}
	rs := dropIgnorables(seg.runes)
	rev := make([]rune, len(rs))
	for i, r := range rs {
		rev[len(rs)-1-i] = bidi.Mirror(r)
	}
	return s.measure(seg.fam, st, string(rev))
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

// shapeArabic shapes right-to-left Arabic-script text with HarfBuzz and
// writes each glyph as the character that the font maps to it: the joined
// forms come out as Arabic Presentation Forms, in visual order. A glyph that
// no character maps to (rare: a contextual variant) is written as the
// characters it was made from.
func (s *shaper) shapeArabic(rs []rune, lang string, bold bool) string {
	f := s.fonts.get(arabic, bold)
	shapeMu.Lock() // the shared faces cache glyph extents while shaping
	defer shapeMu.Unlock()
	out := s.hb.Shape(shaping.Input{
		Text: rs, RunStart: 0, RunEnd: len(rs),
		Direction: di.DirectionRTL,
		Face:      f.face,
		Size:      fixed.I(10),
		Script:    language.Arabic,
		Language:  language.NewLanguage(lang),
	})
	var b strings.Builder
	gs := out.Glyphs
	for i := 0; i < len(gs); {
		j := i
		for j < len(gs) && gs[j].ClusterIndex == gs[i].ClusterIndex {
			j++
		}
		cluster := clusterRunes(rs, gs[i])
		writeCluster(&b, f, gs[i:j], cluster)
		i = j
	}
	return b.String()
}

// clusterRunes are the characters a glyph's cluster was made from.
func clusterRunes(rs []rune, g shaping.Glyph) []rune {
	end := min(g.ClusterIndex+g.RuneCount, len(rs))
	if g.ClusterIndex >= end {
		return nil
	}
	return rs[g.ClusterIndex:end]
}

// writeCluster writes the glyphs of one cluster: spacing glyphs first, then
// marks (zero advance), which gofpdf then prints over the letter before
// them.
func writeCluster(b *strings.Builder, f *face, gs []shaping.Glyph, cluster []rune) {
	if len(dropIgnorables(cluster)) == 0 {
		return // a zero width non-joiner: it did its work in shaping
	}
	chars := make([]rune, 0, len(gs))
	var marks []rune
	for _, g := range gs {
		r, ok := glyphRune(f, g.GlyphID, cluster)
		if !ok {
			b.WriteString(string(dropIgnorables(cluster)))
			return
		}
		if g.XAdvance == 0 {
			marks = append(marks, r)
		} else {
			chars = append(chars, r)
		}
	}
	b.WriteString(string(chars))
	b.WriteString(string(marks))
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
