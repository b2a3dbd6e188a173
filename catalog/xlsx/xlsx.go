// Package xlsx reads and writes the spreadsheets coordinators and
// volunteers actually open: offers kept in Excel (catalog import-csv takes
// .xlsx too) and translators' sheets (catalog translations export and
// import). It uses excelize, a maintained library, rather than reading the
// zip and XML by hand.
package xlsx

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// MaxSize caps a spreadsheet's unpacked size (a zip can hold far more than
// it weighs).
const MaxSize = 64 << 20

// ReadRows reads the first sheet of an .xlsx file as rows of text, as the
// spreadsheet shows them, except that dates come out as 2006-01-02 (the
// catalogue's way), whatever the cell's date format. Row i of the result is
// the sheet's row i+1; empty rows stay, so that row numbers in messages are
// those the spreadsheet shows.
func ReadRows(path string) ([][]string, error) {
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: MaxSize, UnzipXMLSizeLimit: MaxSize / 4})
	if err != nil {
		return nil, fmt.Errorf("%s cannot be read as an Excel workbook (.xlsx): %w", path, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%s has no sheet", path)
	}
	sheet := sheets[0]
	rows, err := f.GetRows(sheet)
	if err != nil {
		return nil, err
	}
	raw, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	for i := range rows {
		for j := range rows[i] {
			if i < len(raw) && j < len(raw[i]) {
				if d, ok := dateCell(f, sheet, i, j, raw[i][j]); ok {
					rows[i][j] = d
				}
			}
		}
	}
	return rows, nil
}

// dateCell reads a cell with a date format as 2006-01-02.
func dateCell(f *excelize.File, sheet string, i, j int, raw string) (string, bool) {
	cell, err := excelize.CoordinatesToCellName(j+1, i+1)
	if err != nil {
		return "", false
	}
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil || id == 0 {
		return "", false
	}
	st, err := f.GetStyle(id)
	if err != nil || !isDateFormat(st) {
		return "", false
	}
	var serial float64
	if _, err := fmt.Sscanf(raw, "%g", &serial); err != nil {
		return "", false
	}
	t, err := excelize.ExcelDateToTime(serial, false)
	if err != nil {
		return "", false
	}
	return t.Format(time.DateOnly), true
}

// isDateFormat tells a date number format: the built-in ones (14–22,
// 45–47) or a custom one with day and year.
func isDateFormat(st *excelize.Style) bool {
	if (st.NumFmt >= 14 && st.NumFmt <= 22) || (st.NumFmt >= 45 && st.NumFmt <= 47) {
		return true
	}
	if st.CustomNumFmt != nil {
		f := strings.ToLower(*st.CustomNumFmt)
		return strings.Contains(f, "y") && strings.Contains(f, "d")
	}
	return false
}

// WriteRows writes rows as the first sheet of a new workbook at path, with
// the first row bold and frozen, the columns as wide as given (in
// characters) and long text wrapped.
func WriteRows(path, sheet string, rows [][]string, widths []float64) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	wrap, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		vals := make([]any, len(row))
		for j, v := range row {
			vals[j] = v
		}
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return err
		}
	}
	for j, w := range widths {
		col, _ := excelize.ColumnNumberToName(j + 1)
		f.SetColWidth(sheet, col, col, w)
		f.SetColStyle(sheet, col, wrap)
	}
	if len(rows) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(rows[0]), 1)
		f.SetCellStyle(sheet, "A1", last, bold)
		f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
	return f.SaveAs(path)
}
