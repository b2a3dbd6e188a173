package stats

import (
	"database/sql"
	"fmt"
	"io"
	"time"
)

// MinCount is the smallest count an export shows: smaller ones are added
// up per day and kind into a row "other", which is left out too when it
// stays under MinCount.
const MinCount = 5

// Other names the row of a day and kind that adds up the small counts.
const Other = "other"

// Header is the first row of an export.
var Header = []string{"day", "kind", "item", "lang", "count"}

// ExportCSV writes the counts of the days closed before now (today's are
// still growing: two exports on one day, subtracted, would show a single
// visit) as CSV: the Header, then one row per day, kind, item and language,
// ordered by them, each of at least MinCount. Smaller counts are added up
// per day and kind into one row with item and language "other", written
// when that sum reaches MinCount; so no row says that "a Tigrinya speaker
// printed this offer today".
func (s *Store) ExportCSV(w io.Writer, now time.Time) error {
	if err := s.Flush(); err != nil {
		return err
	}
	rows, err := s.db.Query(`SELECT day, kind, item, lang, count FROM counts WHERE day < ? ORDER BY day, kind, item, lang`, dayOf(now))
	if err != nil {
		return fmt.Errorf("reading the statistics: %w", err)
	}
	defer rows.Close()
	var all []Row
	for rows.Next() {
		var r Row
		if err := rows.Scan(&r.Day, &r.Kind, &r.Item, &r.Lang, &r.Count); err != nil {
			return fmt.Errorf("reading the statistics: %w", err)
		}
		all = append(all, r)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading the statistics: %w", err)
	}
	return WriteCSV(w, Suppress(all))
}

// Total is how often kind was counted for item in lang, over all days
// (buffered counts included): for staff screens and tests, never exported.
func (s *Store) Total(kind Kind, item, lang string) (int64, error) {
	if err := s.Flush(); err != nil {
		return 0, err
	}
	var n sql.NullInt64
	err := s.db.QueryRow(`SELECT sum(count) FROM counts WHERE kind = ? AND item = ? AND lang = ?`, string(kind), item, lang).Scan(&n)
	return n.Int64, err
}
