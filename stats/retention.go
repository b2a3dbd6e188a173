package stats

import (
	"fmt"
	"time"

	"wegweiser/catalog"
)

// RetentionYears is how long counts are kept: the counts of days more than
// this many years before today are deleted, which covers the usual period
// for which funders ask for numbers and keeps the file small.
const RetentionYears = 3

// Prune deletes the counts of days more than RetentionYears before now's
// day (in Europe/Berlin) and returns how many rows it deleted. Open calls
// it, and an open store calls it once a day.
func (s *Store) Prune(now time.Time) (int64, error) {
	s.flushMu.Lock()
	defer s.flushMu.Unlock()
	cutoff := dayOf(now.In(catalog.Berlin).AddDate(-RetentionYears, 0, 0))
	res, err := s.db.Exec(`DELETE FROM counts WHERE day < ?`, cutoff)
	if err != nil {
		return 0, fmt.Errorf("deleting old statistics: %w", err)
	}
	s.prunedDay = dayOf(now)
	return res.RowsAffected()
}

func (s *Store) lastPruned() string {
	s.flushMu.Lock()
	defer s.flushMu.Unlock()
	return s.prunedDay
}
