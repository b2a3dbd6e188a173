package install

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"syscall"
	"testing"
)

// faultDisk is the real disk with one failing operation: the n-th (from 1)
// fails with err, and when persistent, so does every later write, as on
// a full disk. It counts operations when n is 0.
type faultDisk struct {
	n          int
	err        error
	persistent bool
	ops        int
	failed     bool
}

// fail tells whether the next operation fails. Renames and folder flushes
// do not fail on a full disk, only where the disk reports an error.
func (d *faultDisk) fail(write bool) error {
	d.ops++
	if d.n > 0 && (d.ops == d.n || d.persistent && d.ops > d.n && write) {
		if d.ops == d.n && d.persistent && !write {
			return nil
		}
		d.failed = true
		return d.err
	}
	return nil
}

func (d *faultDisk) MkdirAll(dir string) error {
	if err := d.fail(true); err != nil {
		return err
	}
	return osDisk{}.MkdirAll(dir)
}

func (d *faultDisk) OpenFile(name string, flag int) (writeFile, error) {
	if err := d.fail(true); err != nil {
		return nil, err
	}
	f, err := osDisk{}.OpenFile(name, flag)
	if err != nil {
		return nil, err
	}
	return &faultFile{f: f, d: d}, nil
}

func (d *faultDisk) Rename(from, to string) error {
	if err := d.fail(false); err != nil {
		return err
	}
	return osDisk{}.Rename(from, to)
}

func (d *faultDisk) SyncDir(dir string) error {
	if err := d.fail(false); err != nil {
		return err
	}
	return osDisk{}.SyncDir(dir)
}

type faultFile struct {
	f writeFile
	d *faultDisk
}

func (f *faultFile) Write(p []byte) (int, error) {
	if err := f.d.fail(true); err != nil {
		return 0, err
	}
	return f.f.Write(p)
}

func (f *faultFile) Sync() error {
	if err := f.d.fail(true); err != nil {
		return err
	}
	return f.f.Sync()
}

func (f *faultFile) Close() error {
	err := f.f.Close()
	if ferr := f.d.fail(true); ferr != nil {
		return ferr
	}
	return err
}

// sync-threats 15: a full disk or an I/O error at any write of an install
// leaves the old catalogue intact, and the error says so in words for staff.
func TestThreat15DiskFullOrIOError(t *testing.T) {
	s, _ := withV5(t)
	mustInstall(t, s, spec{version: 6}) // so that there is a previous one too
	base := s.dir
	v7 := putFile(t, t.TempDir(), "v7.bundle", makeBundle(t, spec{version: 7}))

	counter := &faultDisk{}
	probe := newStore(t, copyTree(t, base))
	probe.disk = counter
	if _, err := probe.Install(context.Background(), v7); err != nil {
		t.Fatal(err)
	}
	t.Logf("an install makes %d writes", counter.ops)

	for _, c := range []struct {
		name       string
		err        error
		persistent bool
		want       string
	}{
		{"disk full", syscall.ENOSPC, true, "the disk is full"},
		{"I/O error", syscall.EIO, false, "the disk reported an error"},
	} {
		for n := 1; n <= counter.ops; n++ {
			t.Run(fmt.Sprintf("%s/%d", c.name, n), func(t *testing.T) {
				s := newStore(t, copyTree(t, base))
				before := takeSnapshot(t, s)
				d := &faultDisk{n: n, err: c.err, persistent: c.persistent}
				s.disk = d
				res, err := s.Install(context.Background(), v7)
				if !d.failed {
					t.Skip("this operation does not fail on a full disk")
				}
				if err == nil || !errors.Is(err, ErrDisk) || !strings.Contains(err.Error(), c.want) ||
					!strings.HasPrefix(err.Error(), "the catalogue could not be saved on this kiosk's disk: ") {
					t.Fatalf("got %+v, %v", res, err)
				}
				assertUnchanged(t, s, before)
				// Once the disk works again, the install succeeds.
				s.disk = osDisk{}
				if res, err := s.Install(context.Background(), v7); err != nil || !res.Installed {
					t.Fatalf("afterwards: %+v %v", res, err)
				}
			})
		}
	}
}
