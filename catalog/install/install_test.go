package install

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"database/sql"
	"encoding/binary"
	"errors"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/bundle"
)

// The tests of this file are numbered as in shared/notes/sync-threats.md.
// Each offers a bundle to a data folder that has version 5 installed and
// checks that the refusal leaves it exactly as it was.

// withV5 is a store with version 5 installed.
func withV5(t *testing.T) (*Store, snapshot) {
	t.Helper()
	s := newStore(t, t.TempDir())
	mustInstall(t, s, spec{version: 5})
	return s, takeSnapshot(t, s)
}

// refuse installs data and checks that it is refused with want, and
// that nothing changed.
func refuse(t *testing.T, s *Store, before snapshot, data []byte, want error) error {
	t.Helper()
	path := putFile(t, t.TempDir(), "offered.bundle", data)
	res, err := s.Install(context.Background(), path)
	if err == nil || (want != nil && !errors.Is(err, want)) {
		t.Fatalf("got %+v, %v; want %v", res, err, want)
	}
	assertUnchanged(t, s, before)
	return err
}

func TestInstallAndState(t *testing.T) {
	s := newStore(t, t.TempDir())
	if _, _, err := s.Current(); err != ErrNoneInstalled {
		t.Fatalf("empty folder: %v", err)
	}
	res, err := installBundle(t, s, spec{version: 5})
	if err != nil || !res.Installed || res.Replaced != 0 || res.Manifest.Version != 5 {
		t.Fatalf("%+v %v", res, err)
	}
	mustInstall(t, s, spec{version: 6})
	res, err = installBundle(t, s, spec{version: 7, issued: testIssued.Add(time.Hour)})
	if err != nil || !res.Installed || res.Replaced != 6 {
		t.Fatalf("%+v %v", res, err)
	}
	st, err := s.State()
	if err != nil {
		t.Fatal(err)
	}
	if st.Current.Version != 7 || st.Previous.Version != 6 || !st.TimeFloor.Equal(testIssued.Add(time.Hour)) ||
		st.LastResult != "installed suedniedersachsen version 7 (replacing version 6)" || !st.LastAttempt.Equal(testNow) {
		t.Errorf("state %+v", st)
	}
	// Only the current and the previous file are kept.
	snap := takeSnapshot(t, s)
	if len(snap.files) != 2 || snap.files["suedniedersachsen-7.sqlite"] == "" || snap.files["suedniedersachsen-6.sqlite"] == "" {
		t.Errorf("files %v", snap.files)
	}
	path, version, err := s.Current()
	if err != nil || version != 7 || path != filepath.Join(s.dir, "catalogs", "suedniedersachsen-7.sqlite") {
		t.Errorf("Current = %s %d %v", path, version, err)
	}
	if p, err := Current(s.dir); err != nil || p != path {
		t.Errorf("package Current = %s %v", p, err)
	}
	c, isSample, err := Open(s.dir, nil)
	if err != nil || isSample || c.Info().Version != 7 {
		t.Fatalf("Open: %v %v", isSample, err)
	}
	c.Close()
	assertOpens(t, s)
}

// sync-threats 1: signed by an unknown key.
func TestThreat01UnknownKey(t *testing.T) {
	s, before := withV5(t)
	err := refuse(t, s, before, makeBundle(t, spec{version: 7, key: 2}), bundle.ErrBadSignature)
	if !strings.Contains(err.Error(), "not signed by a trusted key") {
		t.Errorf("message: %v", err)
	}
	st, _ := s.State()
	if !strings.HasPrefix(st.LastResult, "refused offered.bundle: the bundle is not signed by a trusted key") {
		t.Errorf("last result %q", st.LastResult)
	}
	// No key at all configured: refused with its own reason.
	s.trust.Keys = nil
	refuse(t, s, before, makeBundle(t, spec{version: 7}), bundle.ErrNoTrustedKeys)
}

