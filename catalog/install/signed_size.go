package install

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"io"
	"os"

	"wegweiser/catalog/bundle"
)

// errBeyondSigned: the server sent more than the bundle's signed manifest
// says the file holds.
var errBeyondSigned = errors.New("the server sent more than the catalogue's signed size")

// maxHeader is the longest bundle header: magic, length, manifest, signature.
const maxHeader = 19 + 4 + bundle.MaxManifestSize + ed25519.SignatureSize

// signedSize watches a download as it is written: once the bundle's header
// has arrived and its signature verifies, the signed manifest tells how long
// the whole file is, and nothing beyond that is let through. Before then (or
// when the header does not verify, which the install check reports later)
// the kiosk's size cap is the bound. A server that answers every resume
// with garbage thus cannot grow download.partial past the signed size.
type signedSize struct {
	r      io.Reader
	keys   []ed25519.PublicKey
	head   []byte // the file's first bytes, until the header is decided
	done   bool   // the header is decided
	signed bool   // limit is the file's size as its verified manifest gives it
	seen   int64  // bytes of the file so far, including the partial's
	limit  int64  // the file's signed size, or the size cap (which copyChecked enforces)
	over   bool   // the server sent more than the signed size
}

// beyond reports whether a partial file of have bytes is longer than the
// signed bundle it began: it cannot be continued.
func (g *signedSize) beyond(have int64) bool { return g.signed && have > g.limit }

// newSignedSize watches a download that continues a partial file whose
// first bytes are prefix (have bytes in all), bounded by max until the
// header is known.
func newSignedSize(r io.Reader, keys []ed25519.PublicKey, prefix []byte, have, max int64) *signedSize {
	g := &signedSize{r: r, keys: keys, seen: have, limit: max}
	g.observe(prefix)
	return g
}

func (g *signedSize) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	g.observe(p[:n])
	g.seen += int64(n)
	if g.signed && g.seen > g.limit {
		cut := g.seen - g.limit
		g.seen, n, g.over = g.limit, n-int(cut), true
		return max(n, 0), errBeyondSigned
	}
	return n, err
}

// observe keeps the header's bytes until it can be decided.
func (g *signedSize) observe(p []byte) {
	if g.done {
		return
	}
	take := min(len(p), maxHeader-len(g.head))
	g.head = append(g.head, p[:take]...)
	r, err := bundle.Open(bytes.NewReader(g.head), g.keys)
	switch {
	case err == nil:
		g.limit, g.done, g.signed = min(r.FileSize(), g.limit), true, true
		g.head = nil
	case errors.Is(err, bundle.ErrTruncated) && len(g.head) < maxHeader:
		// wait for more
	default:
		g.done = true // not a bundle this kiosk trusts: the check will say so
		g.head = nil
	}
}

// partialPrefix returns the first bytes of the partial file, as many as a
// header can take.
func partialPrefix(path string) []byte {
	if info, err := os.Lstat(path); err != nil || !info.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	b := make([]byte, maxHeader)
	n, _ := io.ReadFull(f, b)
	return b[:n]
}
