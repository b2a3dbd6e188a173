package cli

import (
	"os"
	"path/filepath"
	"runtime"
)

// DefaultDataDir is the operating system's per-user data folder for
// Wegweiser: $XDG_DATA_HOME/wegweiser (~/.local/share/wegweiser) on Linux,
// %AppData%\wegweiser on Windows, ~/Library/Application Support/wegweiser
// on macOS.
func DefaultDataDir() (string, error) {
	if runtime.GOOS == "linux" || runtime.GOOS == "freebsd" || runtime.GOOS == "openbsd" {
		if x := os.Getenv("XDG_DATA_HOME"); x != "" {
			return filepath.Join(x, "wegweiser"), nil
		}
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, ".local", "share", "wegweiser"), nil
	}
	dir, err := os.UserConfigDir() // %AppData% on Windows, Application Support on macOS
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "wegweiser"), nil
}