// sync-threats 2: any single flipped byte in the manifest, the signature
// or the payload.
func TestThreat02FlippedByte(t *testing.T) {
	s, before := withV5(t)
	good := makeBundle(t, spec{version: 7})
	header := 23 + int(binary.BigEndian.Uint32(good[19:23])) + ed25519.SignatureSize
	positions := []int{}
	for i := 0; i < header; i++ {
		positions = append(positions, i)
	}
	for i := header; i < len(good); i += (len(good) - header) / 40 {
		positions = append(positions, i)
	}
	positions = append(positions, len(good)-1)
	for _, pos := range positions {
		bad := bytes.Clone(good)
		bad[pos] ^= 0x20
		refuse(t, s, before, bad, nil)
	}
}

// sync-threats 3: a signature of the wrong length, or none.
func TestThreat03SignatureMissingOrShort(t *testing.T) {
	s, before := withV5(t)
	good := makeBundle(t, spec{version: 7})
	end := 23 + int(binary.BigEndian.Uint32(good[19:23]))
	refuse(t, s, before, good[:end], bundle.ErrTruncated)         // no signature
	refuse(t, s, before, good[:end+10], bundle.ErrTruncated)      // 10 of 64 bytes
	refuse(t, s, before, good[:end+63], bundle.ErrTruncated)      // one byte short
	short := append(bytes.Clone(good[:end+32]), good[end+64:]...) // 32 bytes: the payload shifts into it
	refuse(t, s, before, short, bundle.ErrBadSignature)
}

// sync-threats 4: a manifest over 64 KiB, a payload over the cap or over
// its declared size: aborted while reading, memory bounded.
func TestThreat04SizeCaps(t *testing.T) {
	s, before := withV5(t)
	huge := binary.BigEndian.AppendUint32([]byte("WEGWEISER-BUNDLE-1\n"), bundle.MaxManifestSize+1)
	refuse(t, s, before, append(huge, make([]byte, 100)...), bundle.ErrManifestTooLarge)

	good := makeBundle(t, spec{version: 7})
	refuse(t, s, before, append(bytes.Clone(good), 'x'), bundle.ErrPayloadMismatch) // over the declared size

	s.MaxBundle = int64(len(good)) - 1 // the file is over the cap
	err := refuse(t, s, before, good, ErrTooLarge)
	if !strings.Contains(err.Error(), "too large") {
		t.Errorf("message: %v", err)
	}

	// A source that claims to be small and never ends: the copy stops at the
	// cap, and memory does not grow with what was read.
	s.MaxBundle = 64 << 20
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	_, err = s.InstallFS(context.Background(), endlessFS{}, "endless.bundle")
	runtime.ReadMemStats(&m1)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("endless source: %v", err)
	}
	if grew := m1.TotalAlloc - m0.TotalAlloc; grew > 2<<20 {
		t.Errorf("reading 64 MiB allocated %d bytes", grew)
	}
	assertUnchanged(t, s, before)
}

// sync-threats 5: manifests with duplicate, case-variant or unknown keys,
// or trailing data, validly signed.
func TestThreat05ManifestKeys(t *testing.T) {
	s, before := withV5(t)
	payload := compiledCatalog(t, testCatalog, 7)
	good := manifestJSON(testCatalog, 7, payload, 1)
	for name, manifest := range map[string]string{
		"duplicate key":     strings.Replace(good, `"version":7,`, `"version":7,"version":8,`, 1),
		"case variant key":  strings.Replace(good, `"version":7,`, `"version":7,"VERSION":8,`, 1),
		"only case variant": strings.Replace(good, `"version":7,`, `"Version":7,`, 1),
		"unknown key":       strings.Replace(good, `"format":1,`, `"format":1,"signed_by":"me",`, 1),
		"trailing data":     good + `{}`,
		"trailing garbage":  good + "x",
	} {
		t.Run(name, func(t *testing.T) {
			refuse(t, s, before, handBundle(manifest, payload, 1), bundle.ErrBadManifest)
		})
	}
	// The hand-built bundle itself is fine.
	res, err := s.Install(context.Background(), putFile(t, t.TempDir(), "ok.bundle", handBundle(good, payload, 1)))
	if err != nil || !res.Installed {
		t.Fatalf("the unchanged hand-built bundle: %v", err)
	}
}

