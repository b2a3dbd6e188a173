package install

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// stagedBundle and stagedPayload are the files of the install in progress
// in DIR/staging. Installs run one at a time, so fixed names do.
const (
	stagedBundle  = "incoming.bundle"
	stagedPayload = "incoming.sqlite"
)

// stage copies the bundle name of fsys into the staging folder and returns
// the copy's path. It reads a regular file only, refusing symbolic links
// (also among the folders of name) and paths that leave fsys ("..");
// it reads at most MaxBundle bytes and never writes to fsys.
func (s *Store) stage(ctx context.Context, fsys fs.FS, name string) (string, error) {
	if err := checkSourcePath(fsys, name); err != nil {
		return "", err
	}
	src, err := fsys.Open(name)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrRead, err)
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrRead, err)
	}
	if !info.Mode().IsRegular() {
		return "", fmt.Errorf("%w: %s is not a regular file", ErrNotFile, name)
	}
	if lst, err := fs.Lstat(fsys, name); err != nil || !sameFile(lst, info) {
		return "", fmt.Errorf("%w: %s changed while it was opened", ErrNotFile, name)
	}
	if info.Size() > s.maxBundle() {
		return "", fmt.Errorf("%w: %s, at most %s", ErrTooLarge, megabytes(info.Size()), megabytes(s.maxBundle()))
	}
	if err := s.disk.MkdirAll(s.stagingDir()); err != nil {
		return "", diskError(err)
	}
	staged := filepath.Join(s.stagingDir(), stagedBundle)
	out, err := s.disk.OpenFile(staged, os.O_WRONLY|os.O_CREATE|os.O_TRUNC)
	if err != nil {
		return "", diskError(err)
	}
	n, err := copyChecked(ctx, s.counting(PhaseCopying, info.Size(), out), src, s.maxBundle()+1)
	if cerr := out.Close(); err == nil && cerr != nil {
		err = diskError(cerr)
	}
	if err == nil && n > s.maxBundle() {
		err = fmt.Errorf("%w: more than %s", ErrTooLarge, megabytes(s.maxBundle()))
	}
	if err != nil {
		os.Remove(staged)
		return "", err
	}
	s.step("staged")
	return staged, nil
}

// checkSourcePath refuses a path that leaves fsys or passes through a
// symbolic link, and a final element that is a symbolic link.
func checkSourcePath(fsys fs.FS, name string) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("%w: the path %q leaves its folder or is not a file name", ErrNotFile, name)
	}
	for p := name; p != "."; p = path.Dir(p) {
		info, err := fs.Lstat(fsys, p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == name {
				return fmt.Errorf("%w: %s does not exist", ErrRead, name)
			}
			return fmt.Errorf("%w: %v", ErrRead, err)
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%w: %s is a symbolic link", ErrNotFile, p)
		}
		// Only a regular file is opened: opening a named pipe (a FIFO
		// called "x.bundle" on a stick) waits for a writer, for ever.
		if p == name && !info.Mode().IsRegular() {
			return fmt.Errorf("%w: %s is not a regular file", ErrNotFile, name)
		}
	}
	return nil
}

// sameFile tells whether two infos describe one file, where the file
// system can tell; else it trusts them.
func sameFile(a, b fs.FileInfo) bool {
	if a.Sys() == nil || b.Sys() == nil {
		return a.Mode().Type() == b.Mode().Type()
	}
	return os.SameFile(a, b)
}

// copyChecked copies at most limit bytes from src to dst, stopping when ctx
// ends, and tells a failed read (ErrRead: the stick was pulled) from a
// failed write (ErrDisk).
func copyChecked(ctx context.Context, dst io.Writer, src io.Reader, limit int64) (int64, error) {
	r := &readSide{ctx: ctx, r: io.LimitReader(src, limit)}
	w := &writeSide{w: dst}
	n, err := io.Copy(w, r)
	switch {
	case err == nil:
		return n, nil
	case r.err != nil && ctx.Err() != nil:
		return n, ctx.Err()
	case r.err != nil:
		return n, fmt.Errorf("%w after %s: %w", ErrRead, megabytes(n), r.err)
	case w.err != nil:
		return n, diskError(w.err)
	}
	return n, err
}

// readSide and writeSide remember which side of a copy failed.
type readSide struct {
	ctx context.Context
	r   io.Reader
	err error
}

func (r *readSide) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		r.err = err
		return 0, err
	}
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF {
		r.err = err
	}
	return n, err
}

type writeSide struct {
	w   io.Writer
	err error
}

func (w *writeSide) Write(p []byte) (int, error) {
	n, err := w.w.Write(p)
	if err != nil {
		w.err = err
	}
	return n, err
}

// megabytes writes a size for staff.
func megabytes(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// cleanStaging removes what an earlier, interrupted install left behind.
func (s *Store) cleanStaging() {
	entries, _ := os.ReadDir(s.stagingDir())
	for _, e := range entries {
		os.RemoveAll(filepath.Join(s.stagingDir(), e.Name()))
	}
}
