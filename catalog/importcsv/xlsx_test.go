package importcsv

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wegweiser/catalog/source"
)

// Issue 14: offers kept in Excel import as a CSV file does, with the row
// numbers the spreadsheet shows and dates in any date format.
func TestImportXLSX(t *testing.T) {
	src := newSource(t)
	f := excelize.NewFile()
	sheet := "Angebote"
	f.SetSheetName("Sheet1", sheet)
	rows := [][]any{
		{"id", "title_de", "title_en", "provider", "categories", "areas", "summary_de", "updated", "phone"},
		{"beratung-uslar", "Gründungsberatung Uslar", "Start-up advice Uslar", "Stadt Uslar", "founding-advice", "03255", "Beratung für Gründerinnen.", time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC), "05571 305-0"},
		{},
		{"", "Finanzierungssprechstunde", "", "Landkreis Holzminden", "financing", "03255", "Sprechstunde zur Finanzierung.", time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), ""},
		{"bad-row", "Ohne Kategorie", "", "Jemand", "no-such-category", "03255", "Text.", "", ""},
	}
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14}) // the locale's short date, as Excel shows it
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow(sheet, cell, &r)
	}
	f.SetCellStyle(sheet, "H2", "H4", date)
	path := filepath.Join(t.TempDir(), "angebote.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	rep, err := Import(path, src)
	if err != nil {
		t.Fatal(err)
	}
	// Row 5 (as the spreadsheet numbers it) names an unknown category: nothing written.
	if rep.Problems.Errors() != 1 || !strings.Contains(rep.Problems[0].String(), "angebote.xlsx:5:") || rep.Written != "" {
		t.Fatalf("%v", rep.Problems)
	}

	f.SetSheetRow(sheet, "A5", &[]any{"", "", "", "", "", "", "", "", ""})
	f.RemoveRow(sheet, 5)
	f.SaveAs(path)
	rep, err = Import(path, src)
	if err != nil || rep.Problems.Errors() > 0 || rep.Offers != 2 {
		t.Fatalf("%+v %v", rep, err)
	}
	content, problems := source.Load(os.DirFS(src))
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	o := offerByID(content.Offers, "beratung-uslar")
	if o == nil || !o.Updated.Equal(time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)) || o.Contacts[0].Phone != "05571 305-0" || o.Title["en"] != "Start-up advice Uslar" {
		t.Errorf("%+v", o)
	}
}
