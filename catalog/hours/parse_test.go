package hours

import (
	"errors"
	"testing"
)

// at is a time of day in minutes, for writing expected spans.
func at(h, m int) int { return h*60 + m }

// rule names days (Monday = 0) and gives them spans; nil spans mean "off".
type rule struct {
	days  []int
	spans []Span
}

// week builds the Schedule that the rules describe, without using Parse.
func week(rules ...rule) Schedule {
	var s Schedule
	for _, r := range rules {
		for _, d := range r.days {
			s.Named[d] = true
			s.Days[d] = r.spans
		}
	}
	return s
}

const (
	mo = iota
	tu
	we
	th
	fr
	sa
	su
)

var (
	nineToFive = []Span{{at(9, 0), at(17, 0)}}
	twoSpans   = []Span{{at(9, 0), at(12, 0)}, {at(13, 0), at(16, 0)}}
	allDay     = []Span{{0, 1440}}
)

func TestParseValid(t *testing.T) {
	tests := []struct {
		in   string
		want Schedule
	}{
		{"", Schedule{}},
		{"Mo 09:00-17:00", week(rule{[]int{mo}, nineToFive})},
		{"Mo-Fr 09:00-17:00", week(rule{[]int{mo, tu, we, th, fr}, nineToFive})},
		{"Mo-Fr 09:00-17:00; We off", week(
			rule{[]int{mo, tu, th, fr}, nineToFive},
			rule{[]int{we}, nil})},
		{"Mo,We,Fr-Sa 09:00-12:00,13:00-16:00", week(rule{[]int{mo, we, fr, sa}, twoSpans})},
		{"Mo 13:00-16:00,09:00-12:00", week(rule{[]int{mo}, twoSpans})},
		{"Fr-Mo 09:00-17:00", week(rule{[]int{fr, sa, su, mo}, nineToFive})},
		{"Su-Mo 00:00-24:00", week(rule{[]int{su, mo}, allDay})},
		{"Mo-Su off", week(rule{[]int{mo, tu, we, th, fr, sa, su}, nil})},
		{"Mo 09:00-12:00,12:00-13:00", week(rule{[]int{mo}, []Span{{at(9, 0), at(12, 0)}, {at(12, 0), at(13, 0)}}})},
		{"Mo 23:59-24:00", week(rule{[]int{mo}, []Span{{at(23, 59), 1440}}})},
		{"Mo,Mo 09:00-17:00", week(rule{[]int{mo}, nineToFive})},
		// A later rule replaces the hours of the days it names; it does not add.
		{"Mo 08:00-10:00; Mo 12:00-14:00", week(rule{[]int{mo}, []Span{{at(12, 0), at(14, 0)}}})},
		{"Mo-Fr 09:00-17:00; Sa 10:00-12:00; Fr 09:00-12:00,13:00-16:00", week(
			rule{[]int{mo, tu, we, th}, nineToFive},
			rule{[]int{fr}, twoSpans},
			rule{[]int{sa}, []Span{{at(10, 0), at(12, 0)}}})},
		// One trailing ";" is tolerated.
		{"Mo-Fr 09:00-17:00;", week(rule{[]int{mo, tu, we, th, fr}, nineToFive})},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): unexpected error %v", tt.in, err)
			continue
		}
		if !got.Equal(tt.want) {
			t.Errorf("Parse(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in     string
		column int
		msg    string
	}{
		{"Mo-Fr 9:00-17:00", 7, "expected a time like 09:00"},
		{"Mx 09:00-10:00", 1, `unknown day "Mx", expected one of Mo Tu We Th Fr Sa Su`},
		{"mo 09:00-10:00", 1, `unknown day "mo", expected one of Mo Tu We Th Fr Sa Su`},
		{"Mon 09:00-10:00", 1, `unknown day "Mon", expected one of Mo Tu We Th Fr Sa Su`},
		{"Mo-Fö 09:00-10:00", 4, `unknown day "Fö", expected one of Mo Tu We Th Fr Sa Su`},
		{"Mo-Fr 09:00-17:00;Sa 10:00-12:00", 19, `expected a space after ";"`},
		{"Mo-Fr 09:00-17:00;  Sa 10:00-12:00", 20, "expected a day like Mo, not a space"},
		{"Mo-Fr 09:00-17:00;;", 19, `expected a space after ";"`},
		{"Mo-Fr 09:00-17:00; ", 20, "expected a day like Mo"},
		{"Mo-Fr 09:00-17:00 Sa 10:00-12:00", 18, `expected "; " before the next rule, or the end of the text`},
		{"Mo-Fr  09:00-17:00", 7, `expected a time like 09:00 or "off", not a space`},
		{"Mo-Fr09:00-17:00", 6, "expected a space between the days and the times"},
		{"Mo-Fr", 6, "expected a space between the days and the times"},
		{"Mo ", 4, "expected a time like 09:00"},
		{" Mo 09:00-10:00", 1, "expected a day like Mo, not a space"},
		{";", 1, "expected a day like Mo"},
		{"Mo, We 09:00-10:00", 4, "expected a day like Mo, not a space"},
		{"Mo,,We 09:00-10:00", 4, "expected a day like Mo"},
		{"Mo- 09:00-10:00", 4, "expected a day like Mo, not a space"},
		{"Mo-Mo 09:00-10:00", 4, "a day range needs two different days"},
		{"Mo 09:00", 9, `expected "-" after the opening time`},
		{"Mo 09:00–10:00", 9, `expected "-" after the opening time`}, // en dash
		{"Mo 0900-1000", 4, "expected a time like 09:00"},
		{"Mo 09:00-10:00,", 16, "expected a time like 09:00"},
		{"Mo 09:00-10:00,off", 16, "expected a time like 09:00"},
		{"Mo 25:00-26:00", 4, "the hour must be between 00 and 24"},
		{"Mo 09:60-10:00", 7, "the minutes must be between 00 and 59"},
		{"Mo 09:00-24:30", 10, "24:00 is the latest time of day"},
		{"Mo 12:00-09:00", 10, "the closing time must be later than the opening time"},
		{"Mo 09:00-09:00", 10, "the closing time must be later than the opening time"},
		{"Mo 24:00-24:00", 10, "the closing time must be later than the opening time"},
		{"Mo 22:00-02:00", 10, "the closing time must be later than the opening time"},
		{"Mo 09:00-12:00,11:00-13:00", 16, "this time span overlaps an earlier one"},
		{"Mo 09:00-12:00,13:00-14:00,08:00-18:00", 28, "this time span overlaps an earlier one"},
		{"Mo closed", 4, `expected a time like 09:00 or "off"`},
		{"Mo Off", 4, `expected a time like 09:00 or "off"`},
		{"Mo off,09:00-10:00", 7, `expected "; " before the next rule, or the end of the text`},
		{"Mo 09:00-10:00;\u00a0Tu off", 16, `expected a space after ";"`},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q): got error %v, want a *SyntaxError", tt.in, err)
			continue
		}
		if se.Column != tt.column || se.Msg != tt.msg {
			t.Errorf("Parse(%q): got column %d %q, want column %d %q", tt.in, se.Column, se.Msg, tt.column, tt.msg)
		}
	}
}

func TestSyntaxErrorText(t *testing.T) {
	_, err := Parse("Mo-Fr 9:00-17:00")
	if got, want := err.Error(), "column 7: expected a time like 09:00"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestParseCopiesSpans(t *testing.T) {
	s, err := Parse("Mo-Tu 09:00-17:00")
	if err != nil {
		t.Fatal(err)
	}
	s.Days[mo][0].From = 0
	if s.Days[tu][0].From != at(9, 0) {
		t.Error("days of one rule share their spans; changing Monday changed Tuesday")
	}
}

func TestIsZero(t *testing.T) {
	for in, want := range map[string]bool{"": true, "Mo off": false, "Mo 09:00-10:00": false} {
		s, err := Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if s.IsZero() != want {
			t.Errorf("Parse(%q).IsZero() = %v, want %v", in, !want, want)
		}
	}
}
