// Package theme is the kiosk's look: large touch targets and text, the
// fonts for each script (Fyne's built-in Noto Sans lacks Arabic and
// Ethiopic), a larger-text mode and a high-contrast mode.
package theme

import (
	"image/color"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"

	"wegweiser/assets"
	"wegweiser/bidi"
	"wegweiser/catalog"
)

// Options are what a visitor can change about the look.
type Options struct {
	Lang     string // the visitor's language: chooses the font for widgets' own text
	Large    bool   // larger text
	Contrast bool   // high contrast: white on black, yellow accents
}

// Theme is the kiosk's theme for one visitor's options.
type Theme struct {
	Options
	script bidi.Script
}

// New returns the theme for a visitor's options.
func New(o Options) *Theme {
	return &Theme{Options: o, script: ScriptOfLanguage(o.Lang)}
}

// Same reports whether two themes look the same: the same script's fonts,
// text size and contrast.
func (t *Theme) Same(o *Theme) bool {
	return t.script == o.script && t.Large == o.Large && t.Contrast == o.Contrast
}

// ScriptOfLanguage is the script a language is written in, as far as fonts
// are concerned.
func ScriptOfLanguage(lang string) bidi.Script {
	if catalog.IsRightToLeft(lang) {
		return bidi.Arabic // ar fa prs ps ckb ur; he and yi would need a Hebrew font
	}
	switch lang {
	case "ti", "am", "tig":
		return bidi.Ethiopic
	}
	return bidi.Latin
}

// The embedded fonts as Fyne resources.
var (
	latinRegular    = resource(assets.LatinRegular)
	latinBold       = resource(assets.LatinBold)
	arabicRegular   = resource(assets.ArabicRegular)
	arabicBold      = resource(assets.ArabicBold)
	ethiopicRegular = resource(assets.EthiopicRegular)
	ethiopicBold    = resource(assets.EthiopicBold)
)

func resource(f assets.Font) fyne.Resource { return fyne.NewStaticResource(f.Name, f.Data) }

// FontFor is the font for a script; Fyne falls back to its built-in Noto
// Sans for Latin, Cyrillic and Greek letters, digits and punctuation that a
// script font lacks.
func FontFor(s bidi.Script, bold bool) fyne.Resource {
	switch {
	case s == bidi.Arabic && bold:
		return arabicBold
	case s == bidi.Arabic:
		return arabicRegular
	case s == bidi.Ethiopic && bold:
		return ethiopicBold
	case s == bidi.Ethiopic:
		return ethiopicRegular
	}
	if bold {
		return latinBold
	}
	return latinRegular
}

// Font gives widgets the font of the visitor's script. Latin and Cyrillic
// are drawn with the kiosk's own Noto Sans, not Fyne's: Fyne's copy maps the
// Ukrainian і to a glyph without its dot.
func (t *Theme) Font(style fyne.TextStyle) fyne.Resource {
	if style.Monospace || style.Symbol {
		return fynetheme.DefaultTheme().Font(style)
	}
	return FontFor(t.script, style.Bold)
}

func (t *Theme) Icon(name fyne.ThemeIconName) fyne.Resource {
	return fynetheme.DefaultTheme().Icon(name)
}

// Sizes for a touch screen read from a step away.
func (t *Theme) Size(name fyne.ThemeSizeName) float32 {
	scale := float32(1)
	if t.Large {
		scale = 1.35
	}
	switch name {
	case fynetheme.SizeNameText:
		return 20 * scale
	case fynetheme.SizeNameHeadingText:
		return 32 * scale
	case fynetheme.SizeNameSubHeadingText:
		return 24 * scale
	case fynetheme.SizeNameCaptionText:
		return 16 * scale
	case fynetheme.SizeNameInlineIcon:
		return 28 * scale
	case fynetheme.SizeNamePadding:
		return 8
	case fynetheme.SizeNameInnerPadding:
		return 12
	case fynetheme.SizeNameScrollBar:
		return 20
	case fynetheme.SizeNameScrollBarSmall:
		return 8
	case fynetheme.SizeNameInputRadius, fynetheme.SizeNameSelectionRadius:
		return 8
	}
	return fynetheme.DefaultTheme().Size(name)
}

