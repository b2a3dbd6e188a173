package bundle

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"io"
	"testing"
)

// FuzzParseManifest: no panic; every refusal is one of the package's errors;
// what is accepted is valid JSON, and writing it back and parsing again gives
// the same manifest. Seeds are in testdata/fuzz/FuzzParseManifest.
func FuzzParseManifest(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseManifest(data)
		if err != nil {
			if !isAny(err, []error{ErrBadManifest, ErrUnsupportedFormat, ErrManifestTooLarge}) {
				t.Fatalf("refused with an unexpected error: %v", err)
			}
			return
		}
		if !json.Valid(data) {
			t.Fatalf("accepted invalid JSON %q", data)
		}
		encoded, err := encodeManifest(m)
		if err != nil {
			t.Fatal(err)
		}
		again, err := ParseManifest(encoded)
		if err != nil {
			t.Fatalf("written back as %s, refused: %v", encoded, err)
		}
		if !sameManifest(again, m) {
			t.Fatalf("parse → write → parse changed the manifest:\n%+v\n%+v", m, again)
		}
	})
}

// FuzzOpen: arbitrary files never panic and are refused with one of the
// package's errors; a file that is accepted is exactly header plus payload.
// Seeds are in testdata/fuzz/FuzzOpen (signed by testKey(1)).
func FuzzOpen(f *testing.F) {
	pub, _ := testKey(1)
	keys := []ed25519.PublicKey{pub}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Open(bytes.NewReader(data), keys)
		if err == nil {
			var n int64
			n, err = r.CopyPayload(io.Discard)
			if err == nil && n != r.Manifest().Size {
				t.Fatalf("copied %d bytes, manifest says %d", n, r.Manifest().Size)
			}
		}
		if err != nil && !isAny(err, []error{ErrNotBundle, ErrUnsupportedFormat, ErrTruncated, ErrManifestTooLarge,
			ErrBadSignature, ErrBadManifest, ErrPayloadMismatch}) {
			t.Fatalf("refused with an unexpected error: %v", err)
		}
	})
}