// sync-threats 6: an empty or non-hex hash, a size ≤ 0, expires ≤ issued.
func TestThreat06ManifestValues(t *testing.T) {
	s, before := withV5(t)
	payload := compiledCatalog(t, testCatalog, 7)
	good := manifestJSON(testCatalog, 7, payload, 1)
	for name, manifest := range map[string]string{
		"empty hash":       replaceField(good, "sha256", `""`),
		"non-hex hash":     replaceField(good, "sha256", `"`+strings.Repeat("g", 64)+`"`),
		"upper-case hash":  replaceField(good, "sha256", `"`+strings.Repeat("A", 64)+`"`),
		"short hash":       replaceField(good, "sha256", `"abc"`),
		"size 0":           replaceField(good, "size", "0"),
		"size -1":          replaceField(good, "size", "-1"),
		"expires = issued": replaceField(good, "expires", `"2025-03-01T12:00:00Z"`),
		"expires < issued": replaceField(good, "expires", `"2025-02-01T12:00:00Z"`),
	} {
		t.Run(name, func(t *testing.T) {
			refuse(t, s, before, handBundle(manifest, payload, 1), bundle.ErrBadManifest)
		})
	}
}

// replaceField replaces the value of key in a manifest written by manifestJSON.
func replaceField(manifest, key, value string) string {
	start := strings.Index(manifest, `"`+key+`":`) + len(key) + 3
	end := start + strings.IndexAny(manifest[start:], ",}")
	return manifest[:start] + value + manifest[end:]
}

// sync-threats 7 (the install side; kiosk.toml is tested in package
// config): a trusted key of the wrong length is refused, no panic.
func TestThreat07TrustedKeyOfWrongLength(t *testing.T) {
	s, before := withV5(t)
	pub, _ := testKey(1)
	s.trust.Keys = []ed25519.PublicKey{pub[:31]}
	refuse(t, s, before, makeBundle(t, spec{version: 7}), bundle.ErrBadPublicKey)
}

// sync-threats 8: a lower version is refused; the same version is nothing
// to do and no error.
func TestThreat08LowerAndSameVersion(t *testing.T) {
	s := newStore(t, t.TempDir())
	mustInstall(t, s, spec{version: 7})
	before := takeSnapshot(t, s)
	err := refuse(t, s, before, makeBundle(t, spec{version: 5}), ErrOlder)
	if err.Error() != "this catalogue is older than the installed one (version 5 < 7)" {
		t.Errorf("message: %q", err)
	}
	res, err := installBundle(t, s, spec{version: 7})
	if err != nil || res.Installed || res.Manifest.Version != 7 {
		t.Fatalf("same version: %+v %v", res, err)
	}
	assertUnchanged(t, s, before)
	if st, _ := s.State(); st.LastResult != "c.bundle: version 7 is installed already; nothing to do" {
		t.Errorf("last result %q", st.LastResult)
	}
}

// sync-threats 9: expired is refused, also after the clock is set back
// before the time floor.
func TestThreat09Expired(t *testing.T) {
	s := newStore(t, t.TempDir())
	june := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return june.Add(time.Hour) }
	mustInstall(t, s, spec{version: 7, issued: june}) // time floor: 1 June
	before := takeSnapshot(t, s)
	// An old build with a higher version, valid from April to 20 May.
	old := makeBundle(t, spec{version: 8, issued: time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC), expires: time.Date(2025, 5, 20, 0, 0, 0, 0, time.UTC)})
	err := refuse(t, s, before, old, ErrExpired)
	if err.Error() != "this catalogue has expired on 2025-05-20 00:00 UTC" {
		t.Errorf("message: %q", err)
	}
	s.Now = func() time.Time { return time.Date(2025, 5, 10, 0, 0, 0, 0, time.UTC) } // set back
	err = refuse(t, s, before, old, ErrExpired)
	if !strings.Contains(err.Error(), "clock seems to be behind") {
		t.Errorf("message: %q", err)
	}
	// Expiry is exclusive: a bundle expiring right now is refused.
	s.Now = func() time.Time { return time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC) }
	refuse(t, s, before, makeBundle(t, spec{version: 9, issued: june, expires: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)}), ErrExpired)
}

