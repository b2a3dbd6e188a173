//go:build unix

package install

import (
	"os"
	"syscall"
)

// lockFile takes an exclusive lock on path, waiting for another process
// that holds it. The lock ends with the process, also when it is killed.
func lockFile(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
