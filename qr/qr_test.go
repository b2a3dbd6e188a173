package qr

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
)

// decode reads a code back from an image, as a phone would.
func decode(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	// No character set hint: the code itself must say it is UTF-8 (ECI).
	res, err := zxqr.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("decoding: %v", err)
	}
	return res.GetText()
}

// roundTrip draws content both as PNG and as Image and reads it back.
func roundTrip(t *testing.T, content string) string {
	t.Helper()
	m, err := Modules(content)
	if err != nil {
		t.Fatal(err)
	}
	px := len(m) * 6
	data, err := PNG(content, px)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	got := decode(t, img)
	img2, err := Image(content, px)
	if err != nil {
		t.Fatal(err)
	}
	if got2 := decode(t, img2); got2 != got {
		t.Errorf("Image and PNG differ: %q / %q", got2, got)
	}
	return got
}

// property is one content line of a vCard or iCalendar object.
type property struct {
	name   string
	params string
	value  string
}

// parseCard unfolds and splits a vCard or iCalendar text; it fails the test
// on lines that are too long or end without CRLF.
func parseCard(t *testing.T, text string) []property {
	t.Helper()
	if !strings.HasSuffix(text, "\r\n") {
		t.Errorf("does not end with CRLF: %q", text)
	}
	for _, l := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("folding split a character: %q", l)
		}
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("bare line break in %q", l)
		}
	}
	unfolded := strings.ReplaceAll(text, "\r\n ", "")
	var out []property
	for _, l := range strings.Split(strings.TrimSuffix(unfolded, "\r\n"), "\r\n") {
		head, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Errorf("no colon in %q", l)
			continue
		}
		name, params, _ := strings.Cut(head, ";")
		out = append(out, property{name, params, value})
	}
	return out
}

// unescape undoes escapeText.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			if s[i] == 'n' || s[i] == 'N' {
				b.WriteByte('\n')
			} else {
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// splitComponents splits a structured value at unescaped semicolons.
func splitComponents(s string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case ';':
			parts = append(parts, unescape(s[start:i]))
			start = i + 1
		}
	}
	return append(parts, unescape(s[start:]))
}

// get finds the last property of a name (in an iCalendar object, the
// event's rather than the time zone's).
func get(props []property, name string) (property, bool) {
	for i := len(props) - 1; i >= 0; i-- {
		if props[i].name == name {
			return props[i], true
		}
	}
	return property{}, false
}

