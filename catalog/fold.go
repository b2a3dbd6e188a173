package catalog

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold is a text as search compares it: in lower case, "ß" as "ss", without
// diacritics or other combining marks (so "Gründung" is "grundung", Arabic
// vowel signs and the hamza on alef are gone, Cyrillic "й" is "и" and "ё"
// is "е"), the Turkish dotless "ı" as "i", Persian yeh and keheh as the
// Arabic letters, and without tatweel or invisible characters (the Persian
// half-space, zero-width non-joiner, is written in "کسب‌وکار" by some and left
// out by others). The catalogue's words are folded
// when it is compiled, a visitor's query when it is searched.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch r = unicode.ToLower(r); {
		case unicode.Is(unicode.Mn, r), r == 'ـ': // marks; tatweel
		case unicode.Is(unicode.Cf, r): // invisible: the Persian half-space (ZWNJ), joiners, direction marks, soft hyphens
		case r == 'ß':
			b.WriteString("ss")
		case r == 'ı':
			b.WriteByte('i')
		case r == 'ی':
			b.WriteRune('ي')
		case r == 'ک':
			b.WriteRune('ك')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