// sync-threats 10: a validly signed bundle of another catalogue.
func TestThreat10OtherCatalog(t *testing.T) {
	s, before := withV5(t)
	err := refuse(t, s, before, makeBundle(t, spec{id: "hamburg", version: 7}), ErrOtherCatalog)
	if err.Error() != `this bundle is for another catalogue: it is "hamburg", this kiosk accepts "suedniedersachsen"` {
		t.Errorf("message: %q", err)
	}
	s.trust.Catalog = ""
	refuse(t, s, before, makeBundle(t, spec{version: 7}), ErrNoTrustedCatalog)
}

// sync-threats 11: the manifest of one build with the payload of another.
func TestThreat11MixAndMatch(t *testing.T) {
	s, before := withV5(t)
	a := makeBundle(t, spec{version: 7})
	b := makeBundle(t, spec{version: 7, issued: testIssued.Add(time.Hour), payload: compiledCatalog(t, testCatalog, 8)})
	payloadA := compiledCatalog(t, testCatalog, 7)
	payloadB := compiledCatalog(t, testCatalog, 8)
	headerA := a[:len(a)-len(payloadA)]
	refuse(t, s, before, append(bytes.Clone(headerA), payloadB...), bundle.ErrPayloadMismatch)
	headerB := b[:len(b)-len(payloadB)]
	refuse(t, s, before, append(bytes.Clone(headerB), payloadA...), bundle.ErrPayloadMismatch)
	// B itself is signed correctly but holds version 8 under the name 7.
	err := refuse(t, s, before, b, ErrNotCatalog)
	if !strings.Contains(err.Error(), `it holds "suedniedersachsen" version 8, but its signed description names "suedniedersachsen" version 7`) {
		t.Errorf("message: %v", err)
	}
}

// sync-threats 12 with plain files (the USB form is in media_test.go):
// of a valid v7 and a damaged v9, v7 is installed and v9 reported.
func TestThreat12TwoBundles(t *testing.T) {
	s, _ := withV5(t)
	dir := t.TempDir()
	v9 := makeBundle(t, spec{version: 9})
	v9[len(v9)-100] ^= 1
	putFile(t, dir, "v9.bundle", v9)
	putFile(t, dir, "v7.bundle", makeBundle(t, spec{version: 7}))
	offers, err := s.FindBundlesIn(dir)
	if err != nil || len(offers) != 2 {
		t.Fatalf("%v %v", offers, err)
	}
	res, outcomes := s.InstallNewest(context.Background(), offers)
	if !res.Installed || res.Manifest.Version != 7 {
		t.Fatalf("result %+v", res)
	}
	if len(outcomes) != 2 || outcomes[0].Found.Manifest.Version != 9 || !errors.Is(outcomes[0].Err, bundle.ErrPayloadMismatch) ||
		outcomes[1].Found.Manifest.Version != 7 || outcomes[1].Err != nil || !outcomes[1].Installed {
		t.Errorf("outcomes %+v", outcomes)
	}
	if _, v, _ := s.Current(); v != 7 {
		t.Errorf("current version %d", v)
	}
}

