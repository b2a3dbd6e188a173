package install

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"wegweiser/catalog"
)

// assumedValidity is the expiry assumed for an installed catalogue whose
// payload does not record its own (built before it did): the default of
// `catalog build --expires`.
const assumedValidity = 180 * 24 * time.Hour

// Repaired is what Repair found and did, in words for staff.
type Repaired struct {
	Changed  bool     // the record was rewritten
	Findings []string // what was wrong and what was done, one line each
	Current  *Installed
	Previous *Installed
}

// Repair makes the record of the installed catalogues sound again, without
// a bundle and without the network:
//
//   - a record that cannot be read (empty, cut short, garbage, a file name
//     that is not a catalogue's) is rebuilt from the catalogue files in the
//     data folder: each must pass the same database check as an install,
//     hold this kiosk's catalogue id and be named after its version; the
//     highest version becomes current, the next one previous, with the
//     issue and expiry dates their signed payloads carry;
//   - a current or previous catalogue whose file is missing or damaged is
//     dropped from the record (the previous one moves up);
//   - a time floor set far in the future by a bundle from a computer with
//     a wrong clock is set back to the issue date of the current catalogue,
//     so that normal builds install again (threat: a poisoned time floor).
//
// It never deletes a catalogue file. Without anything to repair it changes
// nothing.
func (s *Store) Repair(ctx context.Context) (Repaired, error) {
	now := s.now()
	unlock, err := s.lock()
	if err != nil {
		return Repaired{}, err
	}
	defer unlock()
	var rep Repaired
	st, err := s.State()
	if err != nil {
		rep.note("the record of the installed catalogues was damaged (%v); it was rebuilt from the catalogue files", err)
		st = s.rebuildState(ctx, &rep)
	} else {
		st = s.checkRecorded(ctx, st, &rep)
	}
	if limit := now.Add(MaxClockLead); st.TimeFloor.After(limit) {
		floor := time.Time{}
		if st.Current != nil && !st.Current.Issued.After(limit) {
			floor = st.Current.Issued
		}
		rep.note("the time floor lay in the future (%s), set by a bundle from a computer whose clock was wrong; it is now %s",
			st.TimeFloor.UTC().Format("2006-01-02"), dayOrNone(floor))
		st.TimeFloor = floor
	}
	if len(rep.Findings) == 0 {
		return rep, nil
	}
	st.LastAttempt = now.UTC().Truncate(time.Second)
	st.LastResult = "repaired the record of the installed catalogues"
	if _, err := s.writeState(st); err != nil {
		return rep, diskError(err)
	}
	rep.Changed, rep.Current, rep.Previous = true, st.Current, st.Previous
	return rep, nil
}

func (r *Repaired) note(format string, args ...any) {
	r.Findings = append(r.Findings, fmt.Sprintf(format, args...))
}

func dayOrNone(t time.Time) string {
	if t.IsZero() {
		return "unset"
	}
	return t.UTC().Format("2006-01-02")
}

// checkRecorded drops a recorded catalogue whose file does not pass the check.
func (s *Store) checkRecorded(ctx context.Context, st State, rep *Repaired) State {
	if st.Previous != nil {
		if err := s.checkInstalledFile(ctx, st.Previous); err != nil {
			rep.note("the previous catalogue, version %d, was dropped from the record: %v", st.Previous.Version, err)
			st.Previous = nil
		}
	}
	if st.Current != nil {
		if err := s.checkInstalledFile(ctx, st.Current); err != nil {
			rep.note("the current catalogue, version %d, was dropped from the record: %v", st.Current.Version, err)
			st.Current, st.Previous = st.Previous, nil
			if st.Current != nil {
				rep.note("version %d is current again", st.Current.Version)
			}
		}
	}
	return st
}

// checkInstalledFile checks a recorded catalogue's file against its record.
func (s *Store) checkInstalledFile(ctx context.Context, in *Installed) error {
	found, err := s.examine(ctx, in.File)
	if err != nil {
		return err
	}
	if found.SHA256 != in.SHA256 {
		return fmt.Errorf("its file differs from what was installed")
	}
	return nil
}

// rebuildState makes a record from the catalogue files that pass the check.
func (s *Store) rebuildState(ctx context.Context, rep *Repaired) State {
	entries, _ := os.ReadDir(s.catalogDir())
	var found []*Installed
	for _, e := range entries {
		if !catalogFilePattern.MatchString(e.Name()) {
			continue
		}
		in, err := s.examine(ctx, e.Name())
		if err != nil {
			rep.note("%s was not taken: %v", e.Name(), err)
			continue
		}
		found = append(found, in)
	}
	slices.SortFunc(found, func(a, b *Installed) int { return cmp.Compare(b.Version, a.Version) })
	var st State
	if len(found) > 0 {
		st.Current = found[0]
		st.TimeFloor = found[0].Issued
		rep.note("current: version %d, issued %s, expires %s", found[0].Version, dayOrNone(found[0].Issued), dayOrNone(found[0].Expires))
	} else {
		rep.note("no sound catalogue file was found: the kiosk shows the built-in sample until a catalogue is installed")
	}
	if len(found) > 1 {
		st.Previous = found[1]
		rep.note("previous: version %d", found[1].Version)
	}
	return st
}

// examine checks one catalogue file in the data folder as an install
// checks a payload, and describes it as installed.
func (s *Store) examine(ctx context.Context, name string) (*Installed, error) {
	path := filepath.Join(s.catalogDir(), name)
	info, err := os.Lstat(path)
	switch {
	case err != nil:
		return nil, fmt.Errorf("its file is missing")
	case !info.Mode().IsRegular():
		return nil, fmt.Errorf("it is not a regular file")
	}
	if err := checkSQLiteHeader(path); err != nil {
		return nil, err
	}
	if err := checkSQLite(ctx, path); err != nil {
		return nil, err
	}
	c, err := catalog.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotCatalog, err)
	}
	meta := c.Info()
	c.Close()
	if s.trust.Catalog != "" && meta.ID != s.trust.Catalog {
		return nil, fmt.Errorf("it is catalogue %q; this kiosk accepts %q", meta.ID, s.trust.Catalog)
	}
	if catalogFileName(meta.ID, meta.Version) != name {
		return nil, fmt.Errorf("it holds %q version %d, not what its name says", meta.ID, meta.Version)
	}
	sum, err := fileSHA256(path)
	if err != nil {
		return nil, err
	}
	expires := meta.Expires
	if expires.IsZero() {
		expires = meta.Built.Add(assumedValidity)
	}
	return &Installed{File: name, CatalogID: meta.ID, Version: meta.Version, Issued: meta.Built,
		Expires: expires, SHA256: sum, Installed: info.ModTime().UTC().Truncate(time.Second)}, nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
