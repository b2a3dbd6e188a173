package hours

import (
	"fmt"
	"slices"
	"unicode"
)

// dayCodes are the day names of the syntax, Monday first.
var dayCodes = [7]string{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}

// SyntaxError tells where and why Parse stopped.
type SyntaxError struct {
	Column int    // 1-based, counted in characters (runes), not bytes
	Msg    string // plain English, e.g. "expected a time like 09:00"
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("column %d: %s", e.Column, e.Msg)
}

// Parse reads opening hours in the syntax described in the package
// documentation. The empty text gives the zero Schedule. Text that breaks the
// syntax gives a *SyntaxError for the first problem.
func Parse(s string) (Schedule, error) {
	var sch Schedule
	if s == "" {
		return sch, nil
	}
	p := parser{src: []rune(s)}
	for {
		days, err := p.days()
		if err != nil {
			return Schedule{}, err
		}
		if p.peek() != ' ' {
			return Schedule{}, p.errorAt(p.pos, "expected a space between the days and the times")
		}
		p.pos++
		spans, err := p.times()
		if err != nil {
			return Schedule{}, err
		}
		for d := range 7 {
			if days[d] {
				sch.Named[d] = true
				sch.Days[d] = slices.Clone(spans) // nil for "off"
			}
		}
		if p.eof() {
			return sch, nil
		}
		if p.peek() != ';' {
			return Schedule{}, p.errorAt(p.pos, `expected "; " before the next rule, or the end of the text`)
		}
		p.pos++
		if p.eof() {
			return sch, nil // a trailing ";" is tolerated
		}
		if p.peek() != ' ' {
			return Schedule{}, p.errorAt(p.pos, `expected a space after ";"`)
		}
		p.pos++
	}
}

// parser walks the text rune by rune; pos is the index of the next rune.
type parser struct {
	src []rune
	pos int
}

func (p *parser) eof() bool { return p.pos >= len(p.src) }

// peek returns the next rune, or 0 at the end of the text.
func (p *parser) peek() rune {
	if p.eof() {
		return 0
	}
	return p.src[p.pos]
}

// errorAt makes a *SyntaxError for the rune at index pos.
func (p *parser) errorAt(pos int, msg string) error {
	return &SyntaxError{Column: pos + 1, Msg: msg}
}

// word reads a run of letters and returns it with the index where it starts.
func (p *parser) word() (string, int) {
	start := p.pos
	for !p.eof() && unicode.IsLetter(p.peek()) {
		p.pos++
	}
	return string(p.src[start:p.pos]), start
}

// days reads DAYS and returns the set of days it names.
func (p *parser) days() ([7]bool, error) {
	var set [7]bool
	for {
		first, err := p.day()
		if err != nil {
			return set, err
		}
		last := first
		if p.peek() == '-' {
			p.pos++
			at := p.pos
			if last, err = p.day(); err != nil {
				return set, err
			}
			if last == first {
				return set, p.errorAt(at, "a day range needs two different days")
			}
		}
		for d := first; ; d = (d + 1) % 7 { // a range may wrap: Fr-Mo
			set[d] = true
			if d == last {
				break
			}
		}
		if p.peek() != ',' {
			return set, nil
		}
		p.pos++
	}
}

// day reads one day name and returns its index, Monday = 0.
func (p *parser) day() (int, error) {
	if p.peek() == ' ' {
		return 0, p.errorAt(p.pos, "expected a day like Mo, not a space")
	}
	w, start := p.word()
	if w == "" {
		return 0, p.errorAt(start, "expected a day like Mo")
	}
	if d := slices.Index(dayCodes[:], w); d >= 0 {
		return d, nil
	}
	return 0, p.errorAt(start, fmt.Sprintf("unknown day %q, expected one of Mo Tu We Th Fr Sa Su", w))
}

// times reads TIMES: "off" (returned as nil) or a list of spans.
func (p *parser) times() ([]Span, error) {
	switch r := p.peek(); {
	case r == ' ':
		return nil, p.errorAt(p.pos, `expected a time like 09:00 or "off", not a space`)
	case unicode.IsLetter(r):
		if w, start := p.word(); w != "off" {
			return nil, p.errorAt(start, `expected a time like 09:00 or "off"`)
		}
		return nil, nil
	}
	var spans []Span
	for {
		start := p.pos
		sp, err := p.span()
		if err != nil {
			return nil, err
		}
		for _, o := range spans {
			if sp.From < o.To && o.From < sp.To {
				return nil, p.errorAt(start, "this time span overlaps an earlier one")
			}
		}
		spans = append(spans, sp)
		if p.peek() != ',' {
			break
		}
		p.pos++
	}
	slices.SortFunc(spans, func(a, b Span) int { return a.From - b.From })
	return spans, nil
}

// span reads HH:MM-HH:MM.
func (p *parser) span() (Span, error) {
	from, err := p.clock()
	if err != nil {
		return Span{}, err
	}
	if p.peek() != '-' {
		return Span{}, p.errorAt(p.pos, `expected "-" after the opening time`)
	}
	p.pos++
	at := p.pos
	to, err := p.clock()
	if err != nil {
		return Span{}, err
	}
	if to <= from {
		return Span{}, p.errorAt(at, "the closing time must be later than the opening time")
	}
	return Span{From: from, To: to}, nil
}

// clock reads HH:MM and returns minutes since midnight (at most 24:00).
func (p *parser) clock() (int, error) {
	start := p.pos
	t := p.src[start:min(start+5, len(p.src))]
	if len(t) < 5 || !isDigit(t[0]) || !isDigit(t[1]) || t[2] != ':' || !isDigit(t[3]) || !isDigit(t[4]) {
		return 0, p.errorAt(start, "expected a time like 09:00")
	}
	p.pos += 5
	h := int(t[0]-'0')*10 + int(t[1]-'0')
	m := int(t[3]-'0')*10 + int(t[4]-'0')
	switch {
	case h > 24:
		return 0, p.errorAt(start, "the hour must be between 00 and 24")
	case m > 59:
		return 0, p.errorAt(start+3, "the minutes must be between 00 and 59")
	case h == 24 && m > 0:
		return 0, p.errorAt(start, "24:00 is the latest time of day")
	}
	return h*60 + m, nil
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
