package ui

import (
	"strconv"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/hours"
)

// formatDate writes a date (and with clock its time) as the visitor's
// language writes it: day and month names, digits, 12- or 24-hour clock.
func (k *Kiosk) formatDate(t time.Time, clock bool) string {
	t = t.In(catalog.Berlin)
	str := k.s.str
	weekday := int(t.Weekday()+6)%7 + 1 // Monday = 1
	s := str.T("date_format", map[string]any{
		"Weekday": str.T("weekday_" + strconv.Itoa(weekday)),
		"Day":     hours.Digits(k.s.lang, strconv.Itoa(t.Day())),
		"Month":   str.T("month_" + strconv.Itoa(int(t.Month()))),
		"Year":    hours.Digits(k.s.lang, strconv.Itoa(t.Year())),
	})
	if clock {
		s += hours.Comma(k.s.lang) + hours.Clock(k.s.lang, t.Hour()*60+t.Minute())
	}
	return s
}

// formatSpan writes an event's start, and its end time when it has one.
func (k *Kiosk) formatSpan(start, end time.Time) string {
	s := k.formatDate(start, true)
	if !end.IsZero() {
		end = end.In(catalog.Berlin)
		s += " – " + hours.Clock(k.s.lang, end.Hour()*60+end.Minute())
	}
	return s
}

// number writes n in the visitor's digits (Arabic-Indic in Arabic).
func (k *Kiosk) number(n int) string { return hours.Digits(k.s.lang, strconv.Itoa(n)) }
