package bundle

import (
	"crypto/ed25519"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
)

const (
	magic           = "WEGWEISER-BUNDLE-1\n"    // this format version
	magicFamily     = "WEGWEISER-BUNDLE-"       // every format version
	signaturePrefix = "wegweiser-bundle-v1\x00" // domain separation of the signed message
)

// signedMessage is what the signature covers: the prefix and the manifest.
func signedMessage(manifest []byte) []byte {
	return append([]byte(signaturePrefix), manifest...)
}

// writeHeader writes everything before the payload: the magic, the manifest
// length, the manifest and its signature.
func writeHeader(w io.Writer, manifest []byte, priv ed25519.PrivateKey) error {
	header := make([]byte, 0, len(magic)+4+len(manifest)+ed25519.SignatureSize)
	header = append(header, magic...)
	header = binary.BigEndian.AppendUint32(header, uint32(len(manifest)))
	header = append(header, manifest...)
	header = append(header, ed25519.Sign(priv, signedMessage(manifest))...)
	_, err := w.Write(header)
	return err
}

// readHeader reads what writeHeader wrote, refusing an oversized manifest
// before reading it. It checks nothing about the manifest's content.
func readHeader(r io.Reader) (manifest, signature []byte, err error) {
	if err := readMagic(r); err != nil {
		return nil, nil, err
	}
	var length [4]byte
	if err := readFull(r, length[:]); err != nil {
		return nil, nil, err
	}
	n := binary.BigEndian.Uint32(length[:])
	switch {
	case n == 0:
		return nil, nil, badManifest("it is empty")
	case n > MaxManifestSize:
		return nil, nil, fmt.Errorf("%w: %d bytes, at most %d allowed", ErrManifestTooLarge, n, MaxManifestSize)
	}
	manifest = make([]byte, n)
	if err := readFull(r, manifest); err != nil {
		return nil, nil, err
	}
	signature = make([]byte, ed25519.SignatureSize)
	if err := readFull(r, signature); err != nil {
		return nil, nil, err
	}
	return manifest, signature, nil
}

// readMagic tells a bundle of this version from a cut-short one, one of
// another version, and any other file.
func readMagic(r io.Reader) error {
	buf := make([]byte, len(magic))
	n, err := io.ReadFull(r, buf)
	got := string(buf[:n])
	switch {
	case got == magic:
		return nil
	case err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("reading the bundle: %w", err)
	case strings.HasPrefix(magic, got):
		return ErrTruncated
	case strings.HasPrefix(got, magicFamily):
		return ErrUnsupportedFormat
	default:
		return ErrNotBundle
	}
}

// readFull fills b, reporting an early end of the file as ErrTruncated.
func readFull(r io.Reader, b []byte) error {
	_, err := io.ReadFull(r, b)
	return readError(err)
}

// readError turns an early end of the input into ErrTruncated.
func readError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return ErrTruncated
	default:
		return fmt.Errorf("reading the bundle: %w", err)
	}
}
