package install

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"wegweiser/catalog"
)

// OpenForKiosk opens what the kiosk shows at start-up: the installed
// catalogue; if it does not open, the previous one; then the built-in
// sample (compiled into cacheDir). A kiosk always starts. problem says why
// it is not showing the installed catalogue, for the log and staff; it is
// nil when all is well or nothing is installed yet.
func (s *Store) OpenForKiosk(sample fs.FS, cacheDir string) (c *catalog.Catalog, path string, problem error) {
	cur, _, err := s.Current()
	switch {
	case err == nil:
		if c, err = catalog.Open(cur); err == nil {
			return c, cur, nil
		}
		problem = fmt.Errorf("the installed catalogue does not open (%v)", err)
		if st, serr := s.State(); serr == nil && st.Previous != nil {
			prev := filepath.Join(s.catalogDir(), st.Previous.File)
			if c, err = catalog.Open(prev); err == nil {
				return c, prev, fmt.Errorf("%w; showing the previous one, version %d", problem, st.Previous.Version)
			}
		}
	case !errors.Is(err, ErrNoneInstalled):
		problem = fmt.Errorf("the record of the installed catalogue cannot be read (%v)", err)
	}
	path, err = CompiledSample(cacheDir, sample)
	if err != nil {
		// A full or read-only disk: compile the sample in the temporary
		// folder (often a RAM disk) rather than not start at all.
		if tmpPath, tmpErr := CompiledSample(filepath.Join(os.TempDir(), "wegweiser-cache"), sample); tmpErr == nil {
			path, err = tmpPath, nil
		}
	}
	if err == nil {
		c, err = catalog.Open(path)
	}
	if err != nil {
		return nil, "", errors.Join(problem, fmt.Errorf("the built-in sample does not open either: %w", err))
	}
	if problem != nil {
		problem = fmt.Errorf("%w; showing the built-in sample", problem)
	}
	return c, path, problem
}
