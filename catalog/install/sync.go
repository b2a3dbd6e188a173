package install

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"time"
)

// SyncStatus is what a successful sync found.
type SyncStatus int

const (
	// NotModified: the server's bundle is the one installed (304).
	NotModified SyncStatus = iota
	// UpToDate: the downloaded bundle's version is installed already.
	UpToDate
	// Updated: a new catalogue was installed.
	Updated
)

// SyncResult is the outcome of a sync.
type SyncResult struct {
	Status  SyncStatus
	Install Result    // when a bundle was downloaded and checked
	Next    time.Time // when the next attempt is due
}

// String says what happened, for staff.
func (r SyncResult) String() string {
	switch r.Status {
	case NotModified:
		return "the catalogue on the server has not changed"
	case UpToDate:
		return fmt.Sprintf("the catalogue on the server (version %d) is installed already", r.Install.Manifest.Version)
	}
	return fmt.Sprintf("installed version %d", r.Install.Manifest.Version)
}

// Sync fetches the bundle at rawURL once and installs it with the same
// check as Install. On any error the catalogue is unchanged; an error that
// wraps ErrCouldNotUpdate is a network problem. interval is the regular
// sync interval (kiosk.toml's [sync] interval), from which the time of the
// next attempt is computed, with back-off after failures.
func (s *Store) Sync(ctx context.Context, rawURL string, interval time.Duration) (SyncResult, error) {
	s.syncMu.Lock()
	defer s.syncMu.Unlock()
	if err := s.disk.MkdirAll(s.syncDir()); err != nil {
		return SyncResult{}, diskError(err)
	}
	release, err := lockFile(filepath.Join(s.syncDir(), ".lock"))
	if err != nil {
		return SyncResult{}, diskError(err)
	}
	defer release()

	now := s.now()
	st, _ := s.SyncState()
	if st.URL != rawURL {
		s.dropPartial(&st)
		st = SyncState{URL: rawURL}
	}
	res, err := s.fetchAndInstall(ctx, rawURL, &st, now)
	if err != nil {
		st.Failures++
		st.LastResult = err.Error()
	} else {
		st.Failures = 0
		st.LastResult = res.String()
	}
	st.LastAttempt = now.UTC().Truncate(time.Second)
	st.NextAttempt = NextAttempt(now, st.Failures, interval)
	res.Next = st.NextAttempt
	s.writeSyncState(st) // best effort: without it, the next sync downloads again
	return res, err
}

func (s *Store) fetchAndInstall(ctx context.Context, rawURL string, st *SyncState, now time.Time) (SyncResult, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return SyncResult{}, fmt.Errorf("%w: %q is not a web address (kiosk.toml, [sync] url)", ErrCouldNotUpdate, rawURL)
	}
	f, err := s.download(ctx, rawURL, st)
	if err != nil {
		return SyncResult{}, err
	}
	if f.notModified {
		return SyncResult{Status: NotModified}, nil
	}
	unlock, err := s.lock()
	if err != nil {
		return SyncResult{}, err
	}
	s.tidy()
	inst, err := s.installStaged(ctx, s.partialPath(), "download from "+u.Host, now, true)
	unlock()
	s.dropPartial(st)
	if err != nil {
		return SyncResult{Install: inst}, fmt.Errorf("the downloaded catalogue was refused: %w", err)
	}
	st.ETag = f.etag
	if inst.Installed {
		return SyncResult{Status: Updated, Install: inst}, nil
	}
	return SyncResult{Status: UpToDate, Install: inst}, nil
}

// SyncLoop syncs from rawURL whenever an attempt is due (see NextAttempt),
// until ctx ends. It is what the kiosk runs in the background:
//
//	go store.SyncLoop(ctx, cfg.Sync.URL, cfg.Sync.Interval, func(r SyncResult, err error) {
//		fyne.Do(func() { /* show r or err on the staff screen */ })
//	})
//
// report, if not nil, is called after each attempt from SyncLoop's
// goroutine. After an install, the kiosk shows the new catalogue from the
// next visitor session on (see Current).
func (s *Store) SyncLoop(ctx context.Context, rawURL string, interval time.Duration, report func(SyncResult, error)) {
	if interval <= 0 {
		interval = 6 * time.Hour
	}
	st, _ := s.SyncState()
	next := st.NextAttempt
	if st.URL != rawURL {
		next = time.Time{}
	}
	for {
		wait := min(max(next.Sub(s.now()), 0), interval) // a clock set back does not stop the sync
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-timer.C:
		}
		res, err := s.Sync(ctx, rawURL, interval)
		if ctx.Err() != nil {
			return
		}
		next = res.Next
		if report != nil {
			report(res, err)
		}
	}
}
