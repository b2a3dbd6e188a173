package qr

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"wegweiser/catalog"
	"wegweiser/catalog/hours"
)

// Contact is one way to reach an offer, as a vCard puts it into a phone.
type Contact struct {
	Provider  string // who offers it: FN, N and ORG
	Label     string // which of the provider's contacts ("Servicetelefon"): the unit in ORG
	Phone     string
	Email     string
	Address   string // one line, "Street 1, 37603 Holzminden"
	Website   string
	Hours     string // opening hours in catalog/hours syntax; written in Lang, or as is when it does not parse
	HoursNote string // added to the opening hours in NOTE
	Lang      string // the visitor's language, for the opening hours
}

// ContactOf is the contact c of offer o as its vCard puts it, in the
// language of the view o came from: names and the hours note as the
// visitor reads them, the opening hours written in that language.
func ContactOf(o *catalog.OfferDetail, c catalog.ContactDetail, lang string) Contact {
	return Contact{Provider: o.Provider.Text, Label: c.Label.Text, Phone: c.Phone, Email: c.Email,
		Address: c.Address, Website: o.Website, Hours: c.Hours, HoursNote: c.HoursNote.Text, Lang: lang}
}

// maxName is the longest name a card gets, in characters: a phone shows
// about that much, and every character makes the code denser.
const maxName = 48

// ContactVCard writes c as a vCard 3.0 (RFC 2426) with CRLF line ends,
// escaped text values and lines folded at 75 octets:
//
//	BEGIN:VCARD
//	VERSION:3.0
//	N:Provider;;;;
//	FN:Provider
//	ORG:Provider;Label
//	TEL;TYPE=work,voice:…
//	EMAIL;TYPE=internet,work:…
//	ADR;TYPE=work:;;street;city;;postal code;Germany
//	URL:…
//	NOTE:Mo–Do 08:00–16:00\nFr 08:00–14:00
//	END:VCARD
//
// The name is the provider's, cut at a word to at most 48 characters (a
// phone shows no more, and long names made the codes too dense to scan);
// it stands in N too, which vCard 3.0 requires and some phones show
// instead of FN. The contact's label ("Servicetelefon") is the unit in ORG.
// Empty fields are left out.
func ContactVCard(c Contact) string {
	var b cardWriter
	name := shorten(firstNonEmpty(c.Provider, c.Label), maxName)
	if name == "" {
		name = firstNonEmpty(c.Phone, c.Email, c.Website, "Kontakt")
	}
	b.line("BEGIN:VCARD")
	b.line("VERSION:3.0")
	b.line("N:" + escapeText(name) + ";;;;")
	b.line("FN:" + escapeText(name))
	if org := orgValue(c); org != "" {
		b.line("ORG:" + org)
	}
	if c.Phone != "" {
		b.line("TEL;TYPE=work,voice:" + oneLine(c.Phone))
	}
	if c.Email != "" {
		b.line("EMAIL;TYPE=internet,work:" + escapeText(c.Email))
	}
	if c.Address != "" {
		street, code, city := SplitAddress(c.Address)
		b.line("ADR;TYPE=work:;;" + escapeText(street) + ";" + escapeText(city) + ";;" + escapeText(code) + ";Germany")
	}
	if c.Website != "" {
		b.line("URL:" + oneLine(c.Website))
	}
	lang := c.Lang
	if lang == "" {
		lang = "de"
	}
	if note := joinNonEmpty("\n", strings.Join(hours.Lines(c.Hours, lang), "\n"), c.HoursNote); note != "" {
		b.line("NOTE:" + escapeText(note))
	}
	b.line("END:VCARD")
	return b.String()
}

// orgValue is ORG: the provider and, as its unit, the contact's label.
func orgValue(c Contact) string {
	switch {
	case c.Provider == "" && c.Label == "":
		return ""
	case c.Label == "" || c.Provider == "":
		return escapeText(firstNonEmpty(c.Provider, c.Label))
	}
	return escapeText(strings.TrimSpace(c.Provider)) + ";" + escapeText(strings.TrimSpace(c.Label))
}

// shorten cuts s to at most n characters, at a space where it can, with
// "…" when anything was cut.
func shorten(s string, n int) string {
	s = oneLine(s)
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := string(rs[:n-1])
	if i := strings.LastIndex(cut, " "); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;–-") + "…"
}

