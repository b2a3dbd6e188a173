package catalog_test

import (
	"os"
	"testing"
)

// TestMain only removes the benchmarks' shared national catalogue, which
// nationalCatalogue makes on first use.
func TestMain(m *testing.M) {
	code := m.Run()
	removeNationalCatalogue()
	os.Exit(code)
}
