package hours

import (
	"slices"
	"testing"

	"golang.org/x/text/unicode/bidi"
)

func TestFormat(t *testing.T) {
	const office = "Mo-Th 08:00-16:00; Fr 08:00-14:00; Sa-Su off"
	const lunch = "Mo-Fr 09:00-12:00,13:00-24:00; We off"
	tests := []struct {
		hours, lang string
		want        []string
	}{
		{office, "de", []string{"Mo–Do 08:00–16:00", "Fr 08:00–14:00", "Sa–So geschlossen"}},
		{office, "en", []string{"Mon–Thu 8:00 AM – 4:00 PM", "Fri 8:00 AM – 2:00 PM", "Sat–Sun closed"}},
		{office, "ar", []string{"الاثنين – الخميس ٨:٠٠ ص – ٤:٠٠ م", "الجمعة ٨:٠٠ ص – ٢:٠٠ م", "السبت – الأحد مغلق"}},
		{office, "fa", []string{"دوشنبه تا پنجشنبه ۸:۰۰ تا ۱۶:۰۰", "جمعه ۸:۰۰ تا ۱۴:۰۰", "شنبه تا یکشنبه تعطیل"}},
		{office, "ti", []string{"ሰኑ – ሓሙ 8:00 ቅ.ቀ. – 4:00 ድ.ቀ.", "ዓር 8:00 ቅ.ቀ. – 2:00 ድ.ቀ.", "ቀዳ – ሰን ዕጹው"}},
		{office, "ps", []string{"دونۍ – پينځنۍ ۰۸:۰۰–۱۶:۰۰", "جمعه ۰۸:۰۰–۱۴:۰۰", "اونۍ – يونۍ بند"}},
		{office, "ru", []string{"пн – чт 08:00–16:00", "пт 08:00–14:00", "сб – вс закрыто"}},
		{office, "es", []string{"lun–jue 8:00–16:00", "vie 8:00–14:00", "sáb–dom cerrado"}},

		{lunch, "de", []string{"Mo–Di, Do–Fr 09:00–12:00, 13:00–24:00", "Mi geschlossen"}},
		{lunch, "en", []string{"Mon–Tue, Thu–Fri 9:00 AM – 12:00 PM, 1:00 PM – 12:00 AM", "Wed closed"}},
		{lunch, "ar", []string{"الاثنين – الثلاثاء، الخميس – الجمعة ٩:٠٠ ص – ١٢:٠٠ م، ١:٠٠ م – ١٢:٠٠ ص", "الأربعاء مغلق"}},
		{lunch, "fa", []string{"دوشنبه تا سه\u200cشنبه، پنجشنبه تا جمعه ۹:۰۰ تا ۱۲:۰۰، ۱۳:۰۰ تا ۲۴:۰۰", "چهارشنبه تعطیل"}},
		{lunch, "ti", []string{"ሰኑ – ሰሉ፣ ሓሙ – ዓር 9:00 ቅ.ቀ. – 12:00 ድ.ቀ.፣ 1:00 ድ.ቀ. – 12:00 ቅ.ቀ.", "ረቡ ዕጹው"}},

		// Language tags: only the language subtag counts; unknown → English.
		{"Mo 10:00-11:30", "de-AT", []string{"Mo 10:00–11:30"}},
		{"Mo 10:00-11:30", "ar_SY", []string{"الاثنين ١٠:٠٠ ص – ١١:٣٠ ص"}},
		{"Mo 10:00-11:30", "prs", []string{"دوشنبه ۱۰:۰۰ تا ۱۱:۳۰"}},
		{"Mo 10:00-11:30", "DE", []string{"Mo 10:00–11:30"}},
		{"Mo 10:00-11:30", "xx", []string{"Mon 10:00 AM – 11:30 AM"}},
		{"Mo 10:00-11:30", "", []string{"Mon 10:00 AM – 11:30 AM"}},
		{"Mo 00:00-24:00", "en", []string{"Mon 12:00 AM – 12:00 AM"}},
		{"Mo 12:00-12:30", "en", []string{"Mon 12:00 PM – 12:30 PM"}},

		// Unnamed days are left out; days named "off" are shown.
		{"Sa 10:00-12:00", "de", []string{"Sa 10:00–12:00"}},
		{"Mo-Su off", "de", []string{"Mo–So geschlossen"}},
		{"", "de", nil},
	}
	for _, tt := range tests {
		s, err := Parse(tt.hours)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Format(tt.lang); !slices.Equal(got, tt.want) {
			t.Errorf("Parse(%q).Format(%q)\n got %q\nwant %q", tt.hours, tt.lang, got, tt.want)
		}
	}
}

// Every language has seven day names and a word for closed, and the 12-hour
// ones have day periods.
func TestLocalesComplete(t *testing.T) {
	for lang, loc := range locales {
		for d, name := range loc.days {
			if name == "" {
				t.Errorf("%s: no name for day %d", lang, d)
			}
		}
		if loc.closed == "" || loc.span == "" || loc.dayRange == "" || loc.list == "" || loc.zero == 0 {
			t.Errorf("%s: missing closed word, separator or digits", lang)
		}
		if loc.h12 && (loc.am == "" || loc.pm == "") {
			t.Errorf("%s: 12-hour clock without day periods", lang)
		}
	}
}

// The separators must not contain characters that the bidi algorithm glues
// to neighbouring numbers (see the comment on locale), nor bidi controls.
func TestSeparatorsBidiNeutral(t *testing.T) {
	for lang, loc := range locales {
		for _, sep := range []string{loc.span, loc.dayRange, loc.list} {
			for _, r := range sep {
				p, _ := bidi.LookupRune(r)
				if c := p.Class(); c == bidi.ES || c == bidi.ET || p.IsBracket() ||
					c == bidi.LRE || c == bidi.RLE || c == bidi.PDF || c == bidi.LRO || c == bidi.RLO ||
					c == bidi.LRI || c == bidi.RLI || c == bidi.FSI || c == bidi.PDI || r == '\u200e' || r == '\u200f' {
					t.Errorf("%s: separator %q contains %U, which bidi joins to numbers or is a bidi control", lang, sep, r)
				}
			}
		}
	}
}

// A span written with a hyphen-minus would be one left-to-right run in a
// right-to-left paragraph; with the en dash the two times are separate runs
// that the bidi algorithm lays out right to left.
func TestSpanBidiRuns(t *testing.T) {
	for _, lang := range []string{"ar", "fa", "ps", "ckb"} {
		loc := locales[lang]
		text := loc.clock(at(8, 0)) + loc.span + loc.clock(at(16, 0))
		var p bidi.Paragraph
		if _, err := p.SetString(text, bidi.DefaultDirection(bidi.RightToLeft)); err != nil {
			t.Fatal(err)
		}
		o, err := p.Order()
		if err != nil {
			t.Fatal(err)
		}
		if o.NumRuns() < 3 {
			t.Errorf("%s: %q is %d bidi run(s), want the times as separate runs", lang, text, o.NumRuns())
		}
	}
}

func TestClockAndDigits(t *testing.T) {
	for _, tc := range []struct{ lang, got, want string }{
		{"de", Clock("de", 18*60+5), "18:05"},
		{"en", Clock("en", 18*60), "6:00 PM"},
		{"fa", Digits("fa", "2027"), "۲۰۲۷"},
		{"ar", Digits("ar", "10"), "١٠"},
		{"ru", Digits("ru", "10"), "10"},
		{"ar", Comma("ar"), "، "},
		{"fa", Comma("fa"), "، "},
		{"de", Comma("de"), ", "},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, tc.got, tc.want)
		}
	}
}
