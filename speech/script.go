package speech

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"wegweiser/catalog"
	"wegweiser/catalog/hours"
	"wegweiser/translations"
)

// Segment is one piece of what a screen says, in reading order.
type Segment struct {
	Lang      string // the language of the text, which may be a fallback's
	Text      string // what the synthesizer says
	Recording string // the catalogue's recording of this text ("audio/…"), "" when none is named
}

// Script is what a screen says.
type Script []Segment

// Add appends a text in lang; empty texts are left out.
func (s *Script) Add(lang, text, recording string) {
	if text = strings.TrimSpace(text); text != "" {
		*s = append(*s, Segment{Lang: lang, Text: text, Recording: recording})
	}
}

// OfferRecording is the path of the recording of an offer's text in a
// catalogue: audio/offer/<id>/<field>.<lang>.wav (see catalog/source).
func OfferRecording(id, field, lang string) string {
	return "audio/offer/" + id + "/" + field + "." + lang + ".wav"
}

// UIRecording is the path of the recording of an interface string.
func UIRecording(key, lang string) string { return "audio/ui/" + key + "." + lang + ".wav" }

// BrochureRecording is the path of the recording of a brochure's section
// (1 for the first).
func BrochureRecording(id string, section int, lang string) string {
	return "audio/brochure/" + id + "/" + strconv.Itoa(section) + "." + lang + ".wav"
}

// Offer is what the offer screen says: title, provider, summary, then
// each contact with its phone number (digit group by digit group) and
// opening hours (as the language says them).
func Offer(o *catalog.OfferDetail, lang string) Script {
	str := translations.For(lang)
	var s Script
	text := func(field string, l catalog.Localized) {
		s.Add(langOf(l, lang), l.Text, OfferRecording(o.ID, field, langOf(l, lang)))
	}
	text("title", o.Title)
	if o.Provider.Text != "" {
		s.Add(lang, str.T("offer_provider"), "")
		text("provider", o.Provider)
	}
	text("summary", o.Summary)
	text("description", o.Description)
	for _, c := range o.Contacts {
		if c.Label.Text != "" {
			s.Add(langOf(c.Label, lang), c.Label.Text, "")
		}
		if c.Phone != "" {
			s.Add(lang, str.T("offer_phone")+": "+Digits(c.Phone), "")
		}
		if lines := SpokenHours(c.Hours, lang); len(lines) > 0 {
			s.Add(lang, str.T("offer_hours")+": "+strings.Join(lines, ". "), "")
		}
		if c.HoursNote.Text != "" {
			s.Add(langOf(c.HoursNote, lang), c.HoursNote.Text, "")
		}
	}
	return s
}

func langOf(l catalog.Localized, def string) string {
	if l.Lang != "" {
		return l.Lang
	}
	return def
}

var digitGroups = regexp.MustCompile(`[+0-9][0-9 /()-]{4,}[0-9]`)

// Digits writes the phone numbers in text digit by digit, groups
// separated by a pause: "05531 707-0" → "0 5 5 3 1, 7 0 7, 0". A
// synthesizer would otherwise read "05531" as five thousand and more.
func Digits(text string) string {
	return digitGroups.ReplaceAllStringFunc(text, func(num string) string {
		var groups []string
		for _, g := range strings.FieldsFunc(num, func(r rune) bool { return r == ' ' || r == '/' || r == '-' || r == '(' || r == ')' }) {
			groups = append(groups, strings.Join(strings.Split(g, ""), " "))
		}
		return strings.Join(groups, ", ")
	})
}

// SpokenHours says opening hours in catalog/hours syntax as the language
// does: "Montag bis Donnerstag, 8 bis 16 Uhr", one sentence per group of
// days; text that does not parse is said as it is.
func SpokenHours(text, lang string) []string {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	sched, err := hours.Parse(text)
	if err != nil {
		return []string{text}
	}
	str := translations.For(lang)
	day := func(i int) string { return str.T("weekday_" + strconv.Itoa(i+1)) }
	var out []string
	for _, g := range sched.DayGroups() {
		var days []string
		for _, r := range g.Runs {
			if r[0] == r[1] {
				days = append(days, day(r[0]))
				continue
			}
			days = append(days, str.T("speech_day_range", map[string]any{"First": day(r[0]), "Last": day(r[1])}))
		}
		var times []string
		for _, sp := range g.Spans {
			times = append(times, str.T("speech_time_range", map[string]any{"From": spokenClock(sp.From), "To": spokenClock(sp.To)}))
		}
		if len(g.Spans) == 0 {
			times = append(times, str.T("speech_closed"))
		}
		out = append(out, strings.Join(days, ", ")+", "+strings.Join(times, ", "))
	}
	return out
}

// spokenClock is a time of day as synthesizers read it well: "8", "8:30".
func spokenClock(minutes int) string {
	if minutes%60 == 0 {
		return strconv.Itoa(minutes / 60)
	}
	return fmt.Sprintf("%d:%02d", minutes/60, minutes%60)
}

// Brochure is what a brochure page says: the brochure's title on its first
// page, the section's heading and body (one recording covers both, when
// they are in one language). section counts from 1.
func Brochure(b *catalog.BrochureDetail, section int, lang string) Script {
	var s Script
	if section < 1 || section > len(b.Sections) {
		return s
	}
	sec := b.Sections[section-1]
	if section == 1 {
		s.Add(langOf(b.Title, lang), b.Title.Text, "")
	}
	bodyLang := langOf(sec.Body, lang)
	rec := BrochureRecording(b.ID, section, bodyLang)
	if langOf(sec.Heading, lang) == bodyLang {
		s.Add(bodyLang, strings.TrimSpace(sec.Heading.Text+".\n"+sec.Body.Text), rec)
		return s
	}
	s.Add(langOf(sec.Heading, lang), sec.Heading.Text, "")
	s.Add(bodyLang, sec.Body.Text, rec)
	return s
}

// Text is a script of one text in lang (the speak command's --text).
func Text(text, lang string) Script {
	var s Script
	s.Add(lang, text, "")
	return s
}

// UIString is what an interface prompt says: its text, or its recording.
func UIString(key, lang string) Script {
	var s Script
	s.Add(lang, translations.For(lang).T(key), UIRecording(key, lang))
	return s
}
