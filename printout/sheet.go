package printout

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"wegweiser/catalog"
	"wegweiser/catalog/hours"
	"wegweiser/qr"
)

// Sheet writes the contact sheet of offers as PDF: per offer its title,
// provider, summary, every contact with phone, e-mail, address and opening
// hours, the languages spoken there and the website, with QR codes beside
// it (the website, and a vCard per contact). An offer the catalogue does
// not have is an error wrapping catalog.ErrNotFound.
func Sheet(w io.Writer, c *catalog.Catalog, offerIDs []string, o Options) error {
	d, err := newDoc(c, o)
	if err != nil {
		return err
	}
	title, blocks, err := d.sheet(offerIDs)
	if err != nil {
		return err
	}
	return d.render(w, title, blocks)
}

// sheet lays out a contact sheet and returns its title and blocks.
func (d *doc) sheet(offerIDs []string) (string, []block, error) {
	title := d.str.T("sheet_title")
	blocks := []block{d.titleBlock(title, "sheet_title")}
	if d.withGerman() {
		blocks = append(blocks, d.forTheOffice())
	}
	d.prepareCodes(offerIDs)
	for _, id := range offerIDs {
		b, err := d.offerBlock(id, true)
		if err != nil {
			return "", nil, err
		}
		blocks = append(blocks, b)
	}
	if d.withGerman() {
		blocks = append(blocks, d.notesBlock())
	}
	if name := d.districtName(); name != "" {
		title += " – " + name
	}
	return title, blocks, nil
}

// titleBlock is the document's heading, with its German under it when the
// document is also in German. germanKey is the heading's translation key,
// or "" when text is not an interface string.
func (d *doc) titleBlock(text, germanKey string) block {
	var b block
	b.keep = true
	col := d.body()
	y := d.setText(&b, col, 0, d.ui(text, style{size: 17, bold: true}))
	if d.withGerman() && germanKey != "" {
		restore := d.german()
		p := d.ui(d.str.T(germanKey), style{size: 11})
		p.gray = true
		d.setText(&b, column{x: col.x, w: col.w, right: col.right}, y, p)
		restore()
	}
	return b
}

// forTheOffice tells, in German, the office the visitor takes the sheet
// to what it needs first: the person's language (in German and as the
// person writes it) and how current the catalogue was.
func (d *doc) forTheOffice() block {
	var b block
	lang := d.o.Lang
	built := d.c.Info().Built
	restore := d.german()
	defer restore()
	col := d.body()
	y := d.setText(&b, col, 1, d.ui("Sprache der Person: "+catalog.GermanName(lang)+" / "+isolateName(lang), style{size: 10, bold: true}))
	p := d.ui(d.str.T("catalog_as_of", map[string]any{"Date": d.date(built)}), style{size: 9})
	p.gray = true
	d.setText(&b, col, y, p)
	return b
}

// isolateName is a language's own name as one unit inside German text.
func isolateName(lang string) string { return "\u2068" + catalog.NativeName(lang) + "\u2069" }

// notesBlock is room for the counsellor's notes, with its heading in
// German: a few ruled lines at the end of a bilingual sheet.
func (d *doc) notesBlock() block {
	var b block
	b.keep = true
	restore := d.german()
	defer restore()
	col := d.body()
	y := 4 + d.setText(&b, col, 4, d.ui("Notizen der Beratungsstelle", style{size: 10, bold: true}))
	for range 5 {
		y += 9
		b.add(item{kind: ruleItem, x: marginX, y: y, w: contentW, h: 0.2})
	}
	return b
}

// code is a QR code with its caption.
type code struct {
	content string
	caption string
}

// offerCodes are the QR codes of an offer: its website, and a vCard for
// each contact that has a way to reach it.
func (d *doc) offerCodes(off *catalog.OfferDetail) []code {
	var out []code
	if off.Website != "" {
		out = append(out, code{qr.OfferURL(off.Website), d.str.T("offer_website")})
	}
	for _, ct := range off.Contacts {
		if ct.Phone == "" && ct.Email == "" && ct.Address == "" {
			continue
		}
		caption := ct.Label.Text
		if caption == "" {
			caption = d.str.T("offer_contacts")
		}
		out = append(out, code{qr.ContactVCard(qr.ContactOf(off, ct, d.o.Lang)), caption})
	}
	return out
}

// prepareCodes makes the QR codes of offers in parallel before they are
// laid out.
func (d *doc) prepareCodes(ids []string) {
	var contents []string
	for _, id := range ids {
		if off, err := d.view.Offer(id); err == nil {
			for _, c := range d.offerCodes(off) {
				contents = append(contents, c.content)
			}
		}
	}
	prepareModules(contents)
}

// QR code sizes. Modules are whole hundredths of an inch, placed on that
// grid (see paginate), so that they fall on whole dots of a 300 or 600 dpi
// printer and on whole pixels of a 100 or 200 dpi picture: crisp edges
// that a simple phone camera reads. A small code (a URL) gets 0.76 mm
// modules, any other 0.51 mm, never less: codes are kept small enough by
// their content (short names, calendar times in UTC), not by shrinking
// the modules.
const (
	qrColW  = 45.0
	qrGrid  = 0.254 // mm, 1/100 inch
	qrSmall = 30.0  // the largest code with the largest modules
	// MinModuleMM is the smallest printed module.
	MinModuleMM = 2 * qrGrid
)

// qrSize is the printed size of a code of n modules (quiet zone included):
// 3 grid units a module while the code stays within qrSmall, else 2 (a
// code of more than 88 modules is then wider than its column; no content
// of a catalogue comes near that).
func qrSize(n int) float64 {
	if size := float64(n) * 3 * qrGrid; size <= qrSmall {
		return size
	}
	return float64(n) * 2 * qrGrid
}

