package widgets

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wegweiser/bidi"
	"wegweiser/linebreak"
	kiosktheme "wegweiser/ui/theme"
)

// Paragraph is text wrapped to a fixed width, each line in the visual order
// of its direction and right-aligned when the visitor's language is written
// right to left. Long text follows the catalogue's rules: paragraphs
// separated by a blank line, lines starting with "- " are list items.
//
// All right-to-left handling of the kiosk's text lives here and in package
// bidi, so that every screen gets it the same way.
type Paragraph struct {
	widget.BaseWidget
	Text     string
	RTL      bool
	Width    float32            // wrap width
	SizeName fyne.ThemeSizeName // theme.SizeNameText when ""
	Bold     bool
	Color    fyne.ThemeColorName // theme.ColorNameForeground when ""
	MaxLines int                 // 0: no limit; else cut with "…"
	Center   bool                // centre each line instead of aligning it to its reading side
	Fit      bool                // labels: make the text smaller, down to minFit, until its longest word fits the width

	lines    []textLine
	builtFor buildKey // the inputs lines were built from
	fit      float32  // the share of the theme's text size drawn, with Fit; else 1

	arabicScript bool // the text has Arabic letters
}

// buildKey is everything the lines depend on.
type buildKey struct {
	text        string
	rtl, bold   bool
	width, size float32
	color       fyne.ThemeColorName
	rgba        [4]uint32
	maxLines    int
	fit         bool
}

// minFit is the smallest share of its size that Fit makes a text: a word
// that does not fit then goes beyond the width rather than becoming
// unreadable.
const minFit = 0.7

// textLine is one drawn line: its runs and where they start.
type textLine struct {
	runs      []*canvas.Text
	widths    []float32
	baselines []float32
	indent    float32 // list items: the space before (LTR) or after (RTL) the text
	bullet    *canvas.Text
}

// NewParagraph makes a paragraph of text wrapped at width.
func NewParagraph(text string, rtl bool, width float32) *Paragraph {
	p := &Paragraph{Text: text, RTL: rtl, Width: width}
	p.ExtendBaseWidget(p)
	return p
}

// textSize is the size the text is drawn in.
func (p *Paragraph) textSize() float32 {
	if p.fit > 0 {
		return p.themeSize() * p.fit
	}
	return p.themeSize()
}

// themeSize is the theme's size for SizeName.
func (p *Paragraph) themeSize() float32 {
	name := p.SizeName
	if name == "" {
		name = theme.SizeNameText
	}
	return theme.Size(name)
}

// lineHeight is the distance between lines: more for Arabic script, whose
// letters reach further above and below the line (wrapped Persian
// headings touched each other).
func (p *Paragraph) lineHeight() float32 {
	if p.arabicScript {
		return p.textSize() * 1.7
	}
	return p.textSize() * 1.45
}

func (p *Paragraph) color() fyne.ThemeColorName {
	if p.Color == "" {
		return theme.ColorNameForeground
	}
	return p.Color
}

// measure is the width of s drawn in the font of its script.
func (p *Paragraph) measure(s string) float32 {
	size, _ := fyne.CurrentApp().Driver().RenderedTextSize(s, p.textSize(), fyne.TextStyle{Bold: p.Bold}, kiosktheme.FontFor(bidi.ScriptOf(s), p.Bold))
	return size.Width
}

// VisibleLines returns the lines as drawn, each as its runs' texts in visual
// order joined by "|": what tests compare.
func (p *Paragraph) VisibleLines() []string {
	p.build()
	var out []string
	for _, l := range p.lines {
		var parts []string
		if l.bullet != nil && !p.RTL {
			parts = append(parts, l.bullet.Text)
		}
		for _, r := range l.runs {
			parts = append(parts, r.Text)
		}
		if l.bullet != nil && p.RTL {
			parts = append(parts, l.bullet.Text)
		}
		out = append(out, strings.Join(parts, "|"))
	}
	return out
}

