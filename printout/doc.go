// Package printing makes the PDFs a visitor takes home: the contact sheet
// of the offers they collected and a district's brochure, on A4, in the
// visitor's language and, if asked, in German beside it so that the office
// they go to can read it too.
//
// Every script prints correctly: Arabic and Persian joined, right to left,
// right-aligned, with bullets, labels and QR codes mirrored, and Latin
// names, phone numbers and URLs inside them in the right order; Tigrinya
// (Ethiopic), Cyrillic, Turkish and German complete. See text.go for how,
// since gofpdf itself has no shaping, no bidi and no font fallback.
// The fonts (Noto Sans, Noto Sans Arabic, Noto Sans Ethiopic) are embedded
// as subsets of the characters used.
package printout

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // brochure images
	"image/png"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/jung-kurt/gofpdf"

	"wegweiser/catalog"
	"wegweiser/catalog/hours"
	"wegweiser/translations"
)

// Options say for whom a document is made.
type Options struct {
	Lang       string    // the visitor's language
	WithGerman bool      // each part also in German
	District   string    // the kiosk's district id, named in the header; "" for none
	Now        time.Time // the document's date; zero: the current time
}

// doc is one document being made.
type doc struct {
	c     *catalog.Catalog
	o     Options
	pdf   *gofpdf.Fpdf
	fonts *fontSet
	sh    *shaper
	// the visitor's language, as the blocks currently laid out are written
	lang string
	rtl  bool
	view catalog.View
	str  *translations.Strings
	// fonts added to the PDF; gofpdf embeds every font added, used or not
	added      [families][2]bool
	images     int
	imageCache map[string]*imageData
}

func newDoc(c *catalog.Catalog, o Options) (*doc, error) {
	if o.Lang == "" {
		return nil, fmt.Errorf("printing: no language")
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	d := &doc{c: c, o: o, fonts: fs, sh: newShaper(fs)}
	d.setLanguage(o.Lang)
	return d, nil
}

// setLanguage switches the language that following blocks are written in.
func (d *doc) setLanguage(lang string) {
	d.lang = lang
	d.rtl = catalog.IsRightToLeft(lang)
	d.view = d.c.In(lang)
	d.str = translations.For(lang)
}

// german returns the document switched to German, and a function that
// switches it back.
func (d *doc) german() func() {
	lang := d.lang
	d.setLanguage("de")
	return func() { d.setLanguage(lang) }
}

// withGerman reports whether parts also come in German.
func (d *doc) withGerman() bool { return d.o.WithGerman && d.o.Lang != "de" }

// body is the column of the whole page width, aligned as the visitor's
// language reads.
func (d *doc) body() column { return column{x: marginX, w: contentW, right: d.rtl} }

// localized makes a paragraph of a catalogue text: its direction is its
// language's, which may be a fallback's rather than the visitor's.
func (d *doc) localized(l catalog.Localized, st style) para {
	lang := l.Lang
	if lang == "" {
		lang = d.lang
	}
	rtl := catalog.IsRightToLeft(lang)
	text := l.Text
	if rtl {
		text = isolateTokens(text)
	}
	return para{text: text, lang: lang, rtl: rtl, st: st}
}

// ui makes a paragraph of an interface string in the visitor's language
// (English where it has no translation: the direction follows the text).
func (d *doc) ui(text string, st style) para {
	return para{text: text, lang: d.lang, rtl: directionOf(text, d.rtl), st: st}
}

// date writes a day as the visitor's language does.
func (d *doc) date(t time.Time) string {
	t = t.In(catalog.Berlin)
	weekday := int(t.Weekday()+6)%7 + 1 // Monday = 1
	return d.str.T("date_format", map[string]any{
		"Weekday": d.str.T("weekday_" + strconv.Itoa(weekday)),
		"Day":     hours.Digits(d.lang, strconv.Itoa(t.Day())),
		"Month":   d.str.T("month_" + strconv.Itoa(int(t.Month()))),
		"Year":    hours.Digits(d.lang, strconv.Itoa(t.Year())),
	})
}

// districtName is the name of the options' district in the current language.
func (d *doc) districtName() string {
	if d.o.District == "" {
		return ""
	}
	ds, err := d.view.Districts()
	if err != nil {
		return ""
	}
	for _, x := range ds {
		if x.ID == d.o.District {
			return x.Name.Text
		}
	}
	return ""
}

// Page furniture, laid out once per document in the visitor's language.
type furniture struct {
	header block
	footer func(page, pages int) block
}

func (d *doc) furniture() furniture {
	var f furniture
	col := d.body()
	y := 11.0
	if name := d.districtName(); name != "" {
		y += d.setText(&f.header, col, y, d.ui(name, style{size: 12, bold: true}))
	}
	y += d.setText(&f.header, col, y, d.localizedTitle(style{size: 8.5}))
	f.header.add(item{kind: ruleItem, x: marginX, y: y + 1, w: contentW, h: 0.2})

	asOf := d.str.T("catalog_as_of", map[string]any{"Date": d.date(d.c.Info().Built)})
	f.footer = func(page, pages int) block {
		var b block
		y := pageH - 13.0
		b.add(item{kind: ruleItem, x: marginX, y: y - 1.5, w: contentW, h: 0.2})
		st := style{size: 8}
		pageText := d.str.T("brochure_page", map[string]any{
			"Page": hours.Digits(d.lang, strconv.Itoa(page)), "Pages": hours.Digits(d.lang, strconv.Itoa(pages))})
		half := contentW/2 - 2
		start := column{x: marginX, w: half, right: d.rtl}
		end := column{x: pageW - marginX - half, w: half, right: !d.rtl}
		if d.rtl {
			start.x, end.x = end.x, start.x
		}
		p := d.ui(asOf, st)
		p.gray = true
		d.setText(&b, start, y, p)
		p = d.ui(pageText, st)
		p.gray = true
		d.setText(&b, end, y, p)
		return b
	}
	return f
}

func (d *doc) localizedTitle(st style) para {
	p := d.localized(d.view.Resolve(d.c.Info().Title), st)
	p.gray = true
	return p
}

// render paginates the blocks and writes the PDF.
func (d *doc) render(w io.Writer, title string, blocks []block) error {
	f := d.furniture()
	items, pages := paginate(blocks)

	pdf := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "mm", SizeStr: "A4", OrientationStr: "P"})
	d.pdf = pdf
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCreationDate(d.o.Now)
	pdf.SetModificationDate(d.o.Now)
	pdf.SetTitle(title, true)
	pdf.SetCreator("Wegweiser", true)
	pdf.SetProducer("Wegweiser (gofpdf)", true)
	pdf.SetLineWidth(0.2)
	pdf.SetDrawColor(grayLevel+60, grayLevel+60, grayLevel+60)

	next := 0
	for page := 0; page < pages; page++ {
		pdf.AddPage()
		d.draw(f.header.items, 0)
		for ; next < len(items) && items[next].page == page; next++ {
			d.draw([]item{items[next].item}, 0)
		}
		d.draw(f.footer(page+1, pages).items, 0)
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("making the PDF: %w", err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("writing the PDF: %w", err)
	}
	if _, err := w.Write(tagSubsets(buf.Bytes())); err != nil {
		return fmt.Errorf("writing the PDF: %w", err)
	}
	return nil
}

