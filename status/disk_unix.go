//go:build !windows

package status

import "syscall"

// freeDisk is the space left for the kiosk in dir, 0 when unknown.
func freeDisk(dir string) uint64 {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0
	}
	return st.Bavail * uint64(st.Bsize)
}
