package hours

// locale is how one language writes opening hours.
//
// Day names, clock, day periods, digits and the separators between days and
// between times follow the CLDR 48 "format/abbreviated" weekday names, short
// time pattern and interval patterns of the language (as shipped in ICU
// 78.2), with two simplifications:
//
//   - CLDR's thin space (U+2009) and narrow no-break space (U+202F) are
//     written as plain spaces, which every kiosk font has. A dash between two
//     day names loses its thin spaces entirely ("Mo–Do"); where CLDR puts
//     plain spaces around it (e.g. Arabic, Russian), they are kept.
//   - A 12-hour span always shows both day periods ("8:00 AM – 11:00 AM",
//     not CLDR's "8:00 – 11:00 AM").
//
// The word for closed is not in CLDR; it is the usual word on a shop door.
//
// Right-to-left languages are returned in logical order without bidi control
// characters; the UI applies the Unicode bidi algorithm. The separators are
// chosen so that needs no help: the en dash U+2013 in "۰۸:۰۰–۱۶:۰۰" is a
// neutral (class ON) that takes the direction of the text around it, so in
// a right-to-left line the opening time stays on the right, where reading
// starts. A hyphen-minus (class ES) between two numbers written with
// European or Persian digits would be joined with them into one
// left-to-right number (rule W4) wherever no Arabic letter precedes them,
// showing the span backwards; never use it here. format_test.go checks this.
type locale struct {
	days     [7]string // abbreviated, Monday first
	h12      bool      // 12-hour clock with am/pm after the time
	pad      bool      // two-digit hour (08:00 rather than 8:00)
	am, pm   string    // day periods, for h12
	zero     rune      // the digit zero; the other digits follow it
	dayRange string    // between the first and last day of a range
	span     string    // between the opening and closing time
	list     string    // between days or ranges, and between spans
	closed   string    // for days named "off"
}

// fallback is used for languages without a table.
const fallback = "en"

const (
	arabicIndic  = '٠' // U+0660, CLDR numbering system "arab"
	persianDigit = '۰' // U+06F0, CLDR numbering system "arabext"
)

// locales maps a lower-case language subtag to its table.
var locales = map[string]*locale{
	"de": {
		days: [7]string{"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"},
		pad:  true, zero: '0', dayRange: "–", span: "–", list: ", ",
		closed: "geschlossen",
	},
	"en": {
		days: [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
		h12:  true, am: "AM", pm: "PM", zero: '0', dayRange: "–", span: " – ", list: ", ",
		closed: "closed",
	},
	// CLDR 48 gives plain "ar" Latin digits; Arabic-Indic digits are what
	// CLDR uses for Syria, Iraq, Egypt and most of the visitors' countries.
	"ar": {
		days: [7]string{"الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"},
		h12:  true, am: "ص", pm: "م", zero: arabicIndic, dayRange: " – ", span: " – ", list: "، ",
		closed: "مغلق",
	},
	"fa": persian,
	// Dari (prs) is fa-AF in CLDR, which has the same data as fa.
	"prs": persian,
	"ps": {
		days: [7]string{"دونۍ", "درېنۍ", "څلرنۍ", "پينځنۍ", "جمعه", "اونۍ", "يونۍ"},
		pad:  true, zero: persianDigit, dayRange: " – ", span: "–", list: "، ",
		closed: "بند",
	},
	"tr": {
		days: [7]string{"Pzt", "Sal", "Çar", "Per", "Cum", "Cmt", "Paz"},
		pad:  true, zero: '0', dayRange: "–", span: "–", list: ", ",
		closed: "kapalı",
	},
	"ru": {
		days: [7]string{"пн", "вт", "ср", "чт", "пт", "сб", "вс"},
		pad:  true, zero: '0', dayRange: " – ", span: "–", list: ", ",
		closed: "закрыто",
	},
	"uk": {
		days: [7]string{"пн", "вт", "ср", "чт", "пт", "сб", "нд"},
		pad:  true, zero: '0', dayRange: " – ", span: "–", list: ", ",
		closed: "зачинено",
	},
	"ti": {
		days: [7]string{"ሰኑ", "ሰሉ", "ረቡ", "ሓሙ", "ዓር", "ቀዳ", "ሰን"},
		h12:  true, am: "ቅ.ቀ.", pm: "ድ.ቀ.", zero: '0', dayRange: " – ", span: " – ", list: "፣ ",
		closed: "ዕጹው",
	},
	"pl": {
		days: [7]string{"pon.", "wt.", "śr.", "czw.", "pt.", "sob.", "niedz."},
		pad:  true, zero: '0', dayRange: "–", span: "–", list: ", ",
		closed: "zamknięte",
	},
	"ro": {
		days: [7]string{"lun.", "mar.", "mie.", "joi", "vin.", "sâm.", "dum."},
		pad:  true, zero: '0', dayRange: "–", span: "–", list: ", ",
		closed: "închis",
	},
	"fr": {
		days: [7]string{"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."},
		pad:  true, zero: '0', dayRange: "–", span: " – ", list: ", ",
		closed: "fermé",
	},
	"es": {
		days: [7]string{"lun", "mar", "mié", "jue", "vie", "sáb", "dom"},
		zero: '0', dayRange: "–", span: "–", list: ", ",
		closed: "cerrado",
	},
	"it": {
		days: [7]string{"lun", "mar", "mer", "gio", "ven", "sab", "dom"},
		pad:  true, zero: '0', dayRange: "–", span: "–", list: ", ",
		closed: "chiuso",
	},
	// Central Kurdish (Sorani), Arabic script.
	"ckb": {
		days: [7]string{"دووشەممە", "سێشەممە", "چوارشەممە", "پێنجشەممە", "ھەینی", "شەممە", "یەکشەممە"},
		h12:  true, am: "ب.ن", pm: "د.ن", zero: arabicIndic, dayRange: " – ", span: " – ", list: "، ",
		closed: "داخراوە",
	},
	// Northern Kurdish (Kurmanji), Latin script; kmr is its ISO 639-3 code.
	"ku":  kurmanji,
	"kmr": kurmanji,
	"so": {
		days: [7]string{"Isn", "Tldo", "Arbc", "Khms", "Jmc", "Sbti", "Axd"},
		h12:  true, am: "GH", pm: "GD", zero: '0', dayRange: "–", span: " – ", list: ", ",
		closed: "xiran",
	},
	"sq": {
		days: [7]string{"hën", "mar", "mër", "enj", "pre", "sht", "die"},
		h12:  true, am: "p.d.", pm: "m.d.", zero: '0', dayRange: "–", span: " – ", list: ", ",
		closed: "mbyllur",
	},
}

var persian = &locale{
	days: [7]string{"دوشنبه", "سه\u200cشنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"},
	zero: persianDigit, dayRange: " تا ", span: " تا ", list: "، ",
	closed: "تعطیل",
}

var kurmanji = &locale{
	days: [7]string{"dşm", "sşm", "çşm", "pşm", "înî", "şem", "yşm"},
	pad:  true, zero: '0', dayRange: "–", span: " – ", list: ", ",
	closed: "girtî",
}
