package bundle

import (
	"bytes"
	"crypto/ed25519"
	"io"
	"testing"
	"time"
)

var testIssued = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// testKey is a fixed key pair, different for each n, so that signatures and
// the fuzz seeds in testdata stay the same from run to run.
func testKey(n byte) (ed25519.PublicKey, ed25519.PrivateKey) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{n}, ed25519.SeedSize))
	return priv.Public().(ed25519.PublicKey), priv
}

func testManifest() Manifest {
	return Manifest{
		CatalogID: "suedniedersachsen",
		Version:   7,
		Issued:    testIssued,
		Expires:   testIssued.Add(180 * 24 * time.Hour),
	}
}

// makeBundle writes a bundle of payload with testManifest, signed by priv.
func makeBundle(t testing.TB, payload []byte, priv ed25519.PrivateKey) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Write(&buf, testManifest(), bytes.NewReader(payload), priv); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// signedBundle builds a bundle by hand around arbitrary manifest bytes,
// validly signed by priv.
func signedBundle(t testing.TB, manifest, payload []byte, priv ed25519.PrivateKey) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := writeHeader(&buf, manifest, priv); err != nil {
		t.Fatal(err)
	}
	buf.Write(payload)
	return buf.Bytes()
}

// openAll opens a bundle and copies its payload, as a kiosk does.
func openAll(r io.Reader, keys ...ed25519.PublicKey) (Manifest, []byte, error) {
	br, err := Open(r, keys)
	if err != nil {
		return Manifest{}, nil, err
	}
	var payload bytes.Buffer
	n, err := br.CopyPayload(&payload)
	if err == nil && n != int64(payload.Len()) {
		panic("CopyPayload miscounted")
	}
	return br.Manifest(), payload.Bytes(), err
}

// sameManifest compares manifests, times by instant.
func sameManifest(a, b Manifest) bool {
	return a.Format == b.Format && a.CatalogID == b.CatalogID && a.Version == b.Version &&
		a.Issued.Equal(b.Issued) && a.Expires.Equal(b.Expires) &&
		a.Size == b.Size && a.SHA256 == b.SHA256 && a.KeyID == b.KeyID
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// panicAfter serves data, then panics if read any further.
type panicAfter struct{ data []byte }

func (p *panicAfter) Read(b []byte) (int, error) {
	if len(p.data) == 0 {
		panic("read beyond the bytes that may be read")
	}
	n := copy(b, p.data)
	p.data = p.data[n:]
	return n, nil
}

// endless is an endless stream of zero bytes.
type endless struct{}

func (endless) Read(b []byte) (int, error) {
	clear(b)
	return len(b), nil
}
