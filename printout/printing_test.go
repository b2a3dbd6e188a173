package printout

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
	"golang.org/x/text/unicode/norm"

	"wegweiser/catalog"
)

// Offers of the sample catalogue with contacts: phone numbers, an e-mail
// address, a postal address, opening hours.
var sampleOffers = []string{"wir-programm", "iq-netzwerk-hamburg", "gruendungsberatung-landkreis-holzminden"}

var testTime = time.Date(2026, 11, 25, 10, 0, 0, 0, catalog.Berlin)

func needTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed (Debian: poppler-utils)", name)
	}
}

// pdfText is the text pdftotext reads from a PDF, in compatibility form
// (the Arabic presentation forms that the PDF prints become letters again)
// and without bidi marks.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	out := rawPDFText(t, pdf)
	return strings.Map(func(r rune) rune {
		if r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069' || r == '\u200E' || r == '\u200F' {
			return -1
		}
		return r
	}, norm.NFKC.String(out))
}

// pdfFonts lists the fonts of a PDF as pdffonts prints them.
func pdfFonts(t *testing.T, pdf []byte) []string {
	t.Helper()
	needTool(t, "pdffonts")
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 2 {
		return nil
	}
	return lines[2:]
}

// renderPages renders a PDF's pages as pdftoppm does for a person to look
// at.
func renderPages(t *testing.T, pdf []byte, dpi string) []image.Image {
	t.Helper()
	needTool(t, "pdftoppm")
	dir := t.TempDir()
	path := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", dpi, "-png", path, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	var pages []image.Image
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, img)
	}
	return pages
}

func sheet(t testing.TB, c *catalog.Catalog, ids []string, o Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Sheet(&buf, c, ids, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSheetInEveryLanguage(t *testing.T) {
	c := sample(t)
	for _, lang := range []string{"de", "en", "ar", "fa", "uk", "ti", "tr", "ru"} {
		for _, withGerman := range []bool{false, true} {
			pdf := sheet(t, c, sampleOffers, Options{Lang: lang, WithGerman: withGerman, District: "03255", Now: testTime})
			text := pdfText(t, pdf)
			v := c.In(lang)
			var want []string
			// Phone numbers, e-mail and web addresses, whole and in order, in every language.
			want = append(want, "0355 355 486 919", "040/42863-3345", "beate.spyrou@basfi.hamburg.de", "https://www.netzwerk-iq.de/", "53107")
			for _, id := range sampleOffers {
				o, err := v.Offer(id)
				if err != nil {
					t.Fatal(err)
				}
				if !catalog.IsRightToLeft(lang) {
					// pdftotext reads left-to-right text back as it was
					// written; the title may be broken over lines.
					want = append(want, strings.Fields(o.Title.Text)[0], strings.Fields(o.Summary.Text)[1])
				}
			}
			if catalog.IsRightToLeft(lang) {
				ds, _ := v.Districts()
				want = append(want, ds[0].Name.Text) // pure Arabic script: joined, read back in logical order
			}
			if withGerman {
				want = append(want, "Öffnungszeiten", "Mo–Do 08:00–16:00", "Fr 08:00–14:00", "Telefon")
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("%s (German %v): %q missing from the text:\n%s", lang, withGerman, w, text)
				}
			}
			fonts := strings.Join(pdfFonts(t, pdf), "\n")
			for _, f := range pdfFonts(t, pdf) {
				if fields := strings.Fields(f); len(fields) < 7 || fields[len(fields)-5] != "yes" {
					t.Errorf("%s: font not embedded: %s", lang, f)
				}
			}
			wantFonts := map[string]string{"ar": "+NotoSansArabic-", "fa": "+NotoSansArabic-", "ti": "+NotoSansEthiopic-"}
			if f := wantFonts[lang]; f != "" && !strings.Contains(fonts, f) {
				t.Errorf("%s: font %s not in\n%s", lang, f, fonts)
			}
			if lang == "de" && (strings.Contains(fonts, "Arabic") || strings.Contains(fonts, "Ethiopic")) {
				t.Errorf("de: fonts of other scripts embedded:\n%s", fonts)
			}
		}
	}
}

func TestSheetTextPerScript(t *testing.T) {
	c := sample(t)
	for lang, want := range map[string][]string{
		"uk": {"Гольцмінден", "Телефон", "Години роботи", "Мережа IQ"},
		"ti": {"ሆልትስሚንደን", "ተሌፎን"},
		"tr": {"Holzminden ilçesi", "Çalışma saatleri"},
		"de": {"Landkreis Holzminden", "Öffnungszeiten", "Stand: Samstag, 21. November 2026", "Seite 1 von 2"},
	} {
		text := pdfText(t, sheet(t, c, sampleOffers, Options{Lang: lang, District: "03255", Now: testTime}))
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q missing:\n%s", lang, w, text)
			}
		}
	}
}

