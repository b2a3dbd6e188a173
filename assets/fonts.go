package assets

import _ "embed"

// The fonts of the screen and of printouts: Noto Sans for Latin, Cyrillic
// and Greek (Fyne's own copy draws the Ukrainian і without its dot), and
// the scripts that Noto Sans lacks, Arabic (Arabic, Persian, Dari, Pashto,
// Sorani) and Ethiopic (Tigrinya, Amharic). Licence: fonts/OFL.txt.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	notoSansRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	notoSansBold []byte
	//go:embed fonts/NotoSansArabic-Regular.ttf
	notoArabicRegular []byte
	//go:embed fonts/NotoSansArabic-Bold.ttf
	notoArabicBold []byte
	//go:embed fonts/NotoSansEthiopic-Regular.ttf
	notoEthiopicRegular []byte
	//go:embed fonts/NotoSansEthiopic-Bold.ttf
	notoEthiopicBold []byte
)

// Font is an embedded font file.
type Font struct {
	Name string // the file name
	Data []byte // TrueType
}

// The fonts, one per script and weight.
var (
	LatinRegular    = Font{"NotoSans-Regular.ttf", notoSansRegular}
	LatinBold       = Font{"NotoSans-Bold.ttf", notoSansBold}
	ArabicRegular   = Font{"NotoSansArabic-Regular.ttf", notoArabicRegular}
	ArabicBold      = Font{"NotoSansArabic-Bold.ttf", notoArabicBold}
	EthiopicRegular = Font{"NotoSansEthiopic-Regular.ttf", notoEthiopicRegular}
	EthiopicBold    = Font{"NotoSansEthiopic-Bold.ttf", notoEthiopicBold}
)
