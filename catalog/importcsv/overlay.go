package importcsv

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"sort"
	"time"
)

// overlay is a source folder as it would be with the imported file
// replaced: without it when data is nil, else with data in its place. It
// lets catalog/source load the folder before and after the import without
// writing anything. name is "offers/<file>.toml"; the folder offers/ is
// made up when it does not exist yet.
type overlay struct {
	base fs.FS
	name string
	data []byte
}

func (o overlay) dir() string { return path.Dir(o.name) }

func (o overlay) Open(name string) (fs.File, error) {
	if name == o.name {
		if o.data == nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
		return &memFile{Reader: bytes.NewReader(o.data), info: memInfo{name: path.Base(name), size: int64(len(o.data))}}, nil
	}
	f, err := o.base.Open(name)
	if errors.Is(err, fs.ErrNotExist) && name == o.dir() && o.data != nil {
		return &memFile{Reader: bytes.NewReader(nil), info: memInfo{name: name, dir: true}}, nil
	}
	return f, err
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	switch {
	case name == o.dir():
		if errors.Is(err, fs.ErrNotExist) && o.data != nil {
			entries, err = nil, nil
		}
		kept := entries[:0:0]
		for _, e := range entries {
			if e.Name() != path.Base(o.name) {
				kept = append(kept, e)
			}
		}
		if o.data != nil {
			kept = append(kept, fs.FileInfoToDirEntry(memInfo{name: path.Base(o.name), size: int64(len(o.data))}))
		}
		entries = kept
	case name == path.Dir(o.dir()) && err == nil && o.data != nil:
		if _, statErr := fs.Stat(o.base, o.dir()); errors.Is(statErr, fs.ErrNotExist) {
			entries = append(entries, fs.FileInfoToDirEntry(memInfo{name: path.Base(o.dir()), dir: true}))
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	return entries, err
}

// memFile is the imported file (or its made-up folder) in memory.
type memFile struct {
	*bytes.Reader
	info memInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o755
	}
	return 0o644
}
