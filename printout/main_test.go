package printout

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMain(m *testing.M) {
	code := m.Run()
	if sampleCache != "" {
		os.RemoveAll(filepath.Dir(sampleCache))
	}
	os.Exit(code)
}