func TestVCardDecodesBack(t *testing.T) {
	for _, c := range []struct {
		contact            Contact
		street, code, city string
		note               string
	}{
		{
			contact: Contact{Provider: "Landkreis Holzminden, Kreisentwicklung/Wirtschaftsförderung", Label: "Servicetelefon; Zentrale",
				Phone: "05531 707-0", Email: "info@landkreis-holzminden.de", Address: "Bürgermeister-Schrader-Straße 24, 37603 Holzminden",
				Website: "https://example.org/a?b=1&c=ä", Hours: "Mo-Th 08:00-16:00; Fr 08:00-14:00", HoursNote: "und nach Vereinbarung"},
			street: "Bürgermeister-Schrader-Straße 24", code: "37603", city: "Holzminden",
			note: "Mo–Do 08:00–16:00\nFr 08:00–14:00\nund nach Vereinbarung",
		},
		{
			contact: Contact{Provider: "مقاطعة هولتسميندن – تنمية المقاطعة والتنمية الاقتصادية (Kreisentwicklung/Wirtschaftsförderung)", Label: "الهاتف، المكتب; الاستقبال",
				Phone: "+49 40 42863-3345", Address: "Haus 3, Eingang B; 2. Stock, 20095 Hamburg", Hours: "по договорённости"},
			street: "Haus 3, Eingang B; 2. Stock", code: "20095", city: "Hamburg", note: "по договорённости",
		},
		{
			contact: Contact{Provider: "Відділ сприяння економіці району Гольцмінден", Label: "Консультація",
				Email: "a.b@example.org", Address: "Postfach 12, Bonn"},
			street: "Postfach 12, Bonn",
		},
		{
			contact: Contact{Provider: "ቤት ጽሕፈት ምምዕባል ቁጠባ ወረዳ ሆልትስሚንደን", Label: "ምኽሪ፣ ሓበሬታ",
				Phone: "0355 355 486 919", Website: "https://www.iq-netzwerk.de/?lang=ti&x=1,2"},
		},
	} {
		text := ContactVCard(c.contact)
		got := roundTrip(t, text)
		if got != text {
			t.Fatalf("decoded text differs:\n got %q\nwant %q", got, text)
		}
		props := parseCard(t, got)
		if props[0].name != "BEGIN" || props[0].value != "VCARD" || props[1].value != "3.0" || props[len(props)-1].name != "END" {
			t.Errorf("frame: %+v", props)
		}
		wantName := shorten(c.contact.Provider, maxName)
		if n := len([]rune(unescape(wantName))); n > maxName {
			t.Errorf("the name has %d characters", n)
		}
		for name, want := range map[string]string{"FN": wantName, "EMAIL": c.contact.Email, "NOTE": c.note} {
			p, ok := get(props, name)
			if want == "" {
				if ok {
					t.Errorf("%s present but empty in the contact: %q", name, p.value)
				}
				continue
			}
			if unescape(p.value) != want {
				t.Errorf("%s = %q, want %q", name, unescape(p.value), want)
			}
		}
		if p, _ := get(props, "N"); p.value != escapeText(wantName)+";;;;" {
			t.Errorf("N = %q", p.value)
		}
		if p, _ := get(props, "ORG"); strings.Join(splitComponents(p.value), "|") != c.contact.Provider+"|"+c.contact.Label {
			t.Errorf("ORG = %q", splitComponents(p.value))
		}
		if p, ok := get(props, "TEL"); ok != (c.contact.Phone != "") || p.value != c.contact.Phone || (ok && p.params != "TYPE=work,voice") {
			t.Errorf("TEL = %+v, want %q", p, c.contact.Phone)
		}
		if p, ok := get(props, "URL"); ok != (c.contact.Website != "") || p.value != c.contact.Website {
			t.Errorf("URL = %+v, want %q", p, c.contact.Website)
		}
		p, ok := get(props, "ADR")
		if ok != (c.contact.Address != "") {
			t.Errorf("ADR present %v", ok)
		}
		if ok {
			adr := splitComponents(p.value)
			want := []string{"", "", c.street, c.city, "", c.code, "Germany"}
			if strings.Join(adr, "|") != strings.Join(want, "|") || p.params != "TYPE=work" {
				t.Errorf("ADR = %q %q, want %q", p.params, adr, want)
			}
		}
	}
}

func TestEventICalDecodesBack(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	berlinTime := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, berlin)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	e := Event{ID: "infoabend-2026-12", Title: "أمسية معلومات: تأسيس مشروع, خطوة; بخطوة",
		Place:       "Kreishaus, Raum 3; Bürgermeister-Schrader-Straße 24, 37603 Holzminden",
		Description: "Інформаційний вечір\nмовами: українська, русский, ትግርኛ", Website: "https://example.org/a?b=1&c=ä",
		Start: berlinTime("2026-12-03 18:00").UTC(), End: berlinTime("2026-12-03 20:30"), Stamp: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)}
	text := EventICal(e)
	got := roundTrip(t, text)
	if got != text {
		t.Fatalf("decoded text differs")
	}
	props := parseCard(t, got)
	want := map[string]string{
		"UID": "infoabend-2026-12@wegweiser", "DTSTAMP": "20261121T090000Z", "SUMMARY": e.Title, "LOCATION": e.Place,
		"DESCRIPTION": e.Description, "URL": e.Website,
		// Issue 12: times in UTC, so that no VTIMEZONE is needed.
		"DTSTART": "20261203T170000Z", "DTEND": "20261203T193000Z",
	}
	for name, w := range want {
		p, ok := get(props, name)
		if !ok || unescape(p.value) != w || p.params != "" {
			t.Errorf("%s = %q (%q), want %q", name, unescape(p.value), p.params, w)
		}
	}
	summer := EventICal(Event{ID: "x", Title: "t", Start: berlinTime("2026-07-01 18:00")})
	if !strings.Contains(summer, "DTSTART:20260701T160000Z\r\n") || strings.Contains(summer, "DTEND") {
		t.Errorf("summer event without end:\n%s", summer)
	}
	var begins []string
	for _, p := range props {
		if p.name == "BEGIN" {
			begins = append(begins, p.value)
		}
	}
	if strings.Join(begins, " ") != "VCALENDAR VEVENT" || strings.Contains(text, "TZID") {
		t.Errorf("components: %v", begins)
	}
}

