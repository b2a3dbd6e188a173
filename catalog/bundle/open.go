package bundle

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
)

// Reader is a bundle whose manifest has been verified and parsed; its payload
// has not been read yet.
type Reader struct {
	r        io.Reader
	manifest Manifest
	signer   ed25519.PublicKey
	header   int64 // bytes of magic, length, manifest and signature
}

// Open reads a bundle's header from r: the magic, the manifest and its
// signature, never more than MaxManifestSize plus a few bytes. It verifies the
// signature against keys (any one of them may have signed) before parsing the
// manifest, then parses it strictly and checks that its key_id names the
// signing key. It does not read the payload; see CopyPayload.
//
// Open knows nothing of install policy: the caller compares the manifest's
// catalogue id, format, version and expiry with what the kiosk trusts and
// has installed.
func Open(r io.Reader, keys []ed25519.PublicKey) (*Reader, error) {
	if len(keys) == 0 {
		return nil, ErrNoTrustedKeys
	}
	for _, key := range keys {
		if len(key) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("%w: a trusted key holds %d bytes instead of %d", ErrBadPublicKey, len(key), ed25519.PublicKeySize)
		}
	}
	manifest, signature, err := readHeader(r)
	if err != nil {
		return nil, err
	}
	message := signedMessage(manifest)
	var signer ed25519.PublicKey
	for _, key := range keys {
		if ed25519.Verify(key, message, signature) {
			signer = key
			break
		}
	}
	if signer == nil {
		return nil, ErrBadSignature
	}
	m, err := ParseManifest(manifest)
	if err != nil {
		return nil, err
	}
	if m.KeyID != Fingerprint(signer) {
		return nil, badManifest("key_id %s does not name the signing key %s", m.KeyID, Fingerprint(signer))
	}
	header := int64(len(magic) + 4 + len(manifest) + len(signature))
	return &Reader{r: r, manifest: m, signer: signer, header: header}, nil
}

// FileSize is the size of the whole bundle file as its signed manifest
// describes it: the header and the payload. A download can stop there.
func (r *Reader) FileSize() int64 { return r.header + r.manifest.Size }

// Manifest is the bundle's verified, parsed manifest.
func (r *Reader) Manifest() Manifest { return r.manifest }

// SignedBy is the trusted key that verified the bundle.
func (r *Reader) SignedBy() ed25519.PublicKey { return r.signer }

// CopyPayload streams the payload to w through SHA-256. It reads at most
// Manifest().Size+1 bytes, and fails if the payload is shorter (ErrTruncated)
// or longer than declared, or its hash differs (ErrPayloadMismatch). Memory
// use does not depend on the payload's size.
//
// Check Manifest().Size against the kiosk's size cap before calling it. Data
// reaches w before the hash can be checked: on an error the caller must
// discard what w received. Call CopyPayload once.
func (r *Reader) CopyPayload(w io.Writer) (int64, error) {
	size := r.manifest.Size
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), io.LimitReader(r.r, size))
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return n, ErrTruncated
	}
	if err != nil { // reading the bundle or writing to w
		return n, fmt.Errorf("copying the catalogue data: %w", err)
	}
	if n < size {
		return n, ErrTruncated
	}
	var extra [1]byte
	switch _, err := io.ReadFull(r.r, extra[:]); {
	case err == nil:
		return n, fmt.Errorf("%w: the file is longer than declared", ErrPayloadMismatch)
	case err != io.EOF:
		return n, readError(err)
	}
	if hex.EncodeToString(h.Sum(nil)) != r.manifest.SHA256 {
		return n, fmt.Errorf("%w: its SHA-256 checksum differs", ErrPayloadMismatch)
	}
	return n, nil
}
