package printout

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"path/filepath"
	"testing"
	"time"

	"wegweiser/assets"
	"wegweiser/catalog"
	"wegweiser/catalog/source"
)

// richCatalog is the sample catalogue with what it lacks for testing
// printouts: contacts with addresses, e-mail, opening hours and notes on
// every offer, in Arabic, Ukrainian and Tigrinya too, languages spoken,
// and a brochure of ten sections with an image.
func richCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	content, problems := source.Load(assets.SampleSource())
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	for i := range content.Offers {
		o := &content.Offers[i]
		o.Languages = []string{"de", "en", "ar", "fa", "uk", "ti", "tr"}
		o.Contacts = append(o.Contacts, catalog.Contact{
			Label: catalog.Text{
				"de": "Beratung (Termin nach Vereinbarung)", "en": "Advice (by appointment)",
				"ar": "الاستشارة (بموعد مسبق) – Frau Dr. Müller", "fa": "مشاوره (با وقت قبلی)",
				"uk": "Консультація (за записом)", "ti": "ምኽሪ (ብቆጸራ)",
			},
			Phone:   "+49 5531 707-0",
			Email:   "gruendung@landkreis-holzminden.de",
			Address: "Bürgermeister-Schrader-Straße 24, 37603 Holzminden",
			Hours:   "Mo-Th 08:00-16:00; Fr 08:00-12:30; Sa,Su off",
			HoursNote: catalog.Text{
				"de": "Dolmetscher auf Wunsch; bitte vorher anrufen.", "ar": "مترجم عند الطلب، يرجى الاتصال مسبقاً على الرقم 05531 707-0.",
				"uk": "Перекладач на прохання.", "ti": "ተርጓሚ ብሕቶ።",
			},
		})
	}
	media := image.NewNRGBA(image.Rect(0, 0, 600, 300))
	for y := 0; y < 300; y++ {
		for x := 0; x < 600; x++ {
			media.Set(x, y, color.NRGBA{uint8(x / 3), uint8(120 + y/3), 160, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, media); err != nil {
		t.Fatal(err)
	}
	content.Media = map[string][]byte{"media/markt.png": buf.Bytes()}
	base := content.Brochures[1]
	long := catalog.Brochure{ID: "zehn-abschnitte", Area: base.Area, Title: base.Title}
	for i := 0; i < 10; i++ {
		sec := base.Sections[i%len(base.Sections)]
		if i%3 == 0 {
			sec.Image = "media/markt.png"
		}
		long.Sections = append(long.Sections, sec)
	}
	content.Brochures = append(content.Brochures, long)
	path := filepath.Join(t.TempDir(), "rich.sqlite")
	if err := catalog.Compile(content, path, catalog.BuildInfo{Version: 1, Built: time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// tenOffers are ten offers of the rich catalogue, each with contacts.
func tenOffers(t testing.TB, c *catalog.Catalog) []string {
	list, err := c.In("de").Offers("", "", testTime)
	if err != nil || len(list) < 10 {
		t.Fatalf("%d offers, %v", len(list), err)
	}
	var ids []string
	for _, o := range list[:10] {
		ids = append(ids, o.ID)
	}
	return ids
}

func TestRichSheet(t *testing.T) {
	c := richCatalog(t)
	for _, lang := range []string{"ar", "uk", "ti"} {
		pdf := sheet(t, c, tenOffers(t, c)[:3], Options{Lang: lang, WithGerman: true, District: "03255", Now: testTime})
		text := pdfText(t, pdf)
		for _, w := range []string{"+49 5531 707-0", "gruendung@landkreis-holzminden.de", "Bürgermeister-Schrader-Straße 24, 37603", "Dolmetscher auf Wunsch", "Mo–Do 08:00–16:00"} {
			if !bytes.Contains([]byte(text), []byte(w)) {
				t.Errorf("%s: %q missing", lang, w)
			}
		}
	}
}

func TestBrochureWithImage(t *testing.T) {
	c := richCatalog(t)
	var buf bytes.Buffer
	if err := Brochure(&buf, c, "zehn-abschnitte", Options{Lang: "ar", WithGerman: true, District: "03255", Now: testTime}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("/Subtype /Image")) {
		t.Errorf("no image in the brochure")
	}
}

// BenchmarkSheetTenOffersArabic makes a sheet of ten offers with 21 QR
// codes in Arabic; "cold" makes every code anew, "reprint" finds them made
// already, as a kiosk does for offers printed before.
func BenchmarkSheetTenOffersArabic(b *testing.B) {
	c := richCatalog(b)
	ids := tenOffers(b, c)
	o := Options{Lang: "ar", District: "03255", Now: testTime}
	for _, cold := range []bool{true, false} {
		name := "reprint"
		if cold {
			name = "cold"
		}
		b.Run(name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				if cold {
					qrCache.Lock()
					clear(qrCache.m)
					qrCache.Unlock()
				}
				buf.Reset()
				if err := Sheet(&buf, c, ids, o); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len())/1024, "KB/op")
		})
	}
}

func BenchmarkBrochureTenSections(b *testing.B) {
	c := richCatalog(b)
	o := Options{Lang: "ar", WithGerman: true, District: "03255", Now: testTime}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Brochure(&buf, c, "zehn-abschnitte", o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB/op")
}
