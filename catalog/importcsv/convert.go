package importcsv

import (
	"fmt"

	"wegweiser/catalog"
)

// MaxSize is the largest spreadsheet file read: far more than any office's
// list of offers, and a bound on the memory an import takes.
const MaxSize = 16 << 20

// Result is what Convert made of a spreadsheet.
type Result struct {
	Encoding  string          // UTF8 or Windows1252
	Separator byte            // ',' or ';'
	Offers    []catalog.Offer // in row order; nil when there is an error
	Rows      []int           // the spreadsheet row of each offer
	TOML      []byte          // the offers file; nil when there is an error
	Problems  Problems        // sorted by row
	lines     []int           // the line of each offer's [[offer]] in TOML
}

// RowOfLine returns the spreadsheet row of the offer written at a line of
// TOML; 1 (the header) for the lines before the first offer.
func (r *Result) RowOfLine(line int) int {
	row := 1
	for i, l := range r.lines {
		if l > line {
			break
		}
		row = r.Rows[i]
	}
	return row
}

// Convert reads the CSV file named file (the name is used in problems and
// in the file's comment) and makes its offers, checked against t. It does
// no I/O.
func Convert(file string, data []byte, t Target) *Result {
	c := &collector{file: file}
	res := &Result{}
	defer func() { res.Problems = c.problems; res.Problems.sort(file) }()
	if len(data) > MaxSize {
		c.errorf(1, "the file is larger than %d MiB", MaxSize>>20)
		return res
	}
	text, encoding, mixedLine, err := decode(data)
	if err != nil {
		c.errorf(1, "%v", err)
		return res
	}
	res.Encoding = encoding
	if mixedLine > 0 {
		c.warnf(1, "the file is not all UTF-8 (line %d of the file is not), so it was read as Windows-1252, yet it also holds UTF-8 characters: check the umlauts in the result, or save the file again as \"CSV UTF-8\"", mixedLine)
	}
	if text == "" {
		c.errorf(1, "the file is empty; its first row must name the columns")
		return res
	}
	res.Separator = detectSeparator(text)
	records := readRecords(text, res.Separator, c)

	tt := newTarget(t)
	cols, missing := readHeader(records[0].cells, tt, c)
	rr := &rowReader{t: tt, c: c, cols: cols, missing: missing}
	var rows []row
	for _, r := range records[1:] {
		if !isBlank(r) && !r.unclosed { // an unclosed quote is reported; its cells mean nothing
			rows = append(rows, rr.read(r))
		}
	}
	if len(rows) == 0 {
		c.errorf(1, "there are no offers below the header row")
	}
	assignIDs(rows, tt, c)
	if c.problems.Errors() > 0 {
		return res
	}

	w := &tomlWriter{line: 1, languages: t.Languages}
	w.comment(fmt.Sprintf("Offers imported from %s by wegweiser catalog import-csv.", file))
	w.comment("The next import of that file replaces this file: change the spreadsheet, not this file.")
	for _, r := range rows {
		res.lines = append(res.lines, w.offer(r.offer, fmt.Sprintf("row %d", r.n), tt.sourceLang))
		res.Offers = append(res.Offers, r.offer)
		res.Rows = append(res.Rows, r.n)
	}
	res.TOML = []byte(w.b.String())
	return res
}

// assignIDs checks the ids that rows give and makes one from the title for
// the rows without, unique in the file and in the source folder.
func assignIDs(rows []row, t *target, c *collector) {
	used := map[string]int{} // id → row
	for _, r := range rows {
		id := r.offer.ID
		switch {
		case id == "":
		case t.offers[id]:
			c.errorf(r.n, "offer id '%s' is already used by an offer in another file of the source folder", id)
		case used[id] != 0:
			c.errorf(r.n, "offer id '%s' is also the id of row %d", id, used[id])
		default:
			used[id] = r.n
		}
	}
	taken := func(id string) bool { return used[id] != 0 || t.offers[id] }
	for i := range rows {
		o := &rows[i].offer
		if o.ID != "" {
			continue
		}
		base := IDFromTitle(o.Title[t.sourceLang])
		if base == "" {
			if o.Title[t.sourceLang] != "" {
				c.errorf(rows[i].n, "no id, and none can be made from the title (it has no letters a-z or digits); give the row an id")
			}
			continue
		}
		o.ID = uniqueID(base, taken)
		used[o.ID] = rows[i].n
	}
}
