package source

import (
	"net/url"
	"strings"
	"unicode/utf8"
	"wegweiser/catalog"
)

// checkURL reports a website that is not an absolute http(s) URL.
func checkURL(t *table, key, s string) {
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(s, " \t\n") {
		t.errorf(key, "'%s' is not a web address starting with https:// or http://", s)
	}
}

// checkPhone reports a phone number with other characters than digits,
// spaces, + / - ( ), or not starting with + or 0.
func checkPhone(t *table, key, s string) {
	if s == "" {
		return
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +/-()", r):
		default:
			t.errorf(key, "phone number '%s' may contain only digits, spaces and + / - ( )", s)
			return
		}
	}
	if s[0] != '+' && s[0] != '0' || digits < 3 {
		t.errorf(key, "phone number '%s' must start with + or 0 (such as +49 5531 ... or 05531 ...)", s)
	}
}

// checkEmail reports an address without exactly one @ and a dot after it.
func checkEmail(t *table, key, s string) {
	if s == "" {
		return
	}
	local, domain, _ := strings.Cut(s, "@")
	if strings.Count(s, "@") != 1 || local == "" || !strings.Contains(strings.Trim(domain, "."), ".") || strings.ContainsAny(s, " \t\n<>,;") {
		t.errorf(key, "'%s' is not an e-mail address such as name@example.org", s)
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
