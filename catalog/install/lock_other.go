//go:build !unix

package install

import "os"

// lockFile only makes sure the folder is writable: without flock, two
// processes installing at once on the same data folder are not prevented.
func lockFile(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	return func() { f.Close() }, nil
}