func TestOfferURLDecodesBack(t *testing.T) {
	for _, u := range []string{"https://example.org/a?b=1&c=ä", "https://www.netzwerk-iq.de/foerderprogramm-iq/fachstellen/fachstelle-migrantenoekonomie"} {
		if OfferURL(u) != u {
			t.Errorf("OfferURL changed %q", u)
		}
		if got := roundTrip(t, OfferURL(u)); got != u {
			t.Errorf("decoded %q, want %q", got, u)
		}
	}
}

func TestModulesHaveQuietZone(t *testing.T) {
	m, err := Modules("https://example.org")
	if err != nil {
		t.Fatal(err)
	}
	n := len(m)
	if n < 21+8 || len(m[0]) != n {
		t.Fatalf("size %d", n)
	}
	for i := 0; i < n; i++ {
		for _, dark := range []bool{m[0][i], m[3][i], m[n-1][i], m[i][0], m[i][3], m[i][n-1]} {
			if dark {
				t.Fatalf("dark module in the quiet zone")
			}
		}
	}
	if !m[4][4] {
		t.Errorf("finder pattern missing at the corner")
	}
	// Modules drawn at 8 px each decode back.
	img := image.NewGray(image.Rect(0, 0, n*8, n*8))
	for y := range img.Pix {
		img.Pix[y] = 255
	}
	for y, row := range m {
		for x, dark := range row {
			if dark {
				for dy := 0; dy < 8; dy++ {
					for dx := 0; dx < 8; dx++ {
						img.SetGray(x*8+dx, y*8+dy, color.Gray{})
					}
				}
			}
		}
	}
	if got := decode(t, img); got != "https://example.org" {
		t.Errorf("modules decode to %q", got)
	}
}

func TestEscapeText(t *testing.T) {
	for in, want := range map[string]string{
		`a\b`:               `a\\b`,
		"a,b;c":             `a\,b\;c`,
		"line1\nline2":      `line1\nline2`,
		"line1\r\nline2\rx": `line1\nline2\nx`,
		"مرحبا، عالم":       "مرحبا، عالم", // the Arabic comma is no separator
		`C:\Pfad; 1,2`:      `C:\\Pfad\; 1\,2`,
	} {
		if got := escapeText(in); got != want {
			t.Errorf("escapeText(%q) = %q, want %q", in, got, want)
		}
		if got := unescape(escapeText(in)); got != strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(in) {
			t.Errorf("unescape(escapeText(%q)) = %q", in, got)
		}
	}
}

