package install

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"wegweiser/catalog/bundle"
)

// Result is what an install did.
type Result struct {
	Manifest bundle.Manifest // the bundle's verified manifest
	// Installed is false when this version was installed already: nothing
	// was done, and that is no error.
	Installed bool
	Replaced  int64 // the version it replaced; 0 when the kiosk showed the sample
}

// Install checks the bundle file at path and installs it (see the package
// documentation for the check). On any error the installed catalogue is
// unchanged; the error says why, in words for staff.
func (s *Store) Install(ctx context.Context, path string) (Result, error) {
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	return s.InstallFS(ctx, os.DirFS(dir), name)
}

// InstallFS installs the bundle name of fsys (a USB stick: os.DirFS of its
// mount point). name is slash-separated and must stay inside fsys.
func (s *Store) InstallFS(ctx context.Context, fsys fs.FS, name string) (Result, error) {
	return s.installFS(ctx, fsys, name, nil)
}

// installFS is InstallFS, telling report (if not nil) how far it has come.
func (s *Store) installFS(ctx context.Context, fsys fs.FS, name string, report func(Progress)) (Result, error) {
	now := s.now()
	unlock, err := s.lock()
	if err != nil {
		return Result{}, err
	}
	defer unlock()
	s.report = report
	defer func() { s.report = nil }()
	s.tidy()
	defer s.cleanStaging()
	staged, err := s.stage(ctx, fsys, name)
	if err != nil {
		s.record(now, "refused "+name+": "+err.Error())
		return Result{}, err
	}
	return s.installStaged(ctx, staged, name, now, false)
}

// installStaged runs steps 3 to 8 of the check on a bundle on the kiosk's
// own disk and records the outcome. It must be called with the lock held.
// name is the bundle's name for the record.
func (s *Store) installStaged(ctx context.Context, staged, name string, now time.Time, auto bool) (Result, error) {
	res, err := s.checkAndInstall(ctx, staged, now, auto)
	switch {
	case err == nil && res.Installed:
		// the state written by commit records it
	case err == nil:
		s.record(now, fmt.Sprintf("%s: version %d is installed already; nothing to do", name, res.Manifest.Version))
	default:
		s.record(now, "refused "+name+": "+err.Error())
	}
	return res, err
}

func (s *Store) checkAndInstall(ctx context.Context, staged string, now time.Time, auto bool) (Result, error) {
	f, err := os.Open(staged)
	if err != nil {
		return Result{}, diskError(err)
	}
	defer f.Close()
	r, err := bundle.Open(f, s.trust.Keys)
	if err != nil {
		return Result{}, err
	}
	m := r.Manifest()
	res := Result{Manifest: m}
	s.step("verified")
	st, err := s.State()
	if err != nil {
		return res, err
	}
	if st.Current != nil {
		res.Replaced = st.Current.Version
	}
	switch err := s.policy(m, st, now, auto); {
	case errors.Is(err, errAlreadyInstalled):
		return res, nil
	case err != nil:
		return res, err
	}
	payload := filepath.Join(s.stagingDir(), stagedPayload)
	if err := s.writePayload(ctx, r, payload); err != nil {
		return res, err
	}
	s.progress(Progress{Phase: PhaseChecking})
	if err := checkCatalogFile(ctx, payload, m); err != nil {
		return res, err
	}
	s.step("checked")
	if err := s.commit(payload, m, st, now); err != nil {
		return res, err
	}
	res.Installed = true
	return res, nil
}

// writePayload streams the payload through its hash check into a staging
// file and flushes it to the disk (step 6).
func (s *Store) writePayload(ctx context.Context, r *bundle.Reader, path string) error {
	if err := s.disk.MkdirAll(filepath.Dir(path)); err != nil {
		return diskError(err)
	}
	out, err := s.disk.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC)
	if err != nil {
		return diskError(err)
	}
	w := &writeSide{w: s.counting(PhaseVerifying, r.Manifest().Size, out)}
	_, err = r.CopyPayload(&ctxWriter{ctx: ctx, w: w})
	switch {
	case err != nil && ctx.Err() != nil:
		err = ctx.Err()
	case err != nil && w.err != nil:
		err = diskError(w.err)
	case err == nil:
		if err = out.Sync(); err != nil {
			err = diskError(err)
		}
	}
	if cerr := out.Close(); err == nil && cerr != nil {
		err = diskError(cerr)
	}
	if err != nil {
		os.Remove(path)
		return err
	}
	s.step("payload written")
	return nil
}

// commit places the checked payload and switches the state to it (step 8).
// Until the state is switched the old catalogue stays current; if flushing
// the switch fails, the old state is put back.
func (s *Store) commit(payload string, m bundle.Manifest, st State, now time.Time) error {
	in := installedFrom(m, now)
	final := filepath.Join(s.catalogDir(), in.File)
	if err := s.disk.Rename(payload, final); err != nil {
		return diskError(err)
	}
	s.step("catalogue placed")
	if err := s.disk.SyncDir(s.catalogDir()); err != nil {
		os.Remove(final)
		return diskError(err)
	}
	s.step("catalogue flushed")
	next := st
	next.Previous, next.Current = st.Current, in
	if m.Issued.After(next.TimeFloor) {
		next.TimeFloor = m.Issued
	}
	next.LastAttempt = in.Installed
	next.LastResult = fmt.Sprintf("installed %s version %d", m.CatalogID, m.Version)
	if next.Previous != nil {
		next.LastResult += fmt.Sprintf(" (replacing version %d)", next.Previous.Version)
	}
	renamed, err := s.writeState(next)
	if err != nil {
		// Flushing the switch failed after it became visible: switch back,
		// so that staff see the old catalogue and the error, never a new
		// one that might not survive a power cut.
		if !renamed || s.restoreState(st) == nil {
			os.Remove(final)
		}
		return diskError(err)
	}
	s.removeUnused(next)
	s.step("old removed")
	return nil
}

// removeUnused removes catalogue files that are neither current nor
// previous, and temporary files of interrupted writes. Failures do not
// matter: a file still open elsewhere (Windows) goes next time.
func (s *Store) removeUnused(st State) {
	keep := map[string]bool{}
	for _, in := range []*Installed{st.Current, st.Previous} {
		if in != nil {
			keep[in.File] = true
		}
	}
	entries, _ := os.ReadDir(s.catalogDir())
	for _, e := range entries {
		name := e.Name()
		if (catalogFilePattern.MatchString(name) && !keep[name]) || strings.HasSuffix(name, ".tmp") {
			os.Remove(filepath.Join(s.catalogDir(), name))
		}
	}
}

// tidy removes what an install interrupted by a crash left behind.
func (s *Store) tidy() {
	s.cleanStaging()
	if st, err := s.State(); err == nil {
		s.removeUnused(st)
	}
}

// ctxWriter stops a copy when ctx ends.
type ctxWriter struct {
	ctx context.Context
	w   *writeSide
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
