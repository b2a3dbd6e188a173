package importcsv

import (
	"strings"
	"testing"

	"wegweiser/catalog"
)

func TestIDFromTitle(t *testing.T) {
	for title, want := range map[string]string{
		"Gründungsberatung im Landkreis Holzminden": "gruendungsberatung-im-landkreis-holzminden",
		"ÄÖÜ äöü ß ẞ":                               "aeoeue-aeoeue-ss-ss",
		"Café Société – Économie":                   "cafe-societe-economie",
		"Łódź, Øresund & Æble":                      "lodz-oresund-aeble",
		"  --IQ Netzwerk (NRW)!--  ":                "iq-netzwerk-nrw",
		"Türkçe Danışmanlık":                        "tuerkce-danismanlik", // ü→ue for every language, as the spec says
		"Beratung 2027/28":                          "beratung-2027-28",
		"استشارات التأسيس":                          "",
		"Консультации":                              "",
		"Beratung für Geflüchtete مرحبا":            "beratung-fuer-gefluechtete",
		"ﬁnanzierung ²":                             "finanzierung-2",
	} {
		got := IDFromTitle(title)
		if got != want {
			t.Errorf("IDFromTitle(%q) = %q, want %q", title, got, want)
		}
		if got != "" && !catalog.ValidID(got) {
			t.Errorf("IDFromTitle(%q) = %q is not a valid id", title, got)
		}
	}
}

func TestIDFromLongTitle(t *testing.T) {
	long := "Gründungsberatung für Migrantinnen und Migranten im Landkreis Holzminden und Umgebung"
	id := IDFromTitle(long)
	if id != "gruendungsberatung-fuer-migrantinnen-und-migranten-im-landkreis" {
		t.Errorf("cut between words: %q (%d)", id, len(id))
	}
	word := IDFromTitle(strings.Repeat("x", 100))
	if len(word) != 64 {
		t.Errorf("one long word: %d characters", len(word))
	}
}

func TestUniqueID(t *testing.T) {
	taken := map[string]bool{"a": true, "a-2": true}
	if got := uniqueID("a", func(id string) bool { return taken[id] }); got != "a-3" {
		t.Errorf("got %q", got)
	}
	base := strings.Repeat("b", 64)
	got := uniqueID(base, func(id string) bool { return id == base })
	if got != strings.Repeat("b", 62)+"-2" || !catalog.ValidID(got) {
		t.Errorf("long: %q", got)
	}
}
