package hours

import (
	"errors"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics, that its errors point into the
// text, and that whatever it accepts survives String and Parse unchanged.
// The seeds are in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Add("Mo-Fr 09:00-17:00; We off")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := Parse(in)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q): error %v is not a *SyntaxError", in, err)
			}
			if se.Column < 1 || se.Column > utf8.RuneCountInString(in)+1 {
				t.Fatalf("Parse(%q): column %d outside the text", in, se.Column)
			}
			return
		}
		text := s.String()
		back, err := Parse(text)
		if err != nil {
			t.Fatalf("Parse(%q).String() = %q, which Parse rejects: %v", in, text, err)
		}
		if !back.Equal(s) {
			t.Fatalf("Parse(%q) = %+v, but Parse(String()) = %+v", in, s, back)
		}
		if again := back.String(); again != text {
			t.Fatalf("String() not stable: %q then %q", text, again)
		}
		s.Format("ar")
		s.OpenAt(time.Date(2024, 3, 31, 1, 30, 0, 0, time.UTC))
	})
}
