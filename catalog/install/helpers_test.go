package install

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/bundle"
	"wegweiser/catalog/source"
)

const (
	testCatalog = "suedniedersachsen" // the id of ../source/testdata/valid
	validSource = "../source/testdata/valid"
)

var (
	testIssued = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	testNow    = time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)
)

// testKey is a fixed key pair, different for each n.
func testKey(n byte) (ed25519.PublicKey, ed25519.PrivateKey) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{n}, ed25519.SeedSize))
	return priv.Public().(ed25519.PublicKey), priv
}

// newStore is a store on dir trusting testCatalog signed by testKey(1),
// with the clock at testNow.
func newStore(t testing.TB, dir string) *Store {
	t.Helper()
	pub, _ := testKey(1)
	s := NewStore(dir, Trust{Catalog: testCatalog, Keys: []ed25519.PublicKey{pub}})
	s.Now = func() time.Time { return testNow }
	return s
}

// compiled is the valid test source compiled as catalogue id, version.
// Each is compiled once per test process.
var compiled = struct {
	sync.Mutex
	dir   string
	files map[string][]byte
}{files: map[string][]byte{}}

func compiledCatalog(t testing.TB, id string, version int64) []byte {
	t.Helper()
	compiled.Lock()
	defer compiled.Unlock()
	key := fmt.Sprintf("%s-%d", id, version)
	if b, ok := compiled.files[key]; ok {
		return b
	}
	content, problems := source.Load(os.DirFS(validSource))
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	content.Meta.ID = id
	dir, err := os.MkdirTemp("", "wegweiser-install-test-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "c.sqlite")
	if err := catalog.Compile(content, path, catalog.BuildInfo{Version: version, Built: testIssued}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	compiled.files[key] = b
	return b
}

// spec describes a test bundle.
type spec struct {
	id      string
	version int64
	issued  time.Time
	expires time.Time
	key     byte   // signing key n of testKey
	payload []byte // nil: the compiled catalogue id, version
}

func (sp spec) withDefaults() spec {
	if sp.id == "" {
		sp.id = testCatalog
	}
	if sp.issued.IsZero() {
		sp.issued = testIssued
	}
	if sp.expires.IsZero() {
		sp.expires = sp.issued.Add(180 * 24 * time.Hour)
	}
	if sp.key == 0 {
		sp.key = 1
	}
	return sp
}

// makeBundle writes the bundle sp describes.
func makeBundle(t testing.TB, sp spec) []byte {
	t.Helper()
	sp = sp.withDefaults()
	payload := sp.payload
	if payload == nil {
		payload = compiledCatalog(t, sp.id, sp.version)
	}
	_, priv := testKey(sp.key)
	var buf bytes.Buffer
	_, err := bundle.Write(&buf, bundle.Manifest{CatalogID: sp.id, Version: sp.version, Issued: sp.issued, Expires: sp.expires},
		bytes.NewReader(payload), priv)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// handBundle builds a bundle around any manifest text, validly signed by
// testKey(key): what a coordinator's broken or hostile tool might write.
func handBundle(manifest string, payload []byte, key byte) []byte {
	_, priv := testKey(key)
	var buf bytes.Buffer
	buf.WriteString("WEGWEISER-BUNDLE-1\n")
	binary.Write(&buf, binary.BigEndian, uint32(len(manifest)))
	buf.WriteString(manifest)
	buf.Write(ed25519.Sign(priv, append([]byte("wegweiser-bundle-v1\x00"), manifest...)))
	buf.Write(payload)
	return buf.Bytes()
}

// manifestJSON is a manifest's text for payload, in the usual key order.
func manifestJSON(id string, version int64, payload []byte, key byte) string {
	pub, _ := testKey(key)
	sum := sha256.Sum256(payload)
	return fmt.Sprintf(`{"format":1,"catalog_id":%q,"version":%d,"issued":"2025-03-01T12:00:00Z","expires":"2025-08-28T12:00:00Z","size":%d,"sha256":%q,"key_id":%q}`,
		id, version, len(payload), hex.EncodeToString(sum[:]), bundle.Fingerprint(pub))
}

// putFile writes data to dir/name and returns the path.
func putFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// installBundle writes the bundle sp describes and installs it.
func installBundle(t testing.TB, s *Store, sp spec) (Result, error) {
	t.Helper()
	path := putFile(t, t.TempDir(), "c.bundle", makeBundle(t, sp))
	return s.Install(context.Background(), path)
}

// mustInstall installs sp and fails the test unless it was installed.
func mustInstall(t testing.TB, s *Store, sp spec) {
	t.Helper()
	res, err := installBundle(t, s, sp)
	if err != nil || !res.Installed {
		t.Fatalf("installing version %d: %+v %v", sp.version, res, err)
	}
}

// snapshot is everything an install may change in a data folder, except
// the record of the last attempt.
type snapshot struct {
	current, previous string // file names
	version           int64
	floor             time.Time
	files             map[string]string // catalogue file → sha256
}

func takeSnapshot(t testing.TB, s *Store) snapshot {
	t.Helper()
	st, err := s.State()
	if err != nil {
		t.Fatal(err)
	}
	snap := snapshot{floor: st.TimeFloor, files: map[string]string{}}
	if st.Current != nil {
		snap.current, snap.version = st.Current.File, st.Current.Version
	}
	if st.Previous != nil {
		snap.previous = st.Previous.File
	}
	entries, _ := os.ReadDir(s.catalogDir())
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".sqlite" {
			b, err := os.ReadFile(filepath.Join(s.catalogDir(), e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(b)
			snap.files[e.Name()] = hex.EncodeToString(sum[:])
		}
	}
	return snap
}

func (a snapshot) String() string {
	return fmt.Sprintf("current %q (version %d), previous %q, floor %s, files %v", a.current, a.version, a.previous, a.floor, a.files)
}

func (a snapshot) equal(b snapshot) bool { return a.String() == b.String() }

// assertUnchanged fails unless the data folder's catalogues are as before,
// the current one opens, and staging is empty.
func assertUnchanged(t testing.TB, s *Store, before snapshot) {
	t.Helper()
	if after := takeSnapshot(t, s); !after.equal(before) {
		t.Errorf("the installed catalogue changed:\nbefore %v\nafter  %v", before, after)
	}
	assertOpens(t, s)
	if entries, _ := os.ReadDir(s.stagingDir()); len(entries) > 0 {
		t.Errorf("staging not cleaned: %v", entries)
	}
}

// assertOpens fails unless the current catalogue opens and is the
// version the state records.
func assertOpens(t testing.TB, s *Store) {
	t.Helper()
	path, version, err := s.Current()
	if err == ErrNoneInstalled {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Open(path)
	if err != nil {
		t.Fatalf("the current catalogue does not open: %v", err)
	}
	defer c.Close()
	if info := c.Info(); info.Version != version || info.ID != testCatalog {
		t.Fatalf("the current file holds %s version %d, the state says %d", info.ID, info.Version, version)
	}
}

func hashOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// copyTree copies a data folder.
func copyTree(t *testing.T, from string) string {
	t.Helper()
	to := t.TempDir()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return to
}
