package hours

import (
	"fmt"
	"strings"
)

// Format renders the schedule for a visitor, one line per group of days
// with equal hours, in the order of String:
//
//	de: "Mo–Do 08:00–16:00", "Fr 08:00–14:00", "Sa–So geschlossen"
//	en: "Mon–Thu 8:00 AM – 4:00 PM", "Fri 8:00 AM – 2:00 PM", "Sat–Sun closed"
//
// Days named "off" get the language's word for closed; days no rule names
// are left out, so the zero Schedule gives no lines. lang is a BCP 47 tag
// such as "de", "ar-SY" or "fa_AF"; only its language subtag counts, and
// languages without a table (see locale.go) get English. Right-to-left text
// is returned in logical order; see locale for why it needs no bidi marks.
func (s Schedule) Format(lang string) []string {
	loc := lookup(lang)
	var lines []string
	for _, g := range s.groups() {
		var b strings.Builder
		for i, r := range g.runs {
			if i > 0 {
				b.WriteString(loc.list)
			}
			b.WriteString(loc.days[r.first])
			if r.last != r.first {
				b.WriteString(loc.dayRange)
				b.WriteString(loc.days[r.last])
			}
		}
		b.WriteByte(' ')
		if len(g.spans) == 0 {
			b.WriteString(loc.closed)
		}
		for i, sp := range g.spans {
			if i > 0 {
				b.WriteString(loc.list)
			}
			b.WriteString(loc.clock(sp.From))
			b.WriteString(loc.span)
			b.WriteString(loc.clock(sp.To))
		}
		lines = append(lines, b.String())
	}
	return lines
}

// lookup finds the table for a language tag, falling back to English.
func lookup(lang string) *locale {
	base, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(lang, "_", "-")), "-")
	if loc, ok := locales[base]; ok {
		return loc
	}
	return locales[fallback]
}

// clock writes a time of day (minutes since midnight, up to 1440) in the
// locale's clock and digits. 24:00 is "24:00" on a 24-hour clock and
// "12:00 AM" on a 12-hour one.
func (l *locale) clock(minutes int) string {
	h, m := minutes/60, minutes%60
	period := ""
	if l.h12 {
		period = " " + l.am
		if h >= 12 && h < 24 {
			period = " " + l.pm
		}
		if h %= 12; h == 0 {
			h = 12
		}
	}
	layout := "%d:%02d"
	if l.pad {
		layout = "%02d:%02d"
	}
	return l.digits(fmt.Sprintf(layout, h, m)) + period
}

// digits replaces the ASCII digits in s by the locale's.
func (l *locale) digits(s string) string {
	if l.zero == '0' {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return l.zero + r - '0'
		}
		return r
	}, s)
}
