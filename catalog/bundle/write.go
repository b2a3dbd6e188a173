package bundle

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"
)

// Write writes a bundle of payload to w, signed with priv. From m it takes
// CatalogID, Version, Issued and Expires (turned into UTC whole seconds); it
// fills in Format, Size, SHA256 and KeyID itself and returns the manifest as
// written. payload is read from its start twice: once for the hash, once to
// copy it.
//
// The manifest passes the same ParseManifest as on a kiosk before anything is
// written, so a bundle Write accepts is one Open accepts. If payload changes
// while it is copied, Write fails and what it wrote to w must be discarded.
func Write(w io.Writer, m Manifest, payload io.ReadSeeker, priv ed25519.PrivateKey) (Manifest, error) {
	if len(priv) != ed25519.PrivateKeySize {
		return Manifest{}, fmt.Errorf("%w: the key holds %d bytes instead of %d", ErrBadPrivateKey, len(priv), ed25519.PrivateKeySize)
	}
	size, sum, err := hashPayload(payload, nil)
	if err != nil {
		return Manifest{}, err
	}
	m.Format = FormatVersion
	m.Issued = m.Issued.UTC().Truncate(time.Second)
	m.Expires = m.Expires.UTC().Truncate(time.Second)
	m.Size = size
	m.SHA256 = sum
	m.KeyID = Fingerprint(priv.Public().(ed25519.PublicKey))
	manifest, err := encodeManifest(m)
	if err != nil {
		return Manifest{}, err
	}
	if m, err = ParseManifest(manifest); err != nil {
		return Manifest{}, err
	}
	if err := writeHeader(w, manifest, priv); err != nil {
		return Manifest{}, fmt.Errorf("writing the bundle: %w", err)
	}
	copied, copiedSum, err := hashPayload(payload, w)
	if err != nil {
		return Manifest{}, err
	}
	if copied != size || copiedSum != sum {
		return Manifest{}, errors.New("the catalogue file changed while the bundle was being written")
	}
	return m, nil
}

// hashPayload reads payload from its start through SHA-256, copying it to w
// unless w is nil, and returns its length and hash.
func hashPayload(payload io.ReadSeeker, w io.Writer) (int64, string, error) {
	if _, err := payload.Seek(0, io.SeekStart); err != nil {
		return 0, "", fmt.Errorf("reading the catalogue file: %w", err)
	}
	h := sha256.New()
	dst := io.Writer(h)
	if w != nil {
		dst = io.MultiWriter(w, h)
	}
	n, err := io.Copy(dst, payload)
	if err != nil {
		return n, "", fmt.Errorf("copying the catalogue file: %w", err)
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}