var (
	ink       = color.NRGBA{R: 0x1d, G: 0x26, B: 0x2d, A: 0xff}
	paper     = color.NRGBA{R: 0xfa, G: 0xf8, B: 0xf4, A: 0xff}
	teal      = color.NRGBA{R: 0x00, G: 0x5f, B: 0x73, A: 0xff}
	tile      = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	line      = color.NRGBA{R: 0xd5, G: 0xd0, B: 0xc8, A: 0xff}
	muted     = color.NRGBA{R: 0x55, G: 0x5f, B: 0x66, A: 0xff}
	yellow    = color.NRGBA{R: 0xff, G: 0xd8, B: 0x00, A: 0xff}
	black     = color.NRGBA{A: 0xff}
	white     = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	darkTile  = color.NRGBA{R: 0x16, G: 0x16, B: 0x16, A: 0xff}
	greenOpen = color.NRGBA{R: 0x1b, G: 0x7a, B: 0x3a, A: 0xff}
	// pressedTint fills a tile under the finger: a light teal.
	pressedTint = color.NRGBA{R: 0xc8, G: 0xe0, B: 0xe4, A: 0xff}
)

// ColorNameSuccess marks "open now"; it is never the only sign (an icon and
// a word go with it).
const ColorNameSuccess = fynetheme.ColorNameSuccess

func (t *Theme) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if t.Contrast {
		switch name {
		case fynetheme.ColorNameBackground, fynetheme.ColorNameOverlayBackground, fynetheme.ColorNameMenuBackground:
			return black
		case fynetheme.ColorNameForeground, fynetheme.ColorNameForegroundOnPrimary:
			if name == fynetheme.ColorNameForegroundOnPrimary {
				return black
			}
			return white
		case fynetheme.ColorNamePrimary, fynetheme.ColorNameFocus, fynetheme.ColorNameHyperlink:
			return yellow
		case fynetheme.ColorNameButton, fynetheme.ColorNameInputBackground, fynetheme.ColorNameHeaderBackground:
			return darkTile
		case fynetheme.ColorNameInputBorder, fynetheme.ColorNameSeparator, fynetheme.ColorNameDisabled, fynetheme.ColorNamePlaceHolder:
			return white
		case fynetheme.ColorNameSuccess:
			return yellow
		case fynetheme.ColorNameHover, fynetheme.ColorNamePressed:
			return color.NRGBA{R: 0x40, G: 0x40, B: 0x40, A: 0xff}
		}
		return fynetheme.DefaultTheme().Color(name, fynetheme.VariantDark)
	}
	switch name {
	case fynetheme.ColorNameBackground:
		return paper
	case fynetheme.ColorNameOverlayBackground, fynetheme.ColorNameMenuBackground:
		return tile
	case fynetheme.ColorNameForeground:
		return ink
	case fynetheme.ColorNameForegroundOnPrimary:
		return white
	case fynetheme.ColorNamePrimary, fynetheme.ColorNameFocus, fynetheme.ColorNameHyperlink:
		return teal
	case fynetheme.ColorNameButton, fynetheme.ColorNameInputBackground, fynetheme.ColorNameHeaderBackground:
		return tile
	case fynetheme.ColorNameInputBorder, fynetheme.ColorNameSeparator:
		return line
	case fynetheme.ColorNamePlaceHolder, fynetheme.ColorNameDisabled:
		return muted
	case fynetheme.ColorNameSuccess:
		return greenOpen
	case fynetheme.ColorNameHover, fynetheme.ColorNamePressed:
		return pressedTint
	}
	return fynetheme.DefaultTheme().Color(name, fynetheme.VariantLight)
}

// Warm measures a few letters in every embedded font at every text size
// the kiosk uses, so that the fonts are read and parsed before a screen
// first needs them.
func Warm() {
	sizes := []fyne.ThemeSizeName{fynetheme.SizeNameCaptionText, fynetheme.SizeNameText,
		fynetheme.SizeNameSubHeadingText, fynetheme.SizeNameHeadingText}
	for _, s := range []bidi.Script{bidi.Latin, bidi.Arabic, bidi.Ethiopic} {
		for _, bold := range []bool{false, true} {
			for _, size := range sizes {
				fyne.CurrentApp().Driver().RenderedTextSize("Abc ابج ሀለ 123", fynetheme.Size(size), fyne.TextStyle{Bold: bold}, FontFor(s, bold))
			}
		}
	}
}
