package install

import (
	"crypto/ed25519"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// DefaultMaxBundle is the largest bundle a kiosk accepts unless told
// otherwise: 1 GiB, far above a national catalogue.
const DefaultMaxBundle = 1 << 30

// Trust is what a kiosk accepts: one catalogue id, signed by any of the keys
// (config.Trust's Catalog and PublicKeys).
type Trust struct {
	Catalog string
	Keys    []ed25519.PublicKey
}

// Store is the catalogue store of one data folder. Its methods may be
// called from several goroutines; installs and rollbacks run one at a time,
// also across processes (a staff command while the kiosk syncs).
type Store struct {
	dir   string
	trust Trust

	// MaxBundle caps the size of a bundle file and of its payload.
	MaxBundle int64
	// Now is the clock; time.Now unless a test sets it.
	Now func() time.Time
	// Client fetches bundles for Sync; nil means NewClient(DefaultTimeouts).
	Client *http.Client
	// StallTimeout ends a download that receives less than MinProgress
	// within this long; 0 means DefaultTimeouts.Stall.
	StallTimeout time.Duration
	// Deadline ends one request of a sync that is not done within it;
	// 0 means DownloadDeadline.
	Deadline time.Duration

	disk   disk              // every write to the data folder
	step   func(name string) // called after each step of an install; crash tests kill the process there
	report func(Progress)    // the running install's reporter, or nil; set under mu
	mu     sync.Mutex        // one install at a time in this process
	syncMu sync.Mutex        // one sync at a time in this process
}

// NewStore returns the store of dataDir, accepting what trust allows.
func NewStore(dataDir string, trust Trust) *Store {
	return &Store{dir: dataDir, trust: trust, MaxBundle: DefaultMaxBundle, Now: time.Now,
		disk: osDisk{}, step: func(string) {}}
}

// CatalogPath is the file of an installed catalogue.
func (s *Store) CatalogPath(in Installed) string { return filepath.Join(s.catalogDir(), in.File) }

func (s *Store) catalogDir() string { return filepath.Join(s.dir, catalogDir) }
func (s *Store) stagingDir() string { return filepath.Join(s.dir, "staging") }

// Current returns the path and version of the installed catalogue, or
// ErrNoneInstalled while the kiosk shows the sample. It only reads a small
// file: the kiosk calls it whenever a visitor session starts, and opens the
// catalogue anew when the path differs from the one it has open. The file
// at path never changes; an install or rollback switches to another path.
func (s *Store) Current() (path string, version int64, err error) {
	st, err := s.State()
	if err != nil {
		return "", 0, err
	}
	if st.Current == nil {
		return "", 0, ErrNoneInstalled
	}
	return filepath.Join(s.catalogDir(), st.Current.File), st.Current.Version, nil
}

// lock makes this the only install in this process and on this data folder.
func (s *Store) lock() (unlock func(), err error) {
	s.mu.Lock()
	if err := os.MkdirAll(s.catalogDir(), 0o755); err != nil {
		s.mu.Unlock()
		return nil, diskError(err)
	}
	release, err := lockFile(filepath.Join(s.catalogDir(), ".lock"))
	if err != nil {
		s.mu.Unlock()
		return nil, diskError(err)
	}
	return func() { release(); s.mu.Unlock() }, nil
}

// maxBundle is the size cap in force.
func (s *Store) maxBundle() int64 {
	if s.MaxBundle > 0 {
		return s.MaxBundle
	}
	return DefaultMaxBundle
}

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}
