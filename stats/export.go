package stats

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// MinCount is the smallest count an export shows as a number; smaller
// ones are written as "<5".
const MinCount = 5

// Header is the first row of an export.
var Header = []string{"day", "kind", "item", "lang", "count"}

// ExportCSV writes everything counted so far (buffered counts included) as
// CSV: the Header, then one row per day, kind, item and language, ordered
// by them, with counts under MinCount written as "<5".
func (s *Store) ExportCSV(w io.Writer) error {
	if err := s.Flush(); err != nil {
		return err
	}
	rows, err := s.db.Query(`SELECT day, kind, item, lang, count FROM counts ORDER BY day, kind, item, lang`)
	if err != nil {
		return fmt.Errorf("reading the statistics: %w", err)
	}
	defer rows.Close()
	cw := csv.NewWriter(w)
	if err := cw.Write(Header); err != nil {
		return err
	}
	for rows.Next() {
		var day, kind, item, lang string
		var n int64
		if err := rows.Scan(&day, &kind, &item, &lang, &n); err != nil {
			return fmt.Errorf("reading the statistics: %w", err)
		}
		if err := cw.Write([]string{day, kind, item, lang, formatCount(n)}); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading the statistics: %w", err)
	}
	cw.Flush()
	return cw.Error()
}

// formatCount hides small counts.
func formatCount(n int64) string {
	if n < MinCount {
		return "<" + strconv.Itoa(MinCount)
	}
	return strconv.FormatInt(n, 10)
}
