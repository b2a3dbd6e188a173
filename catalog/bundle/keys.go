package bundle

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"strings"
)

const (
	publicKeyPrefix   = "wegweiser-ed25519:"
	privateKeyPEMType = "WEGWEISER PRIVATE KEY"
)

// GenerateKey makes a new signing key pair from the system's secure random
// source.
func GenerateKey() (pub ed25519.PublicKey, priv ed25519.PrivateKey, err error) {
	return ed25519.GenerateKey(rand.Reader)
}

// FormatPublicKey gives the one-line text form of pub, as it goes into
// kiosk.toml: "wegweiser-ed25519:" and the key in base64 without padding.
func FormatPublicKey(pub ed25519.PublicKey) string {
	return publicKeyPrefix + base64.RawStdEncoding.EncodeToString(pub)
}

// ParsePublicKey reads the text form written by FormatPublicKey. Spaces and
// line breaks around it are ignored (the line may come from a file).
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(s), publicKeyPrefix)
	if !ok {
		return nil, fmt.Errorf("%w: it must start with %q", ErrBadPublicKey, publicKeyPrefix)
	}
	b, err := base64.RawStdEncoding.Strict().DecodeString(rest)
	if err != nil {
		return nil, fmt.Errorf("%w: the text after %q is damaged (not base64 without '=' padding)", ErrBadPublicKey, publicKeyPrefix)
	}
	if len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("%w: it holds %d bytes instead of %d (is the line complete?)", ErrBadPublicKey, len(b), ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(b), nil
}

// EncodePrivateKey gives the content of a private key file: a PEM block
// "WEGWEISER PRIVATE KEY" holding the key's 32-byte seed. priv must be a
// key from GenerateKey or ParsePrivateKey.
func EncodePrivateKey(priv ed25519.PrivateKey) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: privateKeyPEMType, Bytes: priv.Seed()})
}

// ParsePrivateKey reads a private key file written by EncodePrivateKey.
// Nothing but white space may stand before or after the PEM block.
func ParsePrivateKey(b []byte) (ed25519.PrivateKey, error) {
	trimmed := bytes.TrimSpace(b)
	if bytes.HasPrefix(trimmed, []byte(publicKeyPrefix)) {
		return nil, fmt.Errorf("%w: this is a public key; signing needs the private key file", ErrBadPrivateKey)
	}
	block, rest := pem.Decode(trimmed)
	switch {
	case block == nil || !bytes.HasPrefix(trimmed, []byte("-----BEGIN ")):
		return nil, fmt.Errorf("%w: it must hold one %q block", ErrBadPrivateKey, privateKeyPEMType)
	case block.Type != privateKeyPEMType:
		return nil, fmt.Errorf("%w: it holds a %q block instead of %q", ErrBadPrivateKey, block.Type, privateKeyPEMType)
	case len(block.Headers) != 0:
		return nil, fmt.Errorf("%w: unexpected headers in the key block", ErrBadPrivateKey)
	case len(block.Bytes) != ed25519.SeedSize:
		return nil, fmt.Errorf("%w: the key holds %d bytes instead of %d", ErrBadPrivateKey, len(block.Bytes), ed25519.SeedSize)
	case len(rest) != 0:
		return nil, fmt.Errorf("%w: unexpected text after the key", ErrBadPrivateKey)
	}
	return ed25519.NewKeyFromSeed(block.Bytes), nil
}

// Fingerprint is a short name of pub to show to staff and to record in a
// manifest's key_id: the first 16 hex digits of the SHA-256 of the key bytes.
func Fingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:8])
}
