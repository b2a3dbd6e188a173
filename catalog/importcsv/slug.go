package importcsv

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

const maxIDLength = 64

var germanLetters = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")

// asciiFolds are letters that lose nothing but a mark yet do not decompose.
var asciiFolds = map[rune]string{
	'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th",
	'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŀ': "l", 'ſ': "s", 'ŋ': "n", 'ĸ': "k",
}

// IDFromTitle makes an offer id from a title: lower case, ä→ae ö→oe ü→ue
// ß→ss, other letters folded to ASCII (é→e, ł→l), every run of other
// characters one '-', none at either end, at most 64 characters (cut
// between words where possible). A title with no letter or digit that
// folds to ASCII gives "".
func IDFromTitle(title string) string {
	s := germanLetters.Replace(strings.ToLower(norm.NFC.String(title)))
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r): // a mark that decomposition split off
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case asciiFolds[r] != "":
			b.WriteString(asciiFolds[r])
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() > maxIDLength {
			break
		}
	}
	return cutID(b.String(), maxIDLength)
}

// cutID shortens id to at most n characters, at a '-' between words when
// that keeps at least half of them, and drops dashes at its end.
func cutID(id string, n int) string {
	if len(id) > n {
		if i := strings.LastIndexByte(id[:n+1], '-'); i >= n/2 {
			id = id[:i]
		} else {
			id = id[:n]
		}
	}
	return strings.TrimRight(id, "-")
}

// uniqueID returns base, or base-2, base-3 … (shortened to fit 64
// characters), whichever is not taken yet.
func uniqueID(base string, taken func(string) bool) string {
	id := base
	for n := 2; taken(id); n++ {
		suffix := "-" + strconv.Itoa(n)
		id = cutID(base, maxIDLength-len(suffix)) + suffix
	}
	return id
}
