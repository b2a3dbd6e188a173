package importcsv

import (
	"net/url"
	"strings"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/hours"
)

// The format rules of catalog/source (formats.go there), applied to single
// cells so that a problem is reported at its row. Each returns "" when the
// value is fine, else the message.

func checkURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(s, " \t\n") {
		return quote(s) + " is not a web address starting with https:// or http://"
	}
	return ""
}

func checkPhone(s string) string {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +/-()", r):
		default:
			return "phone number " + quote(s) + " may contain only digits, spaces and + / - ( )"
		}
	}
	if s[0] != '+' && s[0] != '0' || digits < 3 {
		return "phone number " + quote(s) + " must start with + or 0 (such as +49 5531 ... or 05531 ...)"
	}
	return ""
}

func checkEmail(s string) string {
	local, domain, _ := strings.Cut(s, "@")
	if strings.Count(s, "@") != 1 || local == "" || !strings.Contains(strings.Trim(domain, "."), ".") || strings.ContainsAny(s, " \t\n<>,;") {
		return quote(s) + " is not an e-mail address such as name@example.org"
	}
	return ""
}

func checkOneLine(s string) string {
	if strings.Contains(s, "\n") {
		return "must be written on one line"
	}
	return ""
}

func checkHours(s string) string {
	if _, err := hours.Parse(s); err != nil {
		return "opening hours " + quote(s) + ": " + err.Error()
	}
	return ""
}

func checkID(s string) string {
	if !catalog.ValidID(s) {
		return "id " + quote(s) + " may use only a-z, 0-9 and '-', start with a letter or digit, and be at most 64 characters long (or leave the cell empty to have one made from the title)"
	}
	return ""
}

func checkLanguage(s string) string {
	if !catalog.ValidLanguageCode(s) {
		return quote(s) + " is not a language code such as de, ar, prs or pt-BR"
	}
	return ""
}

// parseDate reads a date written YYYY-MM-DD, as midnight UTC like
// catalog/source's dates.
func parseDate(s string) (time.Time, string) {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil || len(s) != len(time.DateOnly) {
		return time.Time{}, quote(s) + " is not a date written like 2027-03-31 (year-month-day; format the column as YYYY-MM-DD)"
	}
	return d, ""
}
