package install

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// SyncState is what the sync remembers between attempts, in
// DIR/sync/state.json.
type SyncState struct {
	URL string `json:"url"` // the address the rest is about
	// ETag is the server's tag of the bundle last installed (or found
	// installed already): sent as If-None-Match, so that an unchanged
	// catalogue costs one small request.
	ETag string `json:"etag,omitempty"`
	// PartialETag is the tag of the bundle download.partial is the start
	// of; without one the partial file is not kept.
	PartialETag string    `json:"partial_etag,omitempty"`
	Failures    int       `json:"failures,omitempty"` // failed attempts in a row
	LastAttempt time.Time `json:"last_attempt"`
	LastResult  string    `json:"last_result,omitempty"` // in words for staff
	NextAttempt time.Time `json:"next_attempt"`
}

func (s *Store) syncDir() string     { return filepath.Join(s.dir, "sync") }
func (s *Store) partialPath() string { return filepath.Join(s.syncDir(), "download.partial") }

// SyncState reads what the sync remembers; the zero SyncState if nothing.
func (s *Store) SyncState() (SyncState, error) {
	b, err := os.ReadFile(filepath.Join(s.syncDir(), "state.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return SyncState{}, nil
	}
	if err != nil {
		return SyncState{}, err
	}
	var st SyncState
	if err := json.Unmarshal(b, &st); err != nil {
		return SyncState{}, nil // start afresh: it only costs a full download
	}
	return st, nil
}

func (s *Store) writeSyncState(st SyncState) error {
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	if err := s.disk.MkdirAll(s.syncDir()); err != nil {
		return err
	}
	_, err = writeAtomic(s.disk, filepath.Join(s.syncDir(), "state.json"), append(b, '\n'), func(string) {})
	return err
}

// NextAttempt is when the sync tries again after an attempt at last:
// interval later when it succeeded; after failures in a row, 1, 2, 4, 8 …
// minutes later, but never later than interval.
func NextAttempt(last time.Time, failures int, interval time.Duration) time.Time {
	if interval <= 0 {
		interval = 6 * time.Hour
	}
	if failures <= 0 {
		return last.Add(interval)
	}
	return last.Add(min(time.Minute<<min(failures-1, 20), interval))
}
