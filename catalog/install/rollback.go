package install

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"wegweiser/catalog"
)

// Rollback makes the previous catalogue current again and removes the one
// it replaced. The sync will not install that version again (a newer one,
// or an install by staff, will be). A previous catalogue that has expired
// or does not open is not gone back to.
func (s *Store) Rollback() (from, to Installed, err error) {
	now := s.now()
	unlock, err := s.lock()
	if err != nil {
		return from, to, err
	}
	defer unlock()
	st, err := s.State()
	if err != nil {
		return from, to, err
	}
	if st.Current == nil || st.Previous == nil {
		return from, to, ErrNoPrevious
	}
	from, to = *st.Current, *st.Previous
	fail := func(err error) (Installed, Installed, error) {
		s.record(now, "rollback refused: "+err.Error())
		return from, to, err
	}
	if err := checkExpiry(to.Expires, st.TimeFloor, now); err != nil {
		return fail(fmt.Errorf("the previous catalogue (version %d) cannot be used again: %w", to.Version, err))
	}
	c, err := catalog.Open(filepath.Join(s.catalogDir(), to.File))
	if err != nil {
		return fail(fmt.Errorf("the previous catalogue (version %d) does not open: %w", to.Version, err))
	}
	info := c.Info()
	c.Close()
	if info.ID != to.CatalogID || info.Version != to.Version {
		return fail(fmt.Errorf("%w: the previous catalogue's file holds %q version %d", ErrDamaged, info.ID, info.Version))
	}
	next := st
	next.Current, next.Previous = st.Previous, nil
	next.Withdrawn = max(st.Withdrawn, from.Version)
	next.LastAttempt = now.UTC().Truncate(time.Second)
	next.LastResult = fmt.Sprintf("rolled back from version %d to version %d", from.Version, to.Version)
	renamed, err := s.writeState(next)
	if err != nil {
		if renamed {
			s.restoreState(st)
		}
		return from, to, diskError(err)
	}
	os.Remove(filepath.Join(s.catalogDir(), from.File))
	return from, to, nil
}