// decodeAt reads the code drawn at a place of a page rendered at dpi: the
// region of the page where the layout put it, with a margin.
func decodeAt(t *testing.T, page image.Image, it placed, dpi float64) (string, error) {
	t.Helper()
	px := func(mm float64) int { return int(mm * dpi / 25.4) }
	r := image.Rect(px(it.x), px(it.y), px(it.x+it.w), px(it.y+it.h)).Intersect(page.Bounds())
	crop := image.NewGray(r)
	draw.Draw(crop, r, page, r.Min, draw.Src)
	bmp, err := gozxing.NewBinaryBitmapFromImage(crop)
	if err != nil {
		return "", err
	}
	// No character set hint: the code itself says UTF-8 (ECI).
	hints := map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_TRY_HARDER: true}
	res, err := zxqr.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		if dir := os.Getenv("PRINT_OUT"); dir != "" {
			f, _ := os.Create(filepath.Join(dir, fmt.Sprintf("failed-%d-%.0f-%.0f.png", it.page, it.x, it.y)))
			png.Encode(f, crop)
			f.Close()
		}
		return "", err
	}
	return res.GetText(), nil
}

// zbarAt reads the code at a place of a page with zbarimg, the decoder of
// many phone scanner apps; it skips the test when zbarimg is missing.
func zbarAt(t *testing.T, page image.Image, it placed, dpi float64) string {
	t.Helper()
	if _, err := exec.LookPath("zbarimg"); err != nil {
		t.Skip("zbarimg is not installed (Debian package zbar-tools; .ci/setup installs it)")
	}
	px := func(mm float64) int { return int(mm * dpi / 25.4) }
	r := image.Rect(px(it.x)-8, px(it.y)-8, px(it.x+it.w)+8, px(it.y+it.h)+8).Intersect(page.Bounds())
	crop := image.NewGray(r)
	draw.Draw(crop, r, page, r.Min, draw.Src)
	path := filepath.Join(t.TempDir(), "code.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	png.Encode(f, crop)
	f.Close()
	out, err := exec.Command("zbarimg", "--raw", "-q", path).Output()
	if err != nil {
		return "(not read by zbar)"
	}
	return strings.TrimSuffix(string(out), "\n")
}

// TestSheetQRCodesScanFromThePage renders the sheet's pages as a person
// would look at them (pdftoppm at 100 and 200 dpi) and reads every code
// back from the picture, where the layout placed them, with ZXing and (at
// 200 dpi) with zbar, and compares each byte for byte with what it should
// say. Every printed module is at least 0.5 mm. The Hamburg contact's
// vCard is compared field by field with the catalogue.
func TestSheetQRCodesScanFromThePage(t *testing.T) {
	c := sample(t)
	for _, lang := range []string{"de", "ar", "fa", "ti", "uk"} {
		o := Options{Lang: lang, District: "03255", Now: testTime, WithGerman: lang != "de"}
		pdf := sheet(t, c, sampleOffers, o)
		d, err := newDoc(c, o)
		if err != nil {
			t.Fatal(err)
		}
		_, blocks, err := d.sheet(sampleOffers)
		if err != nil {
			t.Fatal(err)
		}
		items, n := paginate(blocks)
		var want []string
		for _, id := range sampleOffers {
			off, err := d.view.Offer(id)
			if err != nil {
				t.Fatal(err)
			}
			for _, code := range d.offerCodes(off) {
				want = append(want, code.content)
			}
		}
		for _, dpi := range []float64{100, 200} {
			pages := renderPages(t, pdf, fmt.Sprint(dpi))
			if n != len(pages) {
				t.Fatalf("%s: %d pages rendered, %d laid out", lang, len(pages), n)
			}
			var got []string
			card := ""
			for _, it := range items {
				if it.kind != qrItem {
					continue
				}
				if module := it.w / float64(len(it.modules)); module < MinModuleMM-1e-9 {
					t.Errorf("%s: a code of %d modules printed with %.2f mm modules", lang, len(it.modules), module)
				}
				text, err := decodeAt(t, pages[it.page], it, dpi)
				if err != nil {
					t.Errorf("%s, %.0f dpi: code at page %d, %.0f/%.0f mm (%.0f mm, %d modules) not read: %v", lang, dpi, it.page+1, it.x, it.y, it.w, len(it.modules), err)
					got = append(got, "(not read)")
					continue
				}
				if dpi == 200 {
					if z := zbarAt(t, pages[it.page], it, dpi); z != text {
						t.Errorf("%s: zbar reads\n%q\nZXing reads\n%q", lang, z, text)
					}
				}
				got = append(got, text)
				if strings.Contains(text, "beate.spyrou") {
					card = strings.ReplaceAll(text, "\r\n ", "")
				}
			}
			if len(got) != len(want) {
				t.Fatalf("%s: %d codes on the pages, want %d", lang, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%s, %.0f dpi: code %d reads\n%q\nwant\n%q", lang, dpi, i, got[i], want[i])
				}
			}
			// The vCard of the Hamburg contact, field by field.
			ham, _ := d.view.Offer("iq-netzwerk-hamburg")
			ct := ham.Contacts[0]
			for _, f := range []string{"\r\nTEL;TYPE=work,voice:" + ct.Phone + "\r\n", "\r\nEMAIL;TYPE=internet,work:" + ct.Email + "\r\n", "\r\nURL:" + ham.Website + "\r\n"} {
				if !strings.Contains(card, f) {
					t.Errorf("%s, %.0f dpi: %q not in the vCard read back: %q", lang, dpi, f, card)
				}
			}
			esc := strings.NewReplacer(",", `\,`, ";", `\;`)
			if !strings.Contains(card, "\r\nORG:"+esc.Replace(ham.Provider.Text)+";"+esc.Replace(ct.Label.Text)+"\r\n") {
				t.Errorf("%s, %.0f dpi: ORG is not the provider %q with the unit %q: %q", lang, dpi, ham.Provider.Text, ct.Label.Text, card)
			}
			// The name is the provider's, cut short (a phone shows no more).
			_, fn, _ := strings.Cut(card, "\r\nFN:")
			fn, _, _ = strings.Cut(fn, "\r\n")
			if short := strings.TrimSuffix(fn, "…"); len([]rune(fn)) > 48 || !strings.HasPrefix(esc.Replace(ham.Provider.Text), short) {
				t.Errorf("%s: FN %q is not the provider's name, short", lang, fn)
			}
		}
	}
}

func TestUnknownOffer(t *testing.T) {
	c := sample(t)
	err := Sheet(&bytes.Buffer{}, c, []string{"wir-programm", "no-such-offer"}, Options{Lang: "de"})
	if !errors.Is(err, catalog.ErrNotFound) || !strings.Contains(err.Error(), "no-such-offer") {
		t.Errorf("err = %v", err)
	}
	err = Brochure(&bytes.Buffer{}, c, "no-such-brochure", Options{Lang: "de"})
	if !errors.Is(err, catalog.ErrNotFound) {
		t.Errorf("err = %v", err)
	}
	if err := Sheet(&bytes.Buffer{}, c, nil, Options{}); err == nil {
		t.Errorf("no language accepted")
	}
}

func TestOnePageSheetIsSmall(t *testing.T) {
	c := sample(t)
	for _, lang := range []string{"de", "ar", "ti"} {
		pdf := sheet(t, c, sampleOffers[1:2], Options{Lang: lang, WithGerman: true, District: "03255", Now: testTime})
		if n := len(renderPages(t, pdf, "10")); n != 1 {
			t.Errorf("%s: %d pages", lang, n)
		}
		if len(pdf) > 300<<10 {
			t.Errorf("%s: one page is %d KB", lang, len(pdf)>>10)
		}
		t.Logf("%s: %d KB", lang, len(pdf)>>10)
	}
}

func TestBrochureInEveryLanguage(t *testing.T) {
	c := sample(t)
	for _, lang := range []string{"de", "ar", "fa", "uk", "ti"} {
		for _, withGerman := range []bool{false, true} {
			var buf bytes.Buffer
			if err := Brochure(&buf, c, "gruenden-im-landkreis-holzminden", Options{Lang: lang, WithGerman: withGerman, District: "03255", Now: testTime}); err != nil {
				t.Fatal(err)
			}
			text := pdfText(t, buf.Bytes())
			want := []string{"www.existenzgruender.de", "https://blogs.hawk-hhg.de/migoek/"}
			if withGerman || lang == "de" {
				want = append(want, "Gründen im Landkreis Holzminden", "Die ersten Schritte", "Beschreiben Sie Ihre Geschäftsidee.")
			}
			if lang == "uk" {
				want = append(want, "Відкрити власну справу в районі Гольцмінден")
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("%s (German %v): %q missing", lang, withGerman, w)
				}
			}
		}
	}
}

// TestConcurrentDocuments: two kiosks' worth of printouts at once share
// fonts and codes safely (run with -race).
func TestConcurrentDocuments(t *testing.T) {
	c := sample(t)
	done := make(chan error)
	for _, lang := range []string{"ar", "fa", "ti", "de"} {
		go func() {
			var buf bytes.Buffer
			err := Sheet(&buf, c, sampleOffers, Options{Lang: lang, WithGerman: true, Now: testTime})
			if err == nil {
				err = Brochure(&buf, c, "gruenden-im-landkreis-holzminden", Options{Lang: lang, Now: testTime})
			}
			done <- err
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
