package logging

import (
	"errors"
	"fmt"
	"os"
	"sync"
)

// RotatingFile is an io.WriteCloser that appends to a file and, before a
// write would take it past maxSize bytes, renames it to path.1 (path.1 to
// path.2, and so on, dropping the oldest) and starts a new one. A single
// write larger than maxSize goes into a file of its own.
type RotatingFile struct {
	path    string
	maxSize int64
	keep    int // files kept, the current one included

	mu     sync.Mutex
	f      *os.File // nil after a failed rotation: the next write opens it again
	size   int64
	closed bool
}

// OpenRotating opens path for appending, keeping at most keep files (at
// least 1) of about maxSize bytes each.
func OpenRotating(path string, maxSize int64, keep int) (*RotatingFile, error) {
	if maxSize <= 0 || keep < 1 {
		return nil, errors.New("logging: maxSize and keep must be positive")
	}
	r := &RotatingFile{path: path, maxSize: maxSize, keep: keep}
	if err := r.open(); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *RotatingFile) open() error {
	f, err := os.OpenFile(r.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	r.f, r.size = f, info.Size()
	return nil
}

// Write appends p, rotating first when p would not fit.
func (r *RotatingFile) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return 0, os.ErrClosed
	}
	if r.f != nil && r.size > 0 && r.size+int64(len(p)) > r.maxSize {
		r.rotate()
	}
	if r.f == nil {
		if err := r.open(); err != nil {
			return 0, err
		}
	}
	n, err := r.f.Write(p)
	r.size += int64(n)
	return n, err
}

// rotate closes the file and shifts path.N-1 to path.N … path to path.1.
// When a rename fails (a full or read-only disk), the next write appends
// to whatever file is at path: a log that grows beats a log that stops.
func (r *RotatingFile) rotate() {
	r.f.Close()
	r.f = nil
	os.Remove(r.name(r.keep - 1)) // the oldest; absent is fine
	for i := r.keep - 2; i >= 0; i-- {
		os.Rename(r.name(i), r.name(i+1))
	}
}

// name is the file of generation i: path itself for 0, path.i after.
func (r *RotatingFile) name(i int) string {
	if i == 0 {
		return r.path
	}
	return fmt.Sprintf("%s.%d", r.path, i)
}

// Close closes the current file.
func (r *RotatingFile) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	if r.f == nil {
		return nil
	}
	err := r.f.Close()
	r.f = nil
	return err
}