// setFont selects a family, adding it to the PDF on first use.
func (d *doc) setFont(fam family, bold bool, size float64) {
	b, st := 0, ""
	if bold {
		b, st = 1, "B"
	}
	if !d.added[fam][b] {
		// A copy: gofpdf writes into the bytes it is given (padding tables
		// while subsetting), and the fonts are shared with other documents
		// and with the kiosk's theme.
		d.pdf.AddUTF8FontFromBytes(pdfName[fam], st, bytes.Clone(d.fonts[fam][b].data))
		d.added[fam][b] = true
	}
	d.pdf.SetFont(pdfName[fam], st, size)
}

// draw puts items on the current page, dy below where they say.
func (d *doc) draw(items []item, dy float64) {
	pdf := d.pdf
	for _, it := range items {
		y := it.y + dy
		switch it.kind {
		case textItem:
			if it.gray {
				pdf.SetTextColor(grayLevel, grayLevel, grayLevel)
			} else {
				pdf.SetTextColor(0, 0, 0)
			}
			x := it.x
			for _, p := range it.pieces {
				d.setFont(p.fam, p.bold, p.size)
				if p.glyphs == nil {
					pdf.Text(x, y+it.base, p.text)
				}
				for _, g := range p.glyphs {
					if g.actual != "" {
						pdf.RawWriteStr("/Span <</ActualText " + pdfTextString(g.actual) + ">> BDC")
					}
					pdf.Text(x+g.x, y+it.base-g.y, string(g.r))
					if g.actual != "" {
						pdf.RawWriteStr("EMC")
					}
				}
				x += p.width
			}
		case ruleItem:
			pdf.Line(it.x, y, it.x+it.w, y)
		case qrItem:
			d.drawQR(it.modules, it.x, y, it.w)
		case imageItem:
			d.drawImage(it.image, it.x, y, it.w, it.h)
		}
	}
}

// pdfTextString writes s as a PDF text string in UTF-16BE with a byte
// order mark, in hexadecimal (no escaping needed).
func pdfTextString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// imageData is an image from the catalogue, decoded far enough to lay it
// out.
type imageData struct {
	data []byte
	kind string // PNG or JPG, as gofpdf names them
	w, h int
	name string
}

// decodeImage reads a PNG or JPEG image. A PNG is written anew with 8 bits
// a channel and without interlacing, the kinds gofpdf reads.
func decodeImage(data []byte) (*imageData, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if cfg.Width == 0 || cfg.Height == 0 || cfg.Width*cfg.Height > 20_000_000 {
		return nil, fmt.Errorf("image of %d×%d pixels", cfg.Width, cfg.Height)
	}
	switch format {
	case "jpeg":
		return &imageData{data: data, kind: "JPG", w: cfg.Width, h: cfg.Height}, nil
	case "png":
		img, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		rgba := image.NewNRGBA(img.Bounds())
		draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&buf, rgba); err != nil {
			return nil, err
		}
		return &imageData{data: buf.Bytes(), kind: "PNG", w: cfg.Width, h: cfg.Height}, nil
	}
	return nil, fmt.Errorf("image format %s", format)
}

func (d *doc) drawImage(img *imageData, x, y, w, h float64) {
	if img.name == "" {
		d.images++
		img.name = "image" + strconv.Itoa(d.images)
		d.pdf.RegisterImageOptionsReader(img.name, gofpdf.ImageOptions{ImageType: img.kind}, bytes.NewReader(img.data))
	}
	d.pdf.ImageOptions(img.name, x, y, w, h, false, gofpdf.ImageOptions{ImageType: img.kind}, 0, "")
}