// offerBlock lays out one offer (and its German version) with its QR
// codes beside it, on the side where lines end. full adds the summary and
// the languages; a brochure gives only the contacts.
func (d *doc) offerBlock(id string, full bool) (block, error) {
	off, err := d.view.Offer(id)
	if errors.Is(err, catalog.ErrNotFound) {
		return block{}, fmt.Errorf("offer %q: %w", id, catalog.ErrNotFound)
	}
	if err != nil {
		return block{}, err
	}
	b := block{keep: true}
	codes := d.offerCodes(off)
	text := d.body()
	var qrCol column
	if len(codes) > 0 {
		text.w -= qrColW + gutter
		qrCol = column{x: marginX + contentW - qrColW, w: qrColW, center: true}
		if d.rtl {
			text.x += qrColW + gutter
			qrCol.x = marginX
		}
	}
	b.add(item{kind: ruleItem, x: marginX, y: 0, w: contentW, h: 0.2})
	y := 2.5
	y += d.setOffer(&b, text, y, off, full)
	if d.withGerman() {
		restore := d.german()
		de, err := d.view.Offer(id)
		if err != nil {
			restore()
			return block{}, err
		}
		gcol := text
		gcol.right = false
		y += 3
		tag := d.ui(catalog.NativeName("de"), style{size: 7.5, bold: true})
		tag.gray = true
		y += d.setText(&b, gcol, y, tag)
		d.setOffer(&b, gcol, y, de, full)
		restore()
	}
	d.setCodes(&b, qrCol, 2.5, codes)
	return b, nil
}

// setOffer lays out an offer's text in the current language.
func (d *doc) setOffer(b *block, col column, y float64, off *catalog.OfferDetail, full bool) float64 {
	top := y
	body := style{size: fieldSize}
	y += d.setText(b, col, y, d.localized(off.Title, style{size: 12.5, bold: true}))
	y += 1
	if off.Provider.Text != "" {
		y += d.setField(b, col, y, d.str.T("offer_provider"), d.localized(off.Provider, body))
	}
	if full && off.Summary.Text != "" {
		y += 1
		y += d.setText(b, col, y, d.localized(off.Summary, body))
	}
	for _, ct := range off.Contacts {
		y += 2
		head := d.ui(d.str.T("offer_contacts"), style{size: fieldSize, bold: true})
		if ct.Label.Text != "" {
			head = d.localized(ct.Label, style{size: fieldSize, bold: true})
		}
		y += d.setText(b, col, y, head)
		if ct.Phone != "" {
			y += d.setField(b, col, y, d.str.T("offer_phone"), d.value(ct.Phone))
		}
		if ct.Email != "" {
			y += d.setField(b, col, y, d.str.T("offer_email"), d.value(ct.Email))
		}
		if ct.Address != "" {
			y += d.setField(b, col, y, d.str.T("offer_address"), d.value(ct.Address))
		}
		var times []para
		if lines := hours.Lines(ct.Hours, d.lang); len(lines) > 0 {
			text := strings.Join(lines, "\n")
			times = append(times, para{text: text, lang: d.lang, rtl: directionOf(text, d.rtl), st: body})
		}
		if ct.HoursNote.Text != "" {
			times = append(times, d.localized(ct.HoursNote, body))
		}
		if len(times) > 0 {
			y += d.setField(b, col, y, d.str.T("offer_hours"), times...)
		}
	}
	y += 1
	if full && len(off.Languages) > 0 {
		sep := ", "
		if d.rtl {
			sep = "، "
		}
		names := make([]string, len(off.Languages))
		for i, l := range off.Languages {
			names[i] = "\u2068" + catalog.NativeName(l) + "\u2069" // each name keeps its own direction
		}
		y += d.setField(b, col, y, d.str.T("offer_languages"), para{text: strings.Join(names, sep), lang: d.lang, rtl: d.rtl, st: body})
	}
	if off.Website != "" {
		y += d.setField(b, col, y, d.str.T("offer_website"), d.value(off.Website))
	}
	if !off.Updated.IsZero() { // how fresh the entry is
		p := d.ui(d.str.T("offer_checked_on", map[string]any{"Date": d.date(off.Updated)}), style{size: 8})
		p.gray = true
		y += 1 + d.setText(b, col, y+1, p)
	}
	return y - top
}

// value is a phone number, e-mail address, postal address or URL: it
// reads left to right, as a unit, in any language, and stands where the
// visitor's lines start.
func (d *doc) value(s string) para {
	return para{text: isolate(s), lang: d.lang, rtl: d.rtl, st: style{size: fieldSize}}
}

// setCodes lays out QR codes under each other in col, each with its
// caption under it, and above them the hint to scan them.
func (d *doc) setCodes(b *block, col column, y float64, codes []code) {
	if len(codes) == 0 {
		return
	}
	hint := d.ui(d.str.T("offer_scan"), style{size: 7.5, bold: true})
	hint.gray = true
	y += d.setText(b, col, y, hint)
	for _, c := range codes {
		m, err := modules(c.content)
		if err != nil {
			continue // too long for a code: the text beside it says it all
		}
		size := qrSize(len(m))
		b.add(item{kind: qrItem, x: col.x + (col.w-size)/2, y: y, w: size, h: size, modules: m})
		y += size
		caption := d.ui(c.caption, style{size: 7.5})
		caption.gray = true
		y += d.setText(b, col, y, caption) + 2
	}
}
