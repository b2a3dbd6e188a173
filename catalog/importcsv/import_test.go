package importcsv

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wegweiser/catalog"
	"wegweiser/catalog/source"
)

// newSource copies catalog/source's valid test folder (languages de, en,
// ar, uk; categories founding-advice and financing; districts 03, 03255,
// 03453; five offers; a brochure) to a temporary folder.
func newSource(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "src")
	from := "../source/testdata/valid"
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func writeCSV(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func offerByID(offers []catalog.Offer, id string) *catalog.Offer {
	for i := range offers {
		if offers[i].ID == id {
			return &offers[i]
		}
	}
	return nil
}

// TestImportGermanSpreadsheet imports what a German office's spreadsheet
// program saves by default: semicolons, Windows-1252, CRLF, a quoted cell
// with line breaks, quotes and a semicolon inside, a blank row, column
// names with capitals and spaces.
func TestImportGermanSpreadsheet(t *testing.T) {
	const file = "testdata/angebote-holzminden.csv"
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if _, enc, _, _ := decode(raw); enc != Windows1252 || !strings.Contains(string(raw), "\r\n") {
		t.Fatalf("the test file must be Windows-1252 with CRLF; it is %s", enc)
	}
	src := newSource(t)
	rep, err := Import(file, src)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 0 || rep.Offers != 4 || rep.Encoding != Windows1252 || rep.Separator != ';' {
		t.Fatalf("report = %+v", rep)
	}
	if want := filepath.Join(src, "offers", "imported-angebote-holzminden.toml"); rep.Written != want {
		t.Errorf("written to %s, want %s", rep.Written, want)
	}

	content, problems := source.Load(os.DirFS(src))
	if len(problems) != 0 {
		t.Fatalf("catalog check after the import:\n%v", problems)
	}
	if len(content.Offers) != 5+4 {
		t.Errorf("%d offers, want 9", len(content.Offers))
	}
	first := offerByID(content.Offers, "gruendungsberatung-fuer-migrantinnen-und-migranten-landkreis")
	if first == nil {
		t.Fatalf("no offer with the id made from the title: %v", content.Offers)
	}
	if first.Title["de"] != "Gründungsberatung für Migrantinnen und Migranten – Landkreis Holzminden" ||
		first.Title["en"] != "Start-up advice for migrants – Holzminden district" ||
		first.Provider["de"] != "Wirtschaftsförderung Landkreis Holzminden" {
		t.Errorf("texts = %q %q", first.Title, first.Provider)
	}
	wantDesc := "Wir beraten Sie zu:\n- Businessplan und Finanzierung; Fördermittel\n- Anmeldung beim Gewerbeamt\n\nTermine auch mit \"Sprachmittlung\" möglich."
	if first.Description["de"] != wantDesc {
		t.Errorf("description = %q\nwant %q", first.Description["de"], wantDesc)
	}
	if strings.Join(first.Languages, " ") != "de tr ru" || strings.Join(first.Tags, " ") != "Existenzgründung Selbständigkeit" ||
		first.ValidFrom.Format("2006-01-02") != "2024-01-01" || first.Website != "https://www.landkreis-holzminden.de/wirtschaft" {
		t.Errorf("offer = %+v", first)
	}
	if len(first.Contacts) != 1 {
		t.Fatalf("contacts = %+v", first.Contacts)
	}
	c := first.Contacts[0]
	if c.Phone != "05531 707-0" || c.Address != "Bahnhofstraße 1, 37603 Holzminden" || c.Hours != "Mo-Th 08:00-16:00; Fr 08:00-12:00" || c.HoursNote["en"] != "by appointment" {
		t.Errorf("contact = %+v", c)
	}
	second := offerByID(content.Offers, "anerkennung-holzminden")
	if second == nil || strings.Join(second.Categories, " ") != "founding-advice financing" || strings.Join(second.Areas, " ") != "03255 03453" {
		t.Errorf("second = %+v", second)
	}
	// The same title again gets -2; the euro sign is Windows-1252's 0x80.
	twin := offerByID(content.Offers, "gruendungsberatung-fuer-migrantinnen-und-migranten-landkreis-2")
	if twin == nil || twin.Cost["de"] != "5 € pro Termin" || twin.Contacts[0].Phone != "+49 5531 1234" {
		t.Errorf("twin = %+v", twin)
	}
	if offerByID(content.Offers, "cafe-gruenderinnen-netzwerk-fuer-existenzgruenderinnen") == nil {
		t.Error("the café offer is missing")
	}
}

// TestReimportReplaces imports a later version of the same spreadsheet
// (now UTF-8, commas, LF): the file is replaced, not added to.
func TestReimportReplaces(t *testing.T) {
	src := newSource(t)
	if rep, err := Import("testdata/angebote-holzminden.csv", src); err != nil || rep.Written == "" {
		t.Fatalf("first import: %+v %v", rep, err)
	}
	later := writeCSV(t, "angebote-holzminden.csv",
		"title,provider,categories,areas,summary\nNeue Beratung,Träger,financing,03,\"Kurz, knapp.\"\n")
	rep, err := Import(later, src)
	if err != nil || len(rep.Problems) != 0 || rep.Offers != 1 || rep.Separator != ',' || rep.Encoding != UTF8 {
		t.Fatalf("second import: %+v %v", rep, err)
	}
	content, problems := source.Load(os.DirFS(src))
	if len(problems) != 0 || len(content.Offers) != 6 || offerByID(content.Offers, "neue-beratung") == nil {
		t.Errorf("after the second import: %d offers, %v", len(content.Offers), problems)
	}
	entries, _ := os.ReadDir(filepath.Join(src, "offers"))
	if len(entries) != 3 { // national.toml, nested/, imported-…
		t.Errorf("offers/ holds %v", entries)
	}
}

// TestBrokenSpreadsheet reports every problem at its row and writes nothing.
func TestBrokenSpreadsheet(t *testing.T) {
	src := newSource(t)
	csv := writeCSV(t, "liste.csv", strings.Join([]string{
		"id,title,title_xx,provider,categories,areas,summary,website,valid_from,valid_until,phone,email,hours,Ansprechpartner,Titel",
		",Beratung A,,Träger,founding-advice,03255,Kurz.,www.example.org,31.03.2027,,,info(at)example.org,,,",
		"iq-fachstelle,Beratung B,,Träger,gruendung,03999,Kurz.,,,,,,,,",
		"x,Beratung C,,Träger,founding-advice,00,Kurz.,,2027-05-01,2027-04-01,Tel. 05531 123,,Mo-Fr 9-12,,",
		"x,,,,founding-advice|,00,,,,,,,,,",
		"Bad ID,Beratung D,,Träger,,,Kurz.,,,,,,Mo-Fr 09:00-12:00,,",
		",,,,,,,,,,,,,,",
		",مرحبا,,Träger,financing,03,Kurz.,,,,,,,,,extra",
		`,"Beratung F,,,`,
	}, "\n"))
	rep, err := Import(csv, src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range rep.Problems {
		got = append(got, p.String())
	}
	f := csv + ":"
	want := []string{
		f + "1: unknown column 'title_xx'; 'xx' is not one of the catalogue's languages (de, en, ar, uk)",
		f + "1: unknown column 'Ansprechpartner'",
		f + "1: unknown column 'Titel'; did you mean 'title'?",
		f + "2: column 'website': 'www.example.org' is not a web address starting with https:// or http://",
		f + "2: column 'valid_from': '31.03.2027' is not a date written like 2027-03-31 (year-month-day; format the column as YYYY-MM-DD)",
		f + "2: column 'email': 'info(at)example.org' is not an e-mail address such as name@example.org",
		f + "3: column 'categories': unknown category 'gruendung' (not defined in categories.toml)",
		f + "3: column 'areas': unknown district '03999' (not defined in districts.toml)",
		f + "3: offer id 'iq-fachstelle' is already used by an offer in another file of the source folder",
		f + "4: column 'phone': phone number 'Tel. 05531 123' may contain only digits, spaces and + / - ( )",
		f + "4: column 'hours': opening hours 'Mo-Fr 9-12': column 7: expected a time like 09:00",
		f + "4: valid_until 2027-04-01 is before valid_from 2027-05-01",
		f + "5: the title is empty; every offer needs one (column 'title')",
		f + "5: the summary is empty; every offer needs one (column 'summary')",
		f + "5: the provider is empty; every offer needs one (column 'provider')",
		f + "5: offer id 'x' is also the id of row 4",
		f + "6: column 'id': id 'Bad ID' may use only a-z, 0-9 and '-', start with a letter or digit, and be at most 64 characters long (or leave the cell empty to have one made from the title)",
		f + "6: no categories; every offer needs at least one (column 'categories')",
		f + "6: no areas; every offer needs at least one district id, or 00 for all of Germany (column 'areas')",
		f + "6: a contact needs a phone, email or address; this row gives only opening hours or a note on them",
		f + "8: 'extra' stands in column 16, right of the last column that the header row names",
		f + "8: no id, and none can be made from the title (it has no letters a-z or digits); give the row an id",
		f + "9: a quoted cell starts in this row and is never closed (a \" is missing)",
	}
	if len(got) != len(want) {
		t.Errorf("%d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Errorf("problem %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
	if rep.Written != "" {
		t.Error("a file was written")
	}
	if _, err := os.Stat(filepath.Join(src, "offers", "imported-liste.toml")); err == nil {
		t.Error("the offers file exists")
	}
}

// TestReimportThatBreaksABrochure: a brochure names an imported offer, and
// a later spreadsheet no longer has it. The import is refused with the
// brochure's line, and the earlier file stays.
func TestReimportThatBreaksABrochure(t *testing.T) {
	src := newSource(t)
	first := writeCSV(t, "liste.csv", "id,title,provider,categories,areas,summary\nsprechstunde,Sprechstunde,VHS,founding-advice,03255,Jeden Dienstag.\n")
	if rep, err := Import(first, src); err != nil || rep.Written == "" {
		t.Fatalf("first import: %+v %v", rep, err)
	}
	written, _ := os.ReadFile(filepath.Join(src, "offers", "imported-liste.toml"))
	brochure := "[[brochure]]\nid = \"b\"\narea = \"03255\"\ntitle = \"B\"\n\n[[brochure.section]]\nheading = \"H\"\nbody = \"Text.\"\noffers = [\"sprechstunde\"]\n"
	os.WriteFile(filepath.Join(src, "brochures", "extra.toml"), []byte(brochure), 0o644)

	second := writeCSV(t, "liste.csv", "id,title,provider,categories,areas,summary\nandere,Andere,VHS,founding-advice,03255,Jeden Mittwoch.\n")
	rep, err := Import(second, src)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(src, "brochures", "extra.toml") + ":9: unknown offer 'sprechstunde' (not defined in the offers/ folder)"
	if len(rep.Problems) != 1 || rep.Problems[0].String() != want || rep.Written != "" {
		t.Errorf("problems = %v\nwant %s", rep.Problems, want)
	}
	if now, _ := os.ReadFile(filepath.Join(src, "offers", "imported-liste.toml")); string(now) != string(written) {
		t.Error("the earlier import was changed")
	}
}

// TestCheckOfTheWholeFolderReportsAtRows: what only catalog/source checks
// (here the length of a summary, a warning) comes back at the row.
func TestCheckOfTheWholeFolderReportsAtRows(t *testing.T) {
	src := newSource(t)
	long := strings.Repeat("Sehr lange Zusammenfassung. ", 12)
	csv := writeCSV(t, "lang.csv", "title,provider,categories,areas,summary\nKurz,VHS,financing,03,Kurz.\nLang,VHS,financing,03,"+long+"\n")
	rep, err := Import(csv, src)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 1 || !rep.Problems[0].Warning || rep.Problems[0].Line != 3 ||
		!strings.HasPrefix(rep.Problems[0].String(), csv+":3: warning: 'summary' in 'de' has 335 characters") {
		t.Errorf("problems = %v", rep.Problems)
	}
	if rep.Written == "" || rep.Offers != 2 {
		t.Error("a warning stopped the import")
	}
}

// TestImportIntoFolderWithoutOffers: the folder offers/ is made.
func TestImportIntoFolderWithoutOffers(t *testing.T) {
	src := newSource(t)
	os.RemoveAll(filepath.Join(src, "offers"))
	os.RemoveAll(filepath.Join(src, "brochures")) // it names offers that are gone
	csv := writeCSV(t, "erste.csv", "title;provider;categories;areas;summary\nErste Beratung;VHS;financing;03;Kurz.\n")
	rep, err := Import(csv, src)
	if err != nil || len(rep.Problems) != 0 || rep.SourceErrors != 1 { // before: "no offer files"
		t.Fatalf("report = %+v, %v", rep, err)
	}
	if _, problems := source.Load(os.DirFS(src)); len(problems) != 0 {
		t.Errorf("after: %v", problems)
	}
}

func TestImportNeedsReadableCatalogToml(t *testing.T) {
	src := newSource(t)
	os.WriteFile(filepath.Join(src, "catalog.toml"), []byte("format = 1\nid = \"x\"\n"), 0o644)
	csv := writeCSV(t, "a.csv", "title,provider,categories,areas,summary\nA,B,financing,03,S\n")
	rep, err := Import(csv, src)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Problems.Errors() == 0 || rep.Written != "" || !strings.Contains(rep.Problems[len(rep.Problems)-1].Message, "source_language and languages cannot be read") {
		t.Errorf("problems = %v", rep.Problems)
	}
	if _, err := Import(filepath.Join(t.TempDir(), "missing.csv"), src); err == nil {
		t.Error("a missing CSV file is no error")
	}
	if _, err := Import(csv, filepath.Join(src, "nope")); err == nil {
		t.Error("a missing source folder is no error")
	}
}

func TestTargetFile(t *testing.T) {
	for in, want := range map[string]string{
		"angebote.csv":                "offers/imported-angebote.toml",
		"/home/x/Angebote 2027.csv":   "offers/imported-Angebote 2027.toml",
		"liste":                       "offers/imported-liste.toml",
		"dir/angebote.holzminden.CSV": "offers/imported-angebote.holzminden.toml",
	} {
		if got := TargetFile(in); got != want {
			t.Errorf("TargetFile(%q) = %q, want %q", in, got, want)
		}
	}
}
