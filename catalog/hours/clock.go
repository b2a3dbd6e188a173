package hours

// Clock writes a time of day (minutes since midnight) as lang writes it,
// with its clock and digits: "18:00" in German, "6:00 PM" in English.
func Clock(lang string, minutes int) string { return lookup(lang).clock(minutes) }

// Digits writes the ASCII digits of s in lang's digits (Arabic-Indic for
// Arabic, Persian for Persian and Dari); other characters stay.
func Digits(lang, s string) string { return lookup(lang).digits(s) }

// Comma is the separator lang lists things with: "، " in Arabic script
// (the Arabic comma), ", " in Latin and Cyrillic.
func Comma(lang string) string { return lookup(lang).list }