func TestFold(t *testing.T) {
	short := "FN:" + strings.Repeat("a", 72)
	if Fold(short) != short {
		t.Errorf("75 octets folded")
	}
	for _, line := range []string{
		"NOTE:" + strings.Repeat("a", 200),
		"FN:" + strings.Repeat("ሆልትስሚንደን ", 20),   // 3-octet characters
		"FN:" + strings.Repeat("هولتسميندن ", 20), // 2-octet characters
		"X:" + strings.Repeat(`\,`, 80),
		"X:a" + strings.Repeat(`\;ä`, 40),
	} {
		folded := Fold(line)
		parts := strings.Split(folded, "\r\n")
		for i, p := range parts {
			if len(p) > 75 {
				t.Errorf("part of %d octets", len(p))
			}
			if i > 0 && !strings.HasPrefix(p, " ") {
				t.Errorf("continuation without space: %q", p)
			}
			if !utf8.ValidString(p) {
				t.Errorf("split character in %q", p)
			}
			if strings.HasSuffix(p, `\`) && !strings.HasSuffix(p, `\\`) {
				t.Errorf("split escape at the end of %q", p)
			}
			if i < len(parts)-1 && len(p) < 73 {
				t.Errorf("line folded early at %d octets: %q", len(p), p)
			}
		}
		if strings.ReplaceAll(folded, "\r\n ", "") != line {
			t.Errorf("unfolding does not give the line back")
		}
	}
}

func TestSplitAddress(t *testing.T) {
	for in, want := range map[string][3]string{
		"Street 1, 37603 Holzminden":                                         {"Street 1", "37603", "Holzminden"},
		"Bundesministerium für Arbeit und Soziales, Referat EF2, 53107 Bonn": {"Bundesministerium für Arbeit und Soziales, Referat EF2", "53107", "Bonn"},
		"Am Markt 1, 37213 Witzenhausen-Gertenbach":                          {"Am Markt 1", "37213", "Witzenhausen-Gertenbach"},
		"Hamburg":                         {"Hamburg", "", ""},
		"Postfach 12, 1234 Wien":          {"Postfach 12, 1234 Wien", "", ""},
		"  Street 1,\n37603  Holzminden ": {"Street 1", "37603", "Holzminden"},
	} {
		s, c, city := SplitAddress(in)
		if [3]string{s, c, city} != want {
			t.Errorf("SplitAddress(%q) = %q %q %q, want %q", in, s, c, city, want)
		}
	}
}

func TestVCardWithoutNames(t *testing.T) {
	text := ContactVCard(Contact{Phone: "040 123"})
	if !strings.Contains(text, "\r\nFN:040 123\r\n") || strings.Contains(text, "ORG") || strings.Contains(text, "NOTE") {
		t.Errorf("card: %q", text)
	}
	text = ContactVCard(Contact{Provider: "P", Hours: "Mo-Fr 09:00-12:00; Sa off"})
	if !strings.Contains(text, "\r\nFN:P\r\n") || !strings.Contains(text, `NOTE:Mo–Fr 09:00–12:00\nSa geschlossen`) {
		t.Errorf("card: %q", text)
	}
	// Issue 12: the opening hours in the visitor's language, not German.
	text = ContactVCard(Contact{Provider: "P", Hours: "Mo-Fr 09:00-12:00", HoursNote: "وبموعد مسبق", Lang: "ar"})
	note, _ := get(parseCard(t, text), "NOTE")
	if unescape(note.value) != "الاثنين – الجمعة ٩:٠٠ ص – ١٢:٠٠ م\nوبموعد مسبق" {
		t.Errorf("Arabic card: %q", text)
	}
}

// Issue 12: long names made the codes too dense; the name is cut at a word.
func TestVCardNameIsShort(t *testing.T) {
	long := "Landkreis Holzminden, Kreisentwicklung und Wirtschaftsförderung, Beratungsstelle für Existenzgründungen von Migrantinnen und Migranten"
	text := ContactVCard(Contact{Provider: long, Label: "Servicetelefon", Phone: "05531 707-0"})
	props := parseCard(t, text)
	fn, _ := get(props, "FN")
	if n := len([]rune(unescape(fn.value))); n > maxName || !strings.HasSuffix(fn.value, "…") || !strings.HasPrefix(long, strings.TrimSuffix(unescape(fn.value), "…")) {
		t.Errorf("FN = %q (%d characters)", fn.value, n)
	}
}

// ImageOfModules draws every module as scale×scale pixels, and the code
// reads back.
func TestImageOfModules(t *testing.T) {
	content := "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Jörg;;;;\r\nFN:Jörg\r\nEND:VCARD\r\n"
	m, err := Modules(content)
	if err != nil {
		t.Fatal(err)
	}
	img := ImageOfModules(m, 3)
	if img.Bounds().Dx() != 3*len(m) {
		t.Fatalf("%v for %d modules", img.Bounds(), len(m))
	}
	if got := decode(t, img); got != content {
		t.Errorf("%q", got)
	}
}
