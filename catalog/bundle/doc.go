// Package bundle is the file format in which a signed catalogue travels from
// the coordinator to the kiosks, and the check that a bundle is whole,
// authentic and unaltered.
//
// A bundle is one file: a small signed description (the manifest) followed by
// the catalogue itself (the payload, a SQLite file). The same check runs
// whether the file came on a USB stick or over the network.
//
// # File format, version 1
//
//	offset   length  content
//	0        19      magic "WEGWEISER-BUNDLE-1\n"
//	19       4       n, the manifest length, big-endian uint32, 1 ≤ n ≤ MaxManifestSize
//	23       n       the manifest, a JSON object (below)
//	23+n     64      Ed25519 signature of "wegweiser-bundle-v1\x00" followed by the n manifest bytes
//	87+n     size    the payload, up to the end of the file
//
// The manifest has exactly these fields, each once, in any order:
//
//	{"format":1, "catalog_id":"suedniedersachsen", "version":20250301120000,
//	 "issued":"2025-03-01T12:00:00Z", "expires":"2025-08-28T12:00:00Z",
//	 "size":1048576, "sha256":"<64 lower-case hex digits>", "key_id":"<16 lower-case hex digits>"}
//
// The rules of the fields:
//   - format is FormatVersion (1).
//   - catalog_id matches [a-z0-9][a-z0-9-]{0,63} (the rule of catalog.ValidID).
//   - version is a whole number > 0; a newer build has a higher one.
//   - issued and expires are RFC 3339 times in UTC with whole seconds
//     ("Z", no fraction, no offset), and expires is later than issued.
//   - size (> 0) and sha256 describe the payload exactly.
//   - key_id is Fingerprint of the key that signed the bundle.
//
// Whitespace around JSON tokens is allowed; anything else after the object is
// not. Unknown keys, duplicate keys and keys in another letter case
// ("VERSION") are refused: ParseManifest walks the JSON tokens itself, because
// encoding/json matches keys case-insensitively and lets the last duplicate win.
//
// The magic names the container version, so a bundle from a later format is
// reported as ErrUnsupportedFormat rather than as damage. The signed message
// starts with a domain-separation prefix so that a signature made for a bundle
// can never be valid for anything else signed with the same key.
//
// # Reading a bundle
//
// Open reads the magic, the length (refusing more than MaxManifestSize before
// reading further), the manifest and the signature; it verifies the signature
// against the trusted keys before it parses a single byte of the manifest,
// then parses it strictly. It never reads the payload. Memory use is bounded
// by MaxManifestSize.
//
// The caller then applies its install policy to Manifest (catalogue id,
// Format, version, expiry, a size cap) and only then calls CopyPayload, which
// streams the payload into a staging file through SHA-256, reading at most
// size+1 bytes. CopyPayload writes data before it can know the hash, so the
// caller must discard what it wrote when CopyPayload returns an error.
//
// # Keys
//
// A public key is one line of text, "wegweiser-ed25519:" followed by the 32
// key bytes in standard base64 without padding (43 characters); it is what
// goes into kiosk.toml. A private key file is a PEM block
// "WEGWEISER PRIVATE KEY" holding the 32-byte Ed25519 seed. Fingerprint gives
// 16 hex digits (the first 8 bytes of the SHA-256 of the public key) to show
// to staff and to name the key in the manifest.
//
// # Errors
//
// Every refusal can be tested with errors.Is against one of the Err values,
// whose messages are written for staff. Details are appended after a colon.
package bundle
