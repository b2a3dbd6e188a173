package source

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestValidFolderChecksClean(t *testing.T) {
	c, problems := Load(os.DirFS("testdata/valid"))
	if len(problems) != 0 {
		t.Fatalf("valid folder has problems:\n%v", problems)
	}
	if got := len(c.Offers); got != 5 {
		t.Errorf("offers = %d, want 5 (from two files, one in a sub-folder)", got)
	}
	if c.Meta.ID != "suedniedersachsen" || c.Meta.SourceLanguage != "de" || strings.Join(c.Meta.Fallback, ",") != "en,de" {
		t.Errorf("meta = %+v", c.Meta)
	}
	// districts.toml starts with a byte-order mark.
	if len(c.Districts) != 3 || c.Districts[1].Name["ar"] != "مقاطعة هولتسمندن" {
		t.Errorf("districts = %+v", c.Districts)
	}
	var iq, holz = c.Offers[0], c.Offers[2]
	if iq.ID != "iq-fachstelle" || iq.Provider["de"] != "IQ Fachstelle Migrantenökonomie" || iq.Title["ar"] == "" {
		t.Errorf("first offer = %+v", iq)
	}
	if want := "Erster Absatz.\n\n- Punkt eins\n- Punkt zwei"; iq.Description["de"] != want {
		t.Errorf("description = %q, want %q", iq.Description["de"], want)
	}
	if len(iq.Contacts) != 1 || iq.Contacts[0].Hours != "Mo-Th 08:00-16:00; Fr 08:00-14:00" || iq.Contacts[0].Label["en"] != "Service line" {
		t.Errorf("contact = %+v", iq.Contacts)
	}
	if !iq.ValidFrom.Equal(time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("valid_from = %v", iq.ValidFrom)
	}
	// A contact written as an inline array of tables.
	if len(holz.Contacts) != 1 || holz.Contacts[0].Address != "Bahnhofstraße 1, 37603 Holzminden" || holz.Contacts[0].HoursNote["en"] != "by appointment" {
		t.Errorf("inline contact = %+v", holz.Contacts)
	}
	e := c.Events[0]
	if e.Start.Hour() != 18 || e.Start.Location().String() != "Europe/Berlin" || e.End.Sub(e.Start) != 2*time.Hour {
		t.Errorf("event times = %v – %v", e.Start, e.End)
	}
	if len(c.Brochures) != 1 || len(c.Brochures[0].Sections) != 2 || len(c.Media["media/pixel.png"]) == 0 {
		t.Errorf("brochure = %+v, media = %d", c.Brochures, len(c.Media))
	}
}

