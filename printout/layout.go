package printout

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"wegweiser/bidi"
)

// A page is laid out in blocks: an offer, a brochure section. A block is a
// list of items (lines of text, QR codes, images, rules) placed relative to
// its top. Laying out needs no PDF, so the document is paginated before
// anything is drawn and every footer knows the number of pages.

// A4 portrait, in mm.
const (
	pageW     = 210.0
	pageH     = 297.0
	marginX   = 16.0
	bodyTop   = 31.0 // below the header
	bodyBot   = pageH - 17.0
	contentW  = pageW - 2*marginX
	gutter    = 5.0
	labelW    = 31.0 // the label column of a field row
	labelGap  = 3.0
	blockGap  = 5.0
	bulletIn  = 5.0 // indent of a list item's text
	grayLevel = 90
	fieldSize = 9.5 // body text of an offer
)

type itemKind int

const (
	textItem itemKind = iota
	qrItem
	imageItem
	ruleItem
)

// item is one thing on the page.
type item struct {
	kind itemKind
	x, y float64 // left and top, mm; y relative to the block's top until placed
	w, h float64
	// text
	pieces []piece
	base   float64 // baseline below y
	gray   bool
	// QR code
	modules [][]bool
	// image
	image *imageData
}

// block is a unit of the page flow.
type block struct {
	items []item
	h     float64
	keep  bool // start a new page rather than split it, when it fits on one
}

func (b *block) add(it item) {
	b.items = append(b.items, it)
	if bottom := it.y + it.h; bottom > b.h {
		b.h = bottom
	}
}

// column is a horizontal span of the page that text is set in.
type column struct {
	x, w   float64
	right  bool // aligned to the right edge: a right-to-left layout
	center bool // centred, whatever the direction
}

// inset narrows a column on the side where its lines start.
func (c column) inset(d float64) column {
	if c.right {
		return column{x: c.x, w: c.w - d, right: true}
	}
	return column{x: c.x + d, w: c.w - d}
}

// para is a text to set: its language decides shaping, rtl its base
// direction.
type para struct {
	text string
	lang string
	rtl  bool
	st   style
	gray bool
}

// lineMetrics returns the line height and the baseline below the line's
// top for a size, roomier where Arabic script with its deep descenders
// stands.
func lineMetrics(ps []piece, size float64) (height, base float64) {
	em := size * ptToMM
	for _, p := range ps {
		if p.fam == arabic {
			return 1.62 * em, 1.12 * em
		}
	}
	return 1.38 * em, 1.02 * em
}

// setText lays out p in col from y on and returns the height it takes.
func (d *doc) setText(b *block, col column, y float64, p para) float64 {
	text := clean(p.text)
	top := y
	for _, ps := range d.sh.lines(text, p.lang, p.rtl, p.st, col.w) {
		h, base := lineMetrics(ps, p.st.size)
		if len(ps) > 0 {
			w := width(ps)
			x := col.x
			switch {
			case col.center:
				x = col.x + (col.w-w)/2
			case col.right:
				x = col.x + col.w - w
			}
			b.add(item{kind: textItem, x: x, y: y, w: w, h: h, pieces: ps, base: base, gray: p.gray})
		}
		y += h
	}
	return y - top
}

// directionOf is a text's base direction by its first strong character
// (rules P2 and P3 of the bidi algorithm), for texts of no known language;
// def when it has none.
func directionOf(s string, def bool) bool {
	if rtl, ok := bidi.Direction(s); ok {
		return rtl
	}
	return def
}

// isolate wraps a value that reads left to right (a phone number, an
// e-mail address, a URL) so that it keeps its order as one unit inside
// right-to-left text.
func isolate(s string) string {
	if s == "" {
		return s
	}
	return "\u2066" + s + "\u2069"
}

// ltrToken is text inside right-to-left prose that reads left to right as
// one unit: a URL, an e-mail address, or a number of several groups such
// as a phone number ("05531 707-0", "+49 40 428"). The bidi algorithm
// alone would show "707-0" as "0-707" after Arabic letters.
var ltrToken = regexp.MustCompile(`(?:https?://|www\.)[^\s]+|[^\s@]+@[^\s@]+\.[^\s@]+|\+?[0-9٠-٩۰-۹]+(?:[ ./-][0-9٠-٩۰-۹]+)+`)

// isolateTokens wraps the left-to-right tokens of right-to-left text in
// isolates; punctuation that ends a sentence stays outside.
func isolateTokens(s string) string {
	return ltrToken.ReplaceAllStringFunc(s, func(tok string) string {
		core := strings.TrimRight(tok, ".,;:!?)»”\"'،؛")
		return isolate(core) + tok[len(core):]
	})
}

