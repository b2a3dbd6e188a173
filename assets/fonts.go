package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

// Fonts for the scripts that Fyne's built-in Noto Sans lacks: Arabic script
// (Arabic, Persian, Dari, Pashto, Sorani) and Ethiopic (Tigrinya, Amharic).
// Noto Sans itself is embedded too, for printing. Licence: fonts/OFL.txt.
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

// Font resources, one per script and weight.
var (
	LatinRegular    = fyne.NewStaticResource("NotoSans-Regular.ttf", notoSansRegular)
	LatinBold       = fyne.NewStaticResource("NotoSans-Bold.ttf", notoSansBold)
	ArabicRegular   = fyne.NewStaticResource("NotoSansArabic-Regular.ttf", notoArabicRegular)
	ArabicBold      = fyne.NewStaticResource("NotoSansArabic-Bold.ttf", notoArabicBold)
	EthiopicRegular = fyne.NewStaticResource("NotoSansEthiopic-Regular.ttf", notoEthiopicRegular)
	EthiopicBold    = fyne.NewStaticResource("NotoSansEthiopic-Bold.ttf", notoEthiopicBold)
)
