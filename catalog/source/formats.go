package source

import (
	"net/url"
	"strings"
	"unicode/utf8"
	"wegweiser/catalog"
)

// WebAddressProblem says why s is not a website a catalogue accepts (an
// absolute http or https address), naming it as shown, or "" when it is
// one. The spreadsheet import applies the same rules.
func WebAddressProblem(s, shown string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(s, " \t\n") {
		return shown + " is not a web address starting with https:// or http://"
	}
	return ""
}

// PhoneProblem says why s is not a phone number a catalogue accepts (only
// digits, spaces and + / - ( ), starting with + or 0), naming it as shown,
// or "" when it is one.
func PhoneProblem(s, shown string) string {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +/-()", r):
		default:
			return "phone number " + shown + " may contain only digits, spaces and + / - ( )"
		}
	}
	if s == "" || s[0] != '+' && s[0] != '0' || digits < 3 {
		return "phone number " + shown + " must start with + or 0 (such as +49 5531 ... or 05531 ...)"
	}
	return ""
}

// EmailProblem says why s is not an e-mail address a catalogue accepts
// (exactly one @ and a dot after it), naming it as shown, or "" when it is
// one.
func EmailProblem(s, shown string) string {
	local, domain, _ := strings.Cut(s, "@")
	if strings.Count(s, "@") != 1 || local == "" || !strings.Contains(strings.Trim(domain, "."), ".") || strings.ContainsAny(s, " \t\n<>,;") {
		return shown + " is not an e-mail address such as name@example.org"
	}
	return ""
}

// checkURL, checkPhone and checkEmail report a value that is given but
// breaks its rules.
func checkURL(t *table, key, s string) {
	check(t, key, s, WebAddressProblem)
	if s != "" && WebAddressProblem(s, s) == "" {
		t.c.links = append(t.c.links, Link{Path: t.f.path, Line: t.line(key), URL: s})
	}
}
func checkPhone(t *table, key, s string) { check(t, key, s, PhoneProblem) }
func checkEmail(t *table, key, s string) { check(t, key, s, EmailProblem) }

func check(t *table, key, s string, problem func(s, shown string) string) {
	if s == "" {
		return
	}
	if p := problem(s, "'"+s+"'"); p != "" {
		t.errorf(key, "%s", p)
	}
}

// checkOneLine reports a value that spans lines.
func checkOneLine(t *table, key, s string) {
	if strings.ContainsAny(s, "\r\n") {
		t.errorf(key, "'%s' must be written on one line", key)
	}
}

// checkSummaryLength warns about a summary too long for a tile.
func checkSummaryLength(t *table, key string, text map[string]string) {
	for _, lang := range sortedKeys(text) {
		if n := utf8.RuneCountInString(text[lang]); n > 300 {
			t.warnf(key+"."+lang, "'%s' in '%s' has %d characters; keep it under 300 so that it fits on the screen", key, lang, n)
		}
	}
}

// checkLanguages reports entries of a list of spoken languages that are
// not language codes.
func checkLanguages(t *table, key string, langs []string) {
	for i, lang := range langs {
		if !catalog.ValidLanguageCode(lang) {
			t.errorf(key+"["+itoa(i)+"]", "'%s' is not a language code such as de, ar, prs or pt-BR", lang)
		}
	}
}