// Every planted mistake of testdata/broken is reported at its line, all at
// once, sorted by path and line.
func TestBrokenFolderReportsEveryMistake(t *testing.T) {
	_, problems := Load(os.DirFS("testdata/broken"))
	want := []string{
		"brochures/b.toml:9: unknown offer 'frist' (not defined in the offers/ folder); did you mean 'first'?",
		"brochures/b.toml:10: image '../secret.png' must be a path inside the folder media/, such as media/picture.jpg",
		"catalog.toml:2: id 'Broken_ID' may use only a-z, 0-9 and '-', start with a letter or digit, and be at most 64 characters long",
		"catalog.toml:5: 'fr' in 'title' is not one of the catalogue's languages; did you mean 'ar'?",
		"categories.toml:3: 'name' has no text in the source language 'de'",
		"categories.toml:4: warning: unknown icon 'advise'; did you mean 'advice'? (the icons are: [advice recognition financing network language training event info brochure])",
		"districts.toml:6: district id '1234' must be digits: 2 for a Land, 3 for a Regierungsbezirk, 5 for a Kreis, 8 for a Gemeinde",
		"districts.toml:10: district id '03255' is used twice (first at districts.toml:2)",
		"events/e.toml:6: 'start' must be a date and time written like 2027-02-10T18:00:00 (no quotes, no time zone), not a date",
		"offers/a.toml:1: offer 'first' has no 'title', which is required",
		"offers/a.toml:3: unknown key 'titel' in offer; did you mean 'title'?",
		"offers/a.toml:5: unknown category 'founding-advise' (not defined in categories.toml); did you mean 'founding-advice'?",
		"offers/a.toml:6: unknown district '03256' (not defined in districts.toml); did you mean '03255'?",
		"offers/a.toml:7: 'summary' is empty",
		"offers/a.toml:8: 'ftp://example.org' is not a web address starting with https:// or http://",
		"offers/a.toml:10: valid_until 2026-01-01 is before valid_from 2027-01-01",
		"offers/a.toml:13: phone number 'call me' may contain only digits, spaces and + / - ( )",
		"offers/a.toml:14: 'a@b' is not an e-mail address such as name@example.org",
		"offers/a.toml:15: opening hours 'Mo-Fr 9:00-17:00': column 7: expected a time like 09:00",
		"offers/a.toml:17: a contact needs at least one of 'phone', 'email' or 'address'",
		"offers/a.toml:21: offer id 'first' is used twice (first at offers/a.toml:2)",
		"offers/a.toml:24: 'categories' is empty; give at least one",
		"offers/a.toml:26: 'xx' in 'summary' is not one of the catalogue's languages; did you mean 'ar'?",
		"offers/b.toml:2: TOML syntax: strings cannot contain newlines",
		"stray.toml:1: warning: not part of the catalogue: stray.toml",
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if problems.Errors() != 23 || problems.Warnings() != 2 || !problems.Fail(false) {
		t.Errorf("errors %d warnings %d", problems.Errors(), problems.Warnings())
	}
}

// minimal is a valid catalogue to which a test adds one file.
func minimal(extra map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"catalog.toml":    {Data: []byte("format = 1\nid = \"t\"\nsource_language = \"de\"\nlanguages = [\"de\", \"en\"]\ntitle = \"T\"\npublisher = \"P\"\n")},
		"districts.toml":  {Data: []byte("[[district]]\nid = \"03255\"\nname = \"Holzminden\"\n")},
		"categories.toml": {Data: []byte("[[category]]\nid = \"c\"\nname = \"C\"\n")},
		"offers/o.toml":   {Data: []byte("[[offer]]\nid = \"o\"\ntitle = \"O\"\nprovider = \"P\"\ncategories = [\"c\"]\nareas = [\"00\"]\nsummary = \"S\"\n")},
	}
	for name, data := range extra {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestTextIsStoredNFC(t *testing.T) {
	nfd := "Gru\u0308ndung" // ü as u + combining diaeresis, as macOS writes file contents
	c, problems := Load(minimal(map[string]string{
		"offers/o.toml": "[[offer]]\nid = \"o\"\ntitle = \"" + nfd + "\"\nprovider = \"P\"\ncategories = [\"c\"]\nareas = [\"00\"]\nsummary = \"S\"\n",
	}))
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	if got := c.Offers[0].Title["de"]; got != "Gr\u00fcndung" {
		t.Errorf("title = %q, want NFC %q", got, "Gr\u00fcndung")
	}
}

func TestSingleMistakes(t *testing.T) {
	for _, tc := range []struct {
		name, file, text, want string
	}{
		{"default fallback needs no en", "catalog.toml", "format = 1\nid = \"t\"\nsource_language = \"de\"\nlanguages = [\"de\"]\ntitle = \"T\"\npublisher = \"P\"\n", ""},
		{"format 2", "catalog.toml", "format = 2\nid = \"t\"\nsource_language = \"de\"\nlanguages = [\"de\"]\ntitle = \"T\"\npublisher = \"P\"\n", "catalog.toml:1: format 2 is not supported; this version of Wegweiser reads format 1"},
		{"source language not listed", "catalog.toml", "format = 1\nid = \"t\"\nsource_language = \"de\"\nlanguages = [\"en\"]\ntitle = { en = \"T\" }\npublisher = \"P\"\n", "catalog.toml:3: source language 'de' must also be listed in 'languages'\ncatalog.toml:5: 'title' has no text in the source language 'de'"},
		{"long summary warns", "offers/o.toml", "[[offer]]\nid = \"o\"\ntitle = \"O\"\nprovider = \"P\"\ncategories = [\"c\"]\nareas = [\"00\"]\nsummary = \"" + strings.Repeat("x", 301) + "\"\n", "offers/o.toml:7: warning: 'summary' in 'de' has 301 characters; keep it under 300 so that it fits on the screen"},
		{"html is text", "offers/o.toml", "[[offer]]\nid = \"o\"\ntitle = \"<b>O</b>\"\nprovider = \"P\"\ncategories = [\"c\"]\nareas = [\"00\"]\nsummary = \"S\"\n", ""},
		{"wrong type", "offers/o.toml", "[[offer]]\nid = \"o\"\ntitle = \"O\"\nprovider = \"P\"\ncategories = \"c\"\nareas = [\"00\"]\nsummary = \"S\"\n", "offers/o.toml:5: 'categories' must be a list in brackets, such as [\"a\", \"b\"], not text"},
		{"id pattern", "offers/o.toml", "[[offer]]\nid = \"-o\"\ntitle = \"O\"\nprovider = \"P\"\ncategories = [\"c\"]\nareas = [\"00\"]\nsummary = \"S\"\n", "offers/o.toml:2: id '-o' may use only a-z, 0-9 and '-', start with a letter or digit, and be at most 64 characters long"},
		{"area not listed", "offers/o.toml", "[[offer]]\nid = \"o\"\ntitle = \"O\"\nprovider = \"P\"\ncategories = [\"c\"]\nareas = [\"03\"]\nsummary = \"S\"\n", "offers/o.toml:6: unknown district '03' (not defined in districts.toml)"},
		{"standard table text", "offers/o.toml", "[[offer]]\nid = \"o\"\nprovider = \"P\"\ncategories = [\"c\"]\nareas = [\"00\"]\nsummary = \"S\"\n[offer.title]\nde = \"O\"\nen = \"\"\n", "offers/o.toml:9: 'title.en' is empty"},
		{"missing required file", "districts.toml", "", "districts.toml:1: required file is missing"},
		{"not utf-8", "offers/o.toml", "[[offer]]\nid = \"o\"\ntitle = \"Gr\xfcndung\"\n", "offers/o.toml:3: the file is not UTF-8 text (save it as UTF-8)"},
		{"event end before start", "events/e.toml", "[[event]]\nid = \"e\"\ntitle = \"E\"\nsummary = \"S\"\nareas = [\"00\"]\nstart = 2027-02-10T18:00:00\nend = 2027-02-10T18:00:00\nplace = \"P\"\n", "events/e.toml:7: the event ends (2027-02-10 18:00) before or when it starts (2027-02-10 18:00)"},
		{"brochure without sections", "brochures/b.toml", "[[brochure]]\nid = \"b\"\narea = \"00\"\ntitle = \"B\"\n", "brochures/b.toml:1: brochure 'b' has no [[brochure.section]]; give at least one"},
		{"spoken language code", "offers/o.toml", "[[offer]]\nid = \"o\"\ntitle = \"O\"\nprovider = \"P\"\ncategories = [\"c\"]\nareas = [\"00\"]\nsummary = \"S\"\nlanguages = [\"Arabisch\"]\n", "offers/o.toml:8: 'Arabisch' is not a language code such as de, ar, prs or pt-BR"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := minimal(map[string]string{tc.file: tc.text})
			if tc.text == "" {
				delete(fsys, tc.file)
			}
			_, problems := Load(fsys)
			var got []string
			for _, p := range problems {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), tc.want)
			}
		})
	}
}
