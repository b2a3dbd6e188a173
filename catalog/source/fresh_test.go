package source

import (
	"os"
	"strings"
	"testing"
	"time"
)

// Issue 14: with recheck_after, offers whose `updated` date is older (or
// missing) are warned about, marked Stale for `check --stale`, with the
// line of their date.
func TestOverdueOffers(t *testing.T) {
	cat, err := os.ReadFile("testdata/valid/catalog.toml")
	if err != nil {
		t.Fatal(err)
	}
	fsys := withFiles(t, map[string][]byte{"catalog.toml": append(cat, "recheck_after = \"365d\"\n"...)})
	content, problems := LoadAt(fsys, time.Date(2027, 12, 1, 0, 0, 0, 0, time.UTC))
	if content.Meta.RecheckAfter != 365*24*time.Hour {
		t.Fatalf("recheck_after %v", content.Meta.RecheckAfter)
	}
	var stale []string
	for _, p := range problems {
		if p.Stale {
			stale = append(stale, p.String())
		}
	}
	joined := strings.Join(stale, "\n")
	// iq-fachstelle: updated 2026-11-01, due 2027-11-01.
	if !strings.Contains(joined, "offer 'iq-fachstelle' was last checked on 2026-11-01; a recheck was due on 2027-11-01") ||
		!strings.Contains(joined, "offers/") || !strings.Contains(joined, "offers/national.toml:8: warning") {
		t.Errorf("stale:\n%s", joined)
	}
	// A day before it is due, nothing.
	_, problems = LoadAt(fsys, time.Date(2027, 10, 31, 0, 0, 0, 0, time.UTC))
	for _, p := range problems {
		if p.Stale && strings.Contains(p.Message, "'iq-fachstelle' was") {
			t.Errorf("not yet due: %v", p)
		}
	}
	// Without recheck_after, no freshness warnings at all.
	_, problems = LoadAt(withFiles(t, nil), time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, p := range problems {
		if p.Stale {
			t.Errorf("without recheck_after: %v", p)
		}
	}
	_, problems = LoadAt(withFiles(t, map[string][]byte{"catalog.toml": append(cat, "recheck_after = \"soon\"\n"...)}), time.Now())
	if problems.Errors() == 0 {
		t.Error("recheck_after 'soon' was accepted")
	}
}
