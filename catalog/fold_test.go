package catalog

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Existenzgründung":       "existenzgrundung",
		"STRAẞE Straße":          "strasse strasse",
		"Gru\u0308ndung":         "grundung", // the same in NFD, as written on a Mac
		"DANIŞMANLIK İş":         "danismanlik is",
		"التَّأْسِيس":            "التاسيس", // vowel signs and hamza
		"إنشاء آمن":              "انشاء امن",
		"تـمـويـل":               "تمويل", // tatweel
		"کمک مالی":               "كمك مالي",
		"Консультация Ёж Й":      "консультация еж и",
		"ምኽሪ":                    "ምኽሪ",              // Ethiopic has no marks to remove
		"کسب\u200cوکار":          "كسبوكار",          // Persian half-space (ZWNJ)
		"Existenz\u00adgründung": "existenzgrundung", // soft hyphen
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}
