package importcsv

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"wegweiser/atomicfile"
	"wegweiser/catalog"
	"wegweiser/catalog/source"
	"wegweiser/catalog/xlsx"
)

// Report is the outcome of an Import.
type Report struct {
	Written      string // the file written, "" when nothing was
	Offers       int
	Encoding     string
	Separator    byte
	Problems     Problems // of the spreadsheet by row, then of other files of the source folder
	SourceErrors int      // errors the source folder has outside the imported file, which do not stop the import
}

// TargetFile is where the offers of csvPath go, relative to the source
// folder: offers/imported-<file name without extension>.toml.
func TargetFile(csvPath string) string {
	base := filepath.Base(csvPath)
	return "offers/imported-" + strings.TrimSuffix(base, filepath.Ext(base)) + ".toml"
}

// Import converts the spreadsheet csvPath into SRC/offers/imported-….toml
// of the source folder srcDir, replacing that file of an earlier import.
// It writes nothing when any problem is an error. The error it returns is
// for files that cannot be read or written; what is wrong with their
// content is in Report.Problems.
func Import(csvPath, srcDir string) (*Report, error) {
	data, err := readSpreadsheet(csvPath)
	if err != nil {
		return nil, err
	}
	if info, err := os.Stat(srcDir); err != nil {
		return nil, fmt.Errorf("cannot open the source folder %s: %w", srcDir, err)
	} else if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", srcDir)
	}
	name := TargetFile(csvPath)
	srcFS := os.DirFS(srcDir)
	rep := &Report{}
	srcProblem := func(p source.Problem) Problem {
		return Problem{File: filepath.Join(srcDir, filepath.FromSlash(p.Path)), Line: p.Line, Warning: p.Severity == source.Warning, Message: p.Message}
	}

	// The folder as it is: its problems are not the import's.
	_, nowProblems := source.Load(srcFS)
	known := map[string]bool{}
	for _, p := range nowProblems {
		known[p.String()] = true
		if p.Severity == source.Error && p.Path != name {
			rep.SourceErrors++
		}
	}
	// The folder without the imported file: what the rows are checked against.
	before, beforeProblems := source.Load(overlay{base: srcFS, name: name})
	if before.Meta.SourceLanguage == "" || len(before.Meta.Languages) == 0 {
		for _, p := range beforeProblems {
			if p.Path == "catalog.toml" {
				rep.Problems = append(rep.Problems, srcProblem(p))
			}
		}
		rep.Problems = append(rep.Problems, Problem{File: filepath.Join(srcDir, "catalog.toml"), Line: 1,
			Message: "the catalogue's source_language and languages cannot be read, so the spreadsheet's columns cannot be checked"})
		return rep, nil
	}
	res := Convert(csvPath, data, targetOf(before))
	rep.Encoding, rep.Separator, rep.Problems = res.Encoding, res.Separator, res.Problems
	if res.Problems.Errors() > 0 {
		return rep, nil
	}

	// The folder with the new file, checked as catalog check would.
	_, afterProblems := source.Load(overlay{base: srcFS, name: name, data: res.TOML})
	for _, p := range afterProblems {
		switch {
		case p.Path == name:
			rep.Problems = append(rep.Problems, Problem{File: csvPath, Line: res.RowOfLine(p.Line), Warning: p.Severity == source.Warning, Message: p.Message})
		case !known[p.String()]:
			rep.Problems = append(rep.Problems, srcProblem(p))
		}
	}
	rep.Problems.sort(csvPath)
	if rep.Problems.Errors() > 0 {
		return rep, nil
	}
	if err := writeFile(filepath.Join(srcDir, filepath.FromSlash(name)), res.TOML); err != nil {
		return rep, err
	}
	rep.Written = filepath.Join(srcDir, filepath.FromSlash(name))
	rep.Offers = len(res.Offers)
	return rep, nil
}

// targetOf is what a loaded source folder defines.
func targetOf(c *catalog.Content) Target {
	t := Target{SourceLanguage: c.Meta.SourceLanguage, Languages: c.Meta.Languages}
	for _, cat := range c.Categories {
		t.Categories = append(t.Categories, cat.ID)
	}
	for _, d := range c.Districts {
		t.Districts = append(t.Districts, d.ID)
	}
	for _, o := range c.Offers {
		t.Offers = append(t.Offers, o.ID)
	}
	return t
}

// readSpreadsheet reads a CSV file, or the first sheet of an .xlsx
// workbook as CSV (one record per sheet row, so that row numbers stay the
// spreadsheet's; dates as 2006-01-02).
func readSpreadsheet(name string) ([]byte, error) {
	if !strings.EqualFold(filepath.Ext(name), ".xlsx") {
		return readCSV(name)
	}
	if info, err := os.Stat(name); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	rows, err := xlsx.ReadRows(name)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, r := range rows {
		if len(r) == 0 {
			r = []string{""}
		}
		if err := w.Write(r); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// readCSV reads a regular file of at most MaxSize bytes.
func readCSV(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s is larger than %d MiB", name, MaxSize>>20)
	}
	return data, nil
}

// writeFile replaces name with data, creating its folder if need be.
func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	if err := atomicfile.Write(name, data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}
