package install

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"wegweiser/catalog/bundle"
)

// stateFile, in DIR/catalogs, records what is installed.
const stateFile = "state.json"

// State is the record of a data folder's catalogues: the one switch of an
// install, written atomically.
type State struct {
	Current  *Installed `json:"current,omitempty"`  // nil: none, the kiosk shows the sample
	Previous *Installed `json:"previous,omitempty"` // what a rollback goes back to
	// TimeFloor is the latest issue time ever accepted: a bundle that
	// expires before it is refused even when the clock is set back.
	TimeFloor time.Time `json:"time_floor"`
	// Withdrawn is the version staff went back from with a rollback; the
	// sync does not install it again.
	Withdrawn   int64     `json:"withdrawn,omitempty"`
	LastAttempt time.Time `json:"last_attempt"`          // the last install or rollback, successful or not
	LastResult  string    `json:"last_result,omitempty"` // its outcome, in words for staff
}

// Installed is one installed catalogue version.
type Installed struct {
	File      string    `json:"file"` // name in DIR/catalogs
	CatalogID string    `json:"catalog_id"`
	Version   int64     `json:"version"`
	Issued    time.Time `json:"issued"`
	Expires   time.Time `json:"expires"`
	SHA256    string    `json:"sha256"`
	Installed time.Time `json:"installed"`
}

// catalogFileName is the file of one catalogue version.
func catalogFileName(id string, version int64) string {
	return id + "-" + strconv.FormatInt(version, 10) + ".sqlite"
}

var catalogFilePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}-[0-9]{1,19}\.sqlite$`)

func installedFrom(m bundle.Manifest, now time.Time) *Installed {
	return &Installed{File: catalogFileName(m.CatalogID, m.Version), CatalogID: m.CatalogID, Version: m.Version,
		Issued: m.Issued, Expires: m.Expires, SHA256: m.SHA256, Installed: now.UTC().Truncate(time.Second)}
}

func (s *Store) statePath() string { return filepath.Join(s.catalogDir(), stateFile) }

// State reads the record of the data folder's catalogues. A data folder
// without one gives the zero State.
func (s *Store) State() (State, error) {
	b, err := os.ReadFile(s.statePath())
	if errors.Is(err, fs.ErrNotExist) {
		return State{}, nil
	}
	if err != nil {
		return State{}, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	var st State
	if err := json.Unmarshal(b, &st); err != nil {
		return State{}, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	for _, in := range []*Installed{st.Current, st.Previous} {
		if in != nil && (!catalogFilePattern.MatchString(in.File) || in.File != catalogFileName(in.CatalogID, in.Version)) {
			return State{}, fmt.Errorf("%w: unexpected file name %q", ErrDamaged, in.File)
		}
	}
	return st, nil
}

// writeState replaces the state file; see writeAtomic.
func (s *Store) writeState(st State) (renamed bool, err error) {
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return false, err
	}
	if err := s.disk.MkdirAll(s.catalogDir()); err != nil {
		return false, err
	}
	return writeAtomic(s.disk, s.statePath(), append(b, '\n'), s.step)
}

// restoreState puts back st after a failed switch.
func (s *Store) restoreState(st State) error {
	_, err := s.writeState(st)
	return err
}

// record notes the outcome of an attempt that changed nothing else. It is
// best effort: when the disk is full, the error of the attempt matters more.
func (s *Store) record(now time.Time, result string) {
	st, err := s.State()
	if err != nil {
		return
	}
	st.LastAttempt = now.UTC().Truncate(time.Second)
	st.LastResult = result
	s.writeState(st)
}
