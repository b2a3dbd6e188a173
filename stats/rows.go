package stats

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Row is one row of an export: a count for a day, kind, item and language.
type Row struct {
	Day, Kind, Item, Lang string
	Count                 int64
}

// Suppress applies the small-count rule to rows of one export: a count
// under MinCount is added up per day and kind into a row "other", which is
// left out too when it stays under MinCount. Rows come out ordered by day,
// kind, item and language, "other" last in its day and kind.
func Suppress(rows []Row) []Row {
	sum := map[Row]int64{} // Count zero: the key
	for _, r := range rows {
		sum[Row{Day: r.Day, Kind: r.Kind, Item: r.Item, Lang: r.Lang}] += r.Count
	}
	type group struct{ day, kind string }
	small := map[group]int64{}
	var out []Row
	for k, n := range sum {
		if n < MinCount || (k.Item == Other && k.Lang == Other) {
			small[group{k.Day, k.Kind}] += n
			continue
		}
		k.Count = n
		out = append(out, k)
	}
	for g, n := range small {
		if n >= MinCount {
			out = append(out, Row{Day: g.day, Kind: g.kind, Item: Other, Lang: Other, Count: n})
		}
	}
	slices.SortFunc(out, func(a, b Row) int {
		if c := strings.Compare(a.Day, b.Day); c != 0 {
			return c
		}
		if c := strings.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
		if (a.Item == Other) != (b.Item == Other) { // "other" last
			if a.Item == Other {
				return 1
			}
			return -1
		}
		if c := strings.Compare(a.Item, b.Item); c != 0 {
			return c
		}
		return strings.Compare(a.Lang, b.Lang)
	})
	return out
}

// WriteCSV writes rows as an export: the Header, then the rows.
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Header); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write([]string{r.Day, r.Kind, r.Item, r.Lang, strconv.FormatInt(r.Count, 10)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ReadCSV reads an export (of this kiosk or another); name is for messages.
func ReadCSV(r io.Reader, name string) ([]Row, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(Header)
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if !slices.Equal(head, Header) {
		return nil, fmt.Errorf("%s: the first row is %q, not %q: not a Wegweiser statistics export", name, strings.Join(head, ","), strings.Join(Header, ","))
	}
	var rows []Row
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		n, err := strconv.ParseInt(rec[4], 10, 64)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("%s:%d: the count %q is not a whole number", name, line, rec[4])
		}
		rows = append(rows, Row{Day: rec[0], Kind: rec[1], Item: rec[2], Lang: rec[3], Count: n})
	}
}