// sync-threats 16: an install while the interface has the catalogue open.
// The open catalogue keeps working; Current names the new file, which the
// kiosk opens for the next visitor; a new Store (a restart) sees the same.
func TestThreat16InstallWhileOpen(t *testing.T) {
	s, _ := withV5(t)
	oldPath, _, _ := s.Current()
	open, err := catalog.Open(oldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer open.Close()
	offers := func(c *catalog.Catalog) int {
		list, err := c.In("de").List(catalog.Filter{District: "03255", Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	want := offers(open)
	mustInstall(t, s, spec{version: 6})
	mustInstall(t, s, spec{version: 7}) // version 5, the one open, is removed now
	if got := offers(open); got != want || open.Info().Version != 5 {
		t.Errorf("the open catalogue changed under the interface: %d offers, version %d", got, open.Info().Version)
	}
	path, version, err := s.Current()
	if err != nil || path == oldPath || version != 7 {
		t.Fatalf("Current = %s %d %v", path, version, err)
	}
	next, err := catalog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer next.Close()
	if next.Info().Version != 7 {
		t.Errorf("new session sees version %d", next.Info().Version)
	}
	if _, v, _ := newStore(t, s.dir).Current(); v != 7 {
		t.Errorf("after a restart: version %d", v)
	}
}

// sync-threats 17: payloads that are not a catalogue, validly signed.
func TestThreat17NotACatalog(t *testing.T) {
	s, before := withV5(t)
	good := compiledCatalog(t, testCatalog, 7)
	set32 := func(off int, v uint32) []byte {
		b := bytes.Clone(good)
		binary.BigEndian.PutUint32(b[off:], v)
		return b
	}
	wal := bytes.Clone(good)
	wal[18], wal[19] = 2, 2
	for name, payload := range map[string][]byte{
		"foreign application id":  set32(68, 0x12345678),
		"wrong schema version":    set32(60, catalog.SchemaVersion+1),
		"failing integrity check": corruptPage(t, good),
		"not SQLite":              bytes.Repeat([]byte("not a database "), 1000),
		"too short":               []byte("SQLite format 3\x00"),
		"WAL mode":                wal,
		"another catalogue id":    compiledCatalog(t, "hamburg", 7),
	} {
		t.Run(name, func(t *testing.T) {
			err := refuse(t, s, before, makeBundle(t, spec{version: 7, payload: payload}), ErrNotCatalog)
			t.Log(err)
		})
	}
}

// corruptPage damages a b-tree page of a catalogue so that it still opens
// but fails the integrity check.
func corruptPage(t *testing.T, db []byte) []byte {
	t.Helper()
	pageSize := int(binary.BigEndian.Uint16(db[16:18]))
	// The root page of the texts (an interior page, as there are many):
	// scramble its cells.
	path := putFile(t, t.TempDir(), "c.sqlite", db)
	conn, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var root int
	if err := conn.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = 'text'").Scan(&root); err != nil {
		t.Fatal(err)
	}
	b := bytes.Clone(db)
	page := b[(root-1)*pageSize : root*pageSize]
	for i := 12; i < pageSize; i += 7 {
		page[i] ^= 0x5a
	}
	return b
}

func TestSentence(t *testing.T) {
	err := errors.New("this catalogue is older than the installed one (version 5 < 7)")
	if got := Sentence(err); got != "This catalogue is older than the installed one (version 5 < 7)." {
		t.Errorf("%q", got)
	}
}

// endlessFS holds one file that claims to be small and never ends.
type endlessFS struct{}

func (endlessFS) Open(name string) (fs.File, error) { return endlessFile{}, nil }

type endlessFile struct{}

func (endlessFile) Stat() (fs.FileInfo, error) { return endlessInfo{}, nil }
func (endlessFile) Close() error               { return nil }
func (endlessFile) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

type endlessInfo struct{}

func (endlessInfo) Name() string       { return "endless.bundle" }
func (endlessInfo) Size() int64        { return 1000 }
func (endlessInfo) Mode() fs.FileMode  { return 0o444 }
func (endlessInfo) ModTime() time.Time { return time.Time{} }
func (endlessInfo) IsDir() bool        { return false }
func (endlessInfo) Sys() any           { return nil }

// A bundle issued in the future (signed on a computer whose clock runs
// ahead) is refused: installed, it raised the time floor so that every
// correct build after it was refused as expired, and rollback too.
func TestFutureIssuedDoesNotPoisonTheTimeFloor(t *testing.T) {
	s := newStore(t, t.TempDir())
	june := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return june.Add(time.Hour) }
	mustInstall(t, s, spec{version: 7, issued: june})
	before := takeSnapshot(t, s)
	future := makeBundle(t, spec{version: 8, issued: time.Date(2090, 1, 1, 0, 0, 0, 0, time.UTC), expires: time.Date(2090, 7, 1, 0, 0, 0, 0, time.UTC)})
	err := refuse(t, s, before, future, ErrIssuedInFuture)
	if !strings.Contains(err.Error(), "2090-01-01") {
		t.Errorf("message: %q", err)
	}
	// The next correct build still installs, and the floor is its issue time.
	mustInstall(t, s, spec{version: 9, issued: june.Add(30 * time.Minute)})
	if st, err := s.State(); err != nil || !st.TimeFloor.Equal(june.Add(30*time.Minute)) {
		t.Errorf("time floor %v, %v", st.TimeFloor, err)
	}
	// A clock a little behind the coordinator's is no problem.
	mustInstall(t, s, spec{version: 10, issued: june.Add(MaxClockLead / 2)})
}
