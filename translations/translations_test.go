package translations

import (
	"encoding/json"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The kiosk offers every language of the sample catalogue.
var required = []string{"ar", "de", "en", "fa", "ru", "ti", "tr", "uk"}

func readFile(t *testing.T, lang string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", lang, err)
	}
	return m
}

var placeholder = regexp.MustCompile(`\{\{\.[A-Za-z]+\}\}`)

func placeholders(v any) string {
	var all []string
	switch v := v.(type) {
	case string:
		all = placeholder.FindAllString(v, -1)
	case map[string]any:
		for _, s := range v {
			all = append(all, placeholder.FindAllString(s.(string), -1)...)
		}
	}
	sort.Strings(all)
	all = compact(all)
	return strings.Join(all, " ")
}

func itoa(n int) string { return strconv.Itoa(n) }

func compact(s []string) []string {
	var out []string
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func TestEveryKeyInEveryLanguage(t *testing.T) {
	en := readFile(t, "en")
	for _, lang := range required {
		m := readFile(t, lang)
		for key, v := range en {
			got, ok := m[key]
			if !ok {
				t.Errorf("%s.json lacks %q", lang, key)
				continue
			}
			if placeholders(got) != placeholders(v) {
				t.Errorf("%s.json %q has placeholders %q, English has %q", lang, key, placeholders(got), placeholders(v))
			}
		}
		for key := range m {
			if _, ok := en[key]; !ok {
				t.Errorf("%s.json has %q, which en.json does not", lang, key)
			}
		}
	}
}

func TestPluralsAndPlaceholders(t *testing.T) {
	for _, tc := range []struct {
		lang, id string
		n        int
		want     string
	}{
		{"en", "offers_count", 1, "1 offer"},
		{"en", "offers_count", 12, "12 offers"},
		{"de", "offers_count", 1, "1 Angebot"},
		{"de", "offers_count", 3, "3 Angebote"},
	} {
		if got := For(tc.lang).N(tc.id, tc.n); got != tc.want {
			t.Errorf("%s %s %d = %q, want %q", tc.lang, tc.id, tc.n, got, tc.want)
		}
	}
	// Russian, Ukrainian and Arabic choose among more forms: "few" (3) and
	// "many" (5 in Russian, 11 in Arabic) are words of their own.
	for lang, many := range map[string]int{"ru": 5, "uk": 5, "ar": 11} {
		s := For(lang)
		few, lots := s.N("offers_count", 3), s.N("offers_count", many)
		if strings.ReplaceAll(few, "3", "") == strings.ReplaceAll(lots, itoa(many), "") {
			t.Errorf("%s: 3 and %d offers use the same form %q", lang, many, few)
		}
	}
	if got := For("en").T("home_title", map[string]any{"District": "Holzminden"}); got != "Starting a business in Holzminden" {
		t.Errorf("home_title = %q", got)
	}
	if got := For("xx").T("nav_back"); got != "Back" {
		t.Errorf("unknown language: %q, want the English", got)
	}
}

// Counts are written in the language's digits, as its dates are.
func TestCountsInTheLanguagesDigits(t *testing.T) {
	for lang, want := range map[string]string{"de": "13", "ar": "١٣", "fa": "۱۳", "ti": "13"} {
		if got := For(lang).N("search_results", 13); !strings.Contains(got, want) {
			t.Errorf("%s: %q does not contain %q", lang, got, want)
		}
	}
}
