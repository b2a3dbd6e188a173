package printout

import (
	"errors"
	"fmt"
	"io"

	"wegweiser/catalog"
)

// Brochure writes a brochure as PDF: its title, then each section with its
// heading, body (paragraphs and "- " list items), image, and the contacts
// and QR codes of the offers it names. An unknown brochure is an error
// wrapping catalog.ErrNotFound.
func Brochure(w io.Writer, c *catalog.Catalog, brochureID string, o Options) error {
	d, err := newDoc(c, o)
	if err != nil {
		return err
	}
	br, err := d.view.Brochure(brochureID)
	if errors.Is(err, catalog.ErrNotFound) {
		return fmt.Errorf("brochure %q: %w", brochureID, catalog.ErrNotFound)
	}
	if err != nil {
		return err
	}
	var german *catalog.BrochureDetail
	if d.withGerman() {
		restore := d.german()
		german, err = d.view.Brochure(brochureID)
		restore()
		if err != nil {
			return err
		}
	}

	title := block{keep: true}
	col := d.body()
	y := d.setText(&title, col, 0, d.localized(br.Title, style{size: 20, bold: true}))
	if german != nil {
		p := d.localized(german.Title, style{size: 13})
		p.gray = true
		d.setText(&title, column{x: col.x, w: col.w, right: col.right}, y+1, p)
	}
	blocks := []block{title}
	var ids []string
	for _, sec := range br.Sections {
		ids = append(ids, sec.Offers...)
	}
	d.prepareCodes(ids)

	for i, sec := range br.Sections {
		blocks = append(blocks, d.sectionBlock(sec, ""))
		if german != nil && i < len(german.Sections) {
			restore := d.german()
			blocks = append(blocks, d.sectionBlock(german.Sections[i], catalog.NativeName("de")))
			restore()
		}
		for _, id := range sec.Offers {
			b, err := d.offerBlock(id, false)
			if errors.Is(err, catalog.ErrNotFound) {
				continue // the section still reads without it
			}
			if err != nil {
				return err
			}
			blocks = append(blocks, b)
		}
	}
	return d.render(w, br.Title.Text, blocks)
}

// sectionBlock lays out a section's heading, body and image in the current
// language, under a small tag (the language's name) if tag is not "".
func (d *doc) sectionBlock(sec catalog.SectionDetail, tag string) block {
	var b block
	col := d.body()
	y := 3.0
	if tag != "" {
		p := d.ui(tag, style{size: 7.5, bold: true})
		p.gray = true
		y += d.setText(&b, col, y, p)
	}
	if sec.Heading.Text != "" {
		y += d.setText(&b, col, y, d.localized(sec.Heading, style{size: 14, bold: true}))
		y += 1.5
	}
	if sec.Body.Text != "" {
		y += d.setBody(&b, col, y, d.localized(sec.Body, style{size: 10.5}))
	}
	if sec.Image != "" {
		if img := d.image(sec.Image); img != nil {
			w := min(contentW*0.7, float64(img.w)*25.4/150) // at least 150 dpi
			h := w * float64(img.h) / float64(img.w)
			if h > 100 {
				h, w = 100, 100*float64(img.w)/float64(img.h)
			}
			x := col.x
			if col.right {
				x = col.x + col.w - w
			}
			y += 3
			b.add(item{kind: imageItem, x: x, y: y, w: w, h: h, image: img})
		}
	}
	return b
}

// image loads a brochure image; one the PDF cannot show is left out.
func (d *doc) image(path string) *imageData {
	if img, ok := d.imageCache[path]; ok {
		return img
	}
	if d.imageCache == nil {
		d.imageCache = map[string]*imageData{}
	}
	d.imageCache[path] = nil
	data, err := d.c.Media(path)
	if err != nil {
		return nil
	}
	img, err := decodeImage(data)
	if err != nil {
		return nil
	}
	d.imageCache[path] = img
	return img
}