// build wraps the text into lines of canvas texts, unless they are already
// built from the same inputs.
func (p *Paragraph) build() {
	r, g, b, a := theme.Color(p.color()).RGBA()
	key := buildKey{text: p.Text, rtl: p.RTL, bold: p.Bold, width: p.Width, size: p.themeSize(), color: p.Color,
		rgba: [4]uint32{r, g, b, a}, maxLines: p.MaxLines, fit: p.Fit}
	if key == p.builtFor {
		return
	}
	p.builtFor = key
	p.lines = nil
	p.fit = 1
	p.arabicScript = strings.ContainsFunc(p.Text, func(r rune) bool { return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) })
	if p.Fit {
		var widest float32
		for _, w := range strings.Fields(p.Text) {
			widest = max(widest, p.measure(w))
		}
		if widest > p.Width && p.Width > 0 {
			p.fit = max(minFit, 0.98*p.Width/widest) // a little room for rounding
		}
	}
	size := p.textSize()
	bulletIndent := size * 1.4
	for i, para := range strings.Split(strings.ReplaceAll(p.Text, "\r\n", "\n"), "\n\n") {
		if i > 0 {
			p.lines = append(p.lines, textLine{}) // blank line between paragraphs
		}
		for _, raw := range strings.Split(para, "\n") {
			item, isItem := strings.CutPrefix(strings.TrimSpace(raw), "- ")
			width, indent := p.Width, float32(0)
			if isItem {
				width, indent = p.Width-bulletIndent, bulletIndent
			}
			// Each line is ordered with the levels of the whole item, so
			// that brackets and isolates broken over two lines keep
			// their direction.
			lines := p.wrap(strings.TrimSpace(item), width)
			for j, runs := range bidi.VisualLines(lines, p.RTL) {
				tl := p.visualLine(runs)
				tl.indent = indent
				if isItem && j == 0 {
					tl.bullet = p.text("•")
				}
				p.lines = append(p.lines, tl)
			}
		}
	}
	if p.MaxLines > 0 && len(p.lines) > p.MaxLines {
		p.lines = p.lines[:p.MaxLines]
		// The ellipsis is a run of its own, at the end of the reading
		// direction: the font of the last run may lack it (Arabic's does).
		last := &p.lines[p.MaxLines-1]
		if len(last.runs) > 0 {
			ellipsis := p.text("…")
			ellipsis.FontSource = kiosktheme.FontFor(bidi.Latin, p.Bold)
			if p.RTL {
				last.runs = append([]*canvas.Text{ellipsis}, last.runs...)
			} else {
				last.runs = append(last.runs, ellipsis)
			}
			last.widths, last.baselines = p.measureRuns(last.runs)
		}
	}
}

// wrap breaks one logical line into lines no wider than width where
// Unicode's line breaking rules allow (package linebreak, as on paper).
func (p *Paragraph) wrap(s string, width float32) []string {
	rs := []rune(s)
	wrap := linebreak.Wrap
	if p.Fit { // a label: its words shrink to fit rather than break
		wrap = linebreak.WrapWords
	}
	spans := wrap(rs, float64(width), func(part []rune) float64 { return float64(p.measure(string(part))) })
	if len(spans) == 0 {
		return []string{""}
	}
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = string(rs[sp.Start:sp.End])
	}
	return out
}

func (p *Paragraph) text(s string) *canvas.Text {
	return &canvas.Text{Text: s, TextSize: p.textSize(), TextStyle: fyne.TextStyle{Bold: p.Bold},
		Color: theme.Color(p.color()), FontSource: kiosktheme.FontFor(bidi.ScriptOf(s), p.Bold)}
}

// visualLine makes the canvas texts of a line's runs, in visual order.
func (p *Paragraph) visualLine(runs []bidi.Run) textLine {
	var tl textLine
	for _, r := range runs {
		tl.runs = append(tl.runs, p.byFont(r)...)
	}
	tl.widths, tl.baselines = p.measureRuns(tl.runs)
	return tl
}

