package hours

import "testing"

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Mo-Fr 09:00-17:00", "Mo-Fr 09:00-17:00"},
		{"Mo-Fr 09:00-17:00; We off", "Mo-Tu,Th-Fr 09:00-17:00; We off"},
		{"Mo,Tu,We 09:00-17:00", "Mo-We 09:00-17:00"},
		{"Fr-Mo 10:00-12:00", "Mo,Fr-Su 10:00-12:00"},
		{"Mo 13:00-16:00,09:00-12:00", "Mo 09:00-12:00,13:00-16:00"},
		{"Sa off; Mo 00:00-24:00", "Mo 00:00-24:00; Sa off"},
		{"Mo-Fr 09:00-17:00;", "Mo-Fr 09:00-17:00"},
		{"Mo-Th 08:00-16:00; Fr 08:00-14:00; Sa-Su off", "Mo-Th 08:00-16:00; Fr 08:00-14:00; Sa-Su off"},
		{"Mo,We,Fr 09:00-12:00; Tu,Th 14:00-18:30", "Mo,We,Fr 09:00-12:00; Tu,Th 14:00-18:30"},
		{"Mo-Su 09:00-12:00; Sa 09:00-12:00", "Mo-Su 09:00-12:00"},
	}
	for _, tt := range tests {
		s, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		got := s.String()
		if got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
		back, err := Parse(got)
		if err != nil {
			t.Errorf("Parse(%q) of String(): %v", got, err)
			continue
		}
		if !back.Equal(s) {
			t.Errorf("Parse(%q) = %+v, want %+v as parsed from %q", got, back, s, tt.in)
		}
	}
}

// A Schedule built by hand with an empty, non-nil slice for a named day is
// still written "off".
func TestStringEmptySlice(t *testing.T) {
	var s Schedule
	s.Named[sa] = true
	s.Days[sa] = []Span{}
	if got, want := s.String(), "Sa off"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