// paragraphs splits a body text into paragraphs at blank lines and each
// into its lines; a line "- item" is a list item.
func paragraphs(body string) [][]string {
	var out [][]string
	var cur []string
	for _, l := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if strings.TrimSpace(l) == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// listItem reports whether a body line is a list item and returns its text.
func listItem(l string) (string, bool) {
	t := strings.TrimLeft(l, " ")
	for _, m := range []string{"- ", "* ", "• "} {
		if strings.HasPrefix(t, m) {
			return strings.TrimSpace(t[len(m):]), true
		}
	}
	return "", false
}

// setBody lays out a body text: paragraphs with space between them, list
// items with a bullet on the side where lines start and a hanging indent.
func (d *doc) setBody(b *block, col column, y float64, p para) float64 {
	top := y
	for i, lines := range paragraphs(p.text) {
		if i > 0 {
			y += p.st.size * ptToMM * 0.6
		}
		var run []string // consecutive lines of running text
		flush := func() {
			if len(run) > 0 {
				q := p
				q.text = strings.Join(run, "\n")
				y += d.setText(b, col, y, q)
				run = nil
			}
		}
		for _, l := range lines {
			text, ok := listItem(l)
			if !ok {
				run = append(run, strings.TrimSpace(l))
				continue
			}
			flush()
			q := p
			q.text = text
			bullet := para{text: "•", lang: "en", st: p.st, gray: p.gray}
			bc := column{x: col.x, w: bulletIn, right: col.right}
			if col.right {
				bc.x = col.x + col.w - bulletIn
			}
			d.setText(b, bc, y, bullet)
			y += d.setText(b, col.inset(bulletIn), y, q)
		}
		flush()
	}
	return y - top
}

// setField lays out a labelled row: the label in its own column on the side
// where lines start, the value beside it.
func (d *doc) setField(b *block, col column, y float64, label string, values ...para) float64 {
	lc := column{x: col.x, w: labelW, right: col.right}
	vc := column{x: col.x + labelW + labelGap, w: col.w - labelW - labelGap, right: col.right}
	if col.right {
		lc.x = col.x + col.w - labelW
		vc.x = col.x
	}
	first := len(b.items)
	hv := 0.0
	for _, v := range values {
		hv += d.setText(b, vc, y+hv, v)
	}
	valueBase := firstBaseline(b.items[first:])
	first = len(b.items)
	lp := para{text: label, lang: d.lang, rtl: directionOf(label, col.right), st: style{size: fieldSize - 1, bold: true}, gray: true}
	hl := d.setText(b, lc, y, lp)
	// The label's first line stands on the value's first baseline.
	if labelBase := firstBaseline(b.items[first:]); valueBase > 0 && labelBase > 0 && labelBase < valueBase {
		for i := first; i < len(b.items); i++ {
			b.items[i].y += valueBase - labelBase
		}
		hl += valueBase - labelBase
		b.h = max(b.h, y+hl)
	}
	return max(hl, hv)
}

// firstBaseline is the baseline of the first line of text among items,
// relative to the block; 0 for none.
func firstBaseline(items []item) float64 {
	for _, it := range items {
		if it.kind == textItem {
			return it.y + it.base
		}
	}
	return 0
}

// placed is an item at its place on a page.
type placed struct {
	item
	page int
}

// paginate places the blocks on pages from the top of the body down.
func paginate(blocks []block) ([]placed, int) {
	var out []placed
	page, y := 0, bodyTop
	avail := bodyBot - bodyTop
	for _, b := range blocks {
		if len(b.items) == 0 {
			continue
		}
		if y > bodyTop && y+b.h > bodyBot && (b.keep && b.h <= avail || bodyBot-y < avail*0.3) {
			page, y = page+1, bodyTop
		}
		shift := y
		items := append([]item(nil), b.items...)
		sort.SliceStable(items, func(i, j int) bool { return items[i].y < items[j].y })
		for _, it := range items {
			if it.y+shift+it.h > bodyBot && it.y+shift > bodyTop {
				page = page + 1
				shift = bodyTop - it.y
			}
			p := placed{item: it, page: page}
			p.y += shift
			if p.kind == qrItem {
				p.x = math.Round(p.x/qrGrid) * qrGrid
				p.y = math.Round(p.y/qrGrid) * qrGrid
			}
			out = append(out, p)
		}
		y = b.h + shift + blockGap
	}
	return out, page + 1
}