// byFont splits a run where its script's font lacks a character (which is
// then drawn with another of the kiosk's fonts that has it: the Latin one
// for most punctuation, the Arabic one for an Arabic comma after a Latin
// bracket), in visual order.
//
// In a right-to-left run every mirrored character (brackets, guillemets,
// "<") is drawn as its mirror image (rule L4 of the bidi algorithm), as a
// piece of its own: Fyne shapes each piece without knowing the paragraph's
// direction, so it would draw "(" where the reader must see ")".
func (p *Paragraph) byFont(r bidi.Run) []*canvas.Text {
	main := kiosktheme.FontFor(r.Script, p.Bold)
	var out []*canvas.Text
	start, cur := 0, main
	flush := func(end int) {
		if end > start {
			t := p.text(r.Text[start:end])
			t.FontSource = cur
			out = append(out, t)
		}
		start = end
	}
	for i, c := range r.Text {
		if r.RTL && bidi.IsMirrored(c) {
			flush(i)
			m := bidi.Mirror(c)
			t := p.text(string(m))
			t.FontSource = kiosktheme.Covering(m, main, p.Bold)
			out = append(out, t)
			start = i + utf8.RuneLen(c)
			continue
		}
		if f := kiosktheme.Covering(c, main, p.Bold); f != cur {
			flush(i)
			cur = f
		}
	}
	flush(len(r.Text))
	if r.RTL {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out
}

// measureRuns gives each run's width and baseline.
func (p *Paragraph) measureRuns(runs []*canvas.Text) (widths, baselines []float32) {
	widths = make([]float32, len(runs))
	baselines = make([]float32, len(runs))
	for i, r := range runs {
		s, base := fyne.CurrentApp().Driver().RenderedTextSize(r.Text, r.TextSize, r.TextStyle, r.FontSource)
		widths[i], baselines[i] = s.Width, base
	}
	return widths, baselines
}

// MinSize is the wrap width and the height of the lines.
func (p *Paragraph) MinSize() fyne.Size {
	p.ExtendBaseWidget(p)
	p.build()
	return fyne.NewSize(p.Width, float32(len(p.lines))*p.lineHeight())
}

func (p *Paragraph) CreateRenderer() fyne.WidgetRenderer {
	p.ExtendBaseWidget(p)
	r := &paragraphRenderer{p: p}
	r.Layout(p.Size())
	return r
}

type paragraphRenderer struct {
	p       *Paragraph
	objects []fyne.CanvasObject
	lines   []textLine // the lines objects were taken from
}

func (r *paragraphRenderer) Destroy() {}
func (r *paragraphRenderer) Objects() []fyne.CanvasObject {
	r.sync()
	return r.objects
}
func (r *paragraphRenderer) MinSize() fyne.Size { return r.p.MinSize() }

func (r *paragraphRenderer) Refresh() {
	r.Layout(r.p.Size())
	canvas.Refresh(r.p)
}

// sync takes the objects from the paragraph's lines when they were rebuilt.
func (r *paragraphRenderer) sync() {
	r.p.build()
	if len(r.lines) == len(r.p.lines) && (len(r.lines) == 0 || &r.lines[0] == &r.p.lines[0]) {
		return
	}
	r.lines = r.p.lines
	r.objects = r.objects[:0]
	for _, l := range r.lines {
		if l.bullet != nil {
			r.objects = append(r.objects, l.bullet)
		}
		for _, t := range l.runs {
			r.objects = append(r.objects, t)
		}
	}
}

// Layout places each line's runs left to right, from the left edge for
// left-to-right text and ending at the right edge for right-to-left text.
func (r *paragraphRenderer) Layout(size fyne.Size) {
	r.sync()
	lh := r.p.lineHeight()
	for i, l := range r.lines {
		var total float32
		for _, w := range l.widths {
			total += w
		}
		y := float32(i) * lh
		x := l.indent
		switch {
		case r.p.Center:
			x = (size.Width - total) / 2
		case r.p.RTL:
			x = size.Width - l.indent - total
		}
		if l.bullet != nil {
			bx := float32(0)
			if r.p.RTL {
				bx = size.Width - l.indent*0.7
			}
			l.bullet.Move(fyne.NewPos(bx, y))
			l.bullet.Resize(fyne.NewSize(l.indent, lh))
		}
		var base float32 // runs in different fonts share one baseline
		for _, b := range l.baselines {
			base = max(base, b)
		}
		for j, t := range l.runs {
			t.Move(fyne.NewPos(x, y+base-l.baselines[j]))
			t.Resize(fyne.NewSize(l.widths[j], lh))
			x += l.widths[j]
		}
	}
}
