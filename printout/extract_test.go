package printout

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// rawPDFText is pdftotext's output as it is: no normalization.
func rawPDFText(t *testing.T, pdf []byte) string {
	t.Helper()
	needTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// Issue 12: right-to-left text could not be found or copied: 67–77 % of
// the Arabic-script characters came out of a sheet as presentation forms.
// Now a presentation form carries the letter it stands for (ActualText);
// only lam-alef ligatures remain. Each offer's title, as written in the
// catalogue, is found in the extracted text.
func TestRightToLeftTextExtractsAsWritten(t *testing.T) {
	c := sample(t)
	for _, lang := range []string{"ar", "fa"} {
		pdf := sheet(t, c, sampleOffers, Options{Lang: lang, District: "03255", Now: testTime})
		raw := rawPDFText(t, pdf)
		arabic, forms := 0, 0
		for _, r := range raw {
			if unicode.Is(unicode.Arabic, r) {
				arabic++
				if isPresentationForm(r) {
					forms++
				}
			}
		}
		if arabic == 0 || float64(forms)/float64(arabic) > 0.03 {
			t.Errorf("%s: %d of %d Arabic-script characters come out as presentation forms", lang, forms, arabic)
		}
		text := norm.NFKC.String(raw)
		// Mixed phrases, each on one line of the page, whole and in order
		// (they came out as "برنامج – WIRشبكات" and ") (BMAS").
		for _, phrase := range map[string][]string{
			"ar": {"برنامج WIR – شبكات", "الاجتماعية (BMAS)، برنامج"},
			"fa": {"برنامه WIR – شبکه\u200cهایی", "(BMAS)"},
		}[lang] {
			if !strings.Contains(searchable(text), searchable(phrase)) {
				t.Errorf("%s: %q is not in the text:\n%s", lang, phrase, text)
			}
		}
		v := c.In(lang)
		for _, id := range sampleOffers {
			o, err := v.Offer(id)
			if err != nil {
				t.Fatal(err)
			}
			if !inOrder(text, o.Title.Text) {
				t.Errorf("%s: the title %q is not in the text in its order:\n%s", lang, o.Title.Text, text)
			}
		}
	}
}

// searchable is text as a search in a PDF viewer compares it: without the
// embedding marks that pdftotext puts around right-to-left lines (and the
// right-to-left marks of the ActualText of punctuation), without
// white space (pdftotext moves a space at a change of direction to the
// other side of a Latin word, and breaks lines where the page does) and
// without zero width non-joiners (which no glyph draws).
func searchable(s string) string {
	return strings.Map(func(r rune) rune {
		if (r >= '\u202A' && r <= '\u202E') || (r >= '\u200C' && r <= '\u200F') || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// inOrder reports whether phrase stands in text in logical order: as a
// whole, or, where the page broke it over lines (and pdftotext put a
// caption of the next column between them), as pieces of whole words each
// found after the one before.
func inOrder(text, phrase string) bool {
	text = searchable(text)
	words := strings.Fields(phrase)
	pos := 0
	for len(words) > 0 {
		n := len(words)
		for ; n > 0; n-- {
			if i := strings.Index(text[pos:], searchable(strings.Join(words[:n], " "))); i >= 0 {
				pos += i + len(searchable(strings.Join(words[:n], " ")))
				break
			}
		}
		if n == 0 {
			return false
		}
		words = words[n:]
	}
	return true
}

// Issue 12: the German half of a bilingual sheet tells the next office the
// person's language (in German and as the person writes it) and the
// catalogue's date, and leaves room for notes; a sheet without German has
// none of it.
func TestGermanHalfForTheNextOffice(t *testing.T) {
	c := sample(t)
	for lang, names := range map[string][2]string{"ar": {"Arabisch", "العربية"}, "ti": {"Tigrinya", "ትግርኛ"}, "fa": {"Persisch", "فارسی"}, "uk": {"Ukrainisch", "Українська"}} {
		raw := norm.NFKC.String(rawPDFText(t, sheet(t, c, sampleOffers, Options{Lang: lang, WithGerman: true, District: "03255", Now: testTime})))
		text := searchable(raw)
		for _, want := range []string{"Stand: Samstag, 21. November 2026", "Notizen der Beratungsstelle", "Geprüft am "} {
			if !strings.Contains(text, searchable(want)) {
				t.Errorf("%s: %q missing", lang, want)
			}
		}
		// One line with the language in German and in its own script
		// (pdftotext may put a right-to-left name first).
		found := false
		for _, line := range strings.Split(raw, "\n") {
			if l := searchable(line); strings.Contains(l, searchable("Sprache der Person: "+names[0])) && strings.Contains(l, names[1]) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no line names the language as %q and %q", lang, names[0], names[1])
		}
		alone := rawPDFText(t, sheet(t, c, sampleOffers, Options{Lang: lang, District: "03255", Now: testTime}))
		if strings.Contains(alone, "Sprache der Person") || strings.Contains(alone, "Notizen") {
			t.Errorf("%s: the sheet without German has the German lines", lang)
		}
	}
}

// Issue 12: the embedded fonts are subsets and now say so with the tag ISO
// 32000 asks for ("ABCDEF+NotoSans-Regular"); the renamed document is
// still sound (qpdf finds no error in its cross-reference table).
func TestEmbeddedFontsCarrySubsetTags(t *testing.T) {
	c := sample(t)
	for _, lang := range []string{"de", "ar", "ti"} {
		pdf := sheet(t, c, sampleOffers, Options{Lang: lang, WithGerman: true, District: "03255", Now: testTime})
		fonts := pdfFonts(t, pdf)
		if len(fonts) == 0 {
			t.Fatalf("%s: no fonts", lang)
		}
		for _, f := range fonts {
			fields := strings.Fields(f)
			if !subsetTagged.MatchString(fields[0]) || !strings.Contains(f, "yes yes yes") {
				t.Errorf("%s: font %q", lang, f)
			}
		}
		if _, err := exec.LookPath("qpdf"); err != nil {
			t.Skip("qpdf is not installed (.ci/setup installs it)")
		}
		path := filepath.Join(t.TempDir(), "doc.pdf")
		os.WriteFile(path, pdf, 0o644)
		if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
			t.Errorf("%s: qpdf --check: %v\n%s", lang, err, out)
		}
	}
}

var subsetTagged = regexp.MustCompile(`^[A-Z]{6}\+NotoSans(Arabic|Ethiopic)?-(Regular|Bold)$`)
