package importcsv

import (
	"strings"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/hours"
	"wegweiser/catalog/source"
)

// The format rules of catalog/source, applied to single cells so that a
// problem is reported at its row. Each returns "" when the
// value is fine, else the message.

func checkURL(s string) string   { return source.WebAddressProblem(s, quote(s)) }
func checkPhone(s string) string { return source.PhoneProblem(s, quote(s)) }
func checkEmail(s string) string { return source.EmailProblem(s, quote(s)) }

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
