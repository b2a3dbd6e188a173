package catalog

import (
	"regexp"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

var rightToLeft = map[string]bool{"ar": true, "fa": true, "prs": true, "ps": true, "ckb": true, "ur": true, "he": true, "yi": true, "dv": true, "sd": true, "ug": true}

// IsRightToLeft reports whether a language is written right to left.
func IsRightToLeft(lang string) bool {
	base, _, _ := strings.Cut(lang, "-")
	return rightToLeft[base]
}

var langCodePattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$`)

// ValidLanguageCode reports whether code is a BCP 47 tag as CLDR writes it
// ("de", "prs", "pt-BR", "sr-Latn").
func ValidLanguageCode(code string) bool {
	if !langCodePattern.MatchString(code) {
		return false
	}
	_, err := language.Parse(code)
	return err == nil
}

// selfNames covers what CLDR, as bundled in golang.org/x/text, lacks or
// names in a form that visitors do not use on a language menu.
var selfNames = map[string]string{
	"prs": "دری",
	"ku":  "Kurdî",
	"ckb": "کوردیی ناوەندی",
	"ti":  "ትግርኛ",
}

// NativeName is a language's name in its own language and script, as a
// visitor looks for it on the language menu ("العربية", "Türkçe").
func NativeName(code string) string {
	if n, ok := selfNames[code]; ok {
		return n
	}
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	if n := display.Self.Name(tag); n != "" {
		return upperFirst(n)
	}
	return code
}

// germanNames covers what CLDR names differently from German counselling
// offices, or not at all.
var germanNames = map[string]string{
	"prs": "Dari",
	"ku":  "Kurdisch (Kurmandschi)",
	"ckb": "Kurdisch (Sorani)",
}

// GermanName is a language's name in German ("Arabisch", "Tigrinya"), as
// the next office reads it on a printout.
func GermanName(code string) string {
	if n, ok := germanNames[code]; ok {
		return n
	}
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	if n := display.Languages(language.German).Name(tag); n != "" {
		return upperFirst(n)
	}
	return code
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
