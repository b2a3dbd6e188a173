package importcsv

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Encodings that Convert reads.
const (
	UTF8        = "UTF-8"
	Windows1252 = "Windows-1252"
)

var errUTF16 = errors.New("the file is UTF-16 text (\"Unicode text\"); save it as \"CSV UTF-8\" or plain \"CSV\" instead")

// decode turns the file's bytes into text: UTF-8 (a byte-order mark is
// dropped), or, when the bytes are not valid UTF-8, Windows-1252, which is
// what German spreadsheet programs write by default. Line ends become "\n"
// and the text is NFC-normalized, as catalog/source reads TOML files.
//
// A file read as Windows-1252 that also holds UTF-8 characters is most
// likely UTF-8 with a few broken bytes; mixedLine is then the line of the
// first byte that is not UTF-8, for a warning, else 0.
func decode(data []byte) (text, encoding string, mixedLine int, err error) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return "", "", 0, errUTF16
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	encoding = UTF8
	if !utf8.Valid(data) {
		mixedLine = mixedUTF8(data)
		if data, err = charmap.Windows1252.NewDecoder().Bytes(data); err != nil {
			return "", "", 0, err
		}
		encoding = Windows1252
	}
	text = strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return norm.NFC.String(text), encoding, mixedLine, nil
}

// mixedUTF8 returns the line of the first byte that is not UTF-8 when data
// also holds characters beyond ASCII that are valid UTF-8, else 0.
func mixedUTF8(data []byte) int {
	first, valid := -1, false
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			if first < 0 {
				first = i
			}
		case n > 1:
			valid = true
		}
		i += n
	}
	if !valid || first < 0 {
		return 0
	}
	return 1 + bytes.Count(data[:first], []byte("\n"))
}