// germanAddress is "…, NNNNN City": a street part, a five-digit postal code
// and a town.
var germanAddress = regexp.MustCompile(`^(.+),\s*(\d{5})\s+(\S.*)$`)

// SplitAddress splits a one-line German address "Street 1, 37603 Holzminden"
// into street, postal code and city. An address of another form is returned
// whole as the street.
func SplitAddress(address string) (street, postalCode, city string) {
	address = strings.TrimSpace(oneLine(address))
	if m := germanAddress.FindStringSubmatch(address); m != nil {
		return strings.TrimSpace(m[1]), m[2], strings.TrimSpace(m[3])
	}
	return address, "", ""
}

// Event is an event as a calendar entry puts it into a phone.
type Event struct {
	ID          string // stable id: the entry's UID, so that a second scan updates it
	Title       string
	Place       string
	Description string
	Website     string
	Start       time.Time
	End         time.Time // zero when not known: no DTEND
	Stamp       time.Time // when the entry was made (DTSTAMP); zero: Start
}

const utcLayout = "20060102T150405Z"

// EventICal writes e as an iCalendar object (RFC 5545) with one VEVENT:
// start and end in UTC ("…Z"), which every calendar converts to the
// phone's own time, so that no VTIMEZONE is needed (it made the code about
// a third larger); text values escaped, lines folded at 75 octets, CRLF
// line ends.
func EventICal(e Event) string {
	var b cardWriter
	b.line("BEGIN:VCALENDAR")
	b.line("VERSION:2.0")
	b.line("PRODID:-//Wegweiser//Kiosk//DE")
	b.line("BEGIN:VEVENT")
	b.line("UID:" + escapeText(e.ID) + "@wegweiser")
	stamp := e.Stamp
	if stamp.IsZero() {
		stamp = e.Start
	}
	b.line("DTSTAMP:" + stamp.UTC().Format(utcLayout))
	b.line("DTSTART:" + e.Start.UTC().Format(utcLayout))
	if !e.End.IsZero() {
		b.line("DTEND:" + e.End.UTC().Format(utcLayout))
	}
	b.line("SUMMARY:" + escapeText(e.Title))
	if e.Place != "" {
		b.line("LOCATION:" + escapeText(e.Place))
	}
	if e.Website != "" {
		b.line("URL:" + oneLine(e.Website))
	}
	if e.Description != "" {
		b.line("DESCRIPTION:" + escapeText(e.Description))
	}
	b.line("END:VEVENT")
	b.line("END:VCALENDAR")
	return b.String()
}

// escapeText escapes a text value for vCard and iCalendar: backslash,
// comma and semicolon get a backslash, a line break becomes \n.
func escapeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', ',', ';':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// oneLine is a value that is not text (a URI, a phone number): it is not
// escaped, but may not break the line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("\r", " ", "\n", " ").Replace(s)), " ")
}

// cardWriter collects content lines, folded and with CRLF.
type cardWriter struct{ strings.Builder }

func (w *cardWriter) line(s string) {
	w.WriteString(Fold(s))
	w.WriteString("\r\n")
}

// maxOctets is the longest line, without its line break, that RFC 2425 and
// RFC 5545 allow.
const maxOctets = 75

// Fold folds one content line: after at most 75 octets a CRLF and a space
// continue it, so that no line is longer than 75 octets. A UTF-8 character
// and an escape such as "\," are never split.
func Fold(line string) string {
	if len(line) <= maxOctets {
		return line
	}
	var b strings.Builder
	n := 0 // octets on the current line
	for i := 0; i < len(line); {
		size := unitLen(line[i:])
		if n+size > maxOctets {
			b.WriteString("\r\n ")
			n = 1
		}
		b.WriteString(line[i : i+size])
		n += size
		i += size
	}
	return b.String()
}

// unitLen is the length of the unit that Fold keeps together at the start
// of s: an escape, or one UTF-8 character.
func unitLen(s string) int {
	if s[0] == '\\' && len(s) > 1 {
		_, size := utf8.DecodeRuneInString(s[1:])
		return 1 + size
	}
	_, size := utf8.DecodeRuneInString(s)
	return size
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
