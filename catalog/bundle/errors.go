package bundle

import "errors"

// The reasons a bundle, a manifest or a key is refused. Errors returned by this
// package wrap one of these (test with errors.Is), sometimes with a detail.
var (
	// ErrNotBundle: the file does not start with the bundle magic.
	ErrNotBundle = errors.New("this file is not a Wegweiser catalogue bundle")
	// ErrUnsupportedFormat: a bundle of another format version.
	ErrUnsupportedFormat = errors.New("this bundle has a format that this version of Wegweiser cannot read")
	// ErrTruncated: the file ended early.
	ErrTruncated = errors.New("the file is incomplete (cut short)")
	// ErrManifestTooLarge: the manifest is longer than MaxManifestSize.
	ErrManifestTooLarge = errors.New("the bundle's description is too large (damaged, or not a catalogue bundle)")
	// ErrNoTrustedKeys: Open was given no key to check against.
	ErrNoTrustedKeys = errors.New("no trusted signing key is configured")
	// ErrBadSignature: no trusted key verifies the manifest.
	ErrBadSignature = errors.New("the bundle is not signed by a trusted key, or it was altered")
	// ErrBadManifest: the signed manifest breaks the format's rules.
	ErrBadManifest = errors.New("the bundle's signed description is invalid")
	// ErrPayloadMismatch: the payload's length or hash differs from the manifest's.
	ErrPayloadMismatch = errors.New("the catalogue data does not match its signed description (damaged or altered)")
	// ErrBadPublicKey: a public key's text or length is wrong.
	ErrBadPublicKey = errors.New("this is not a valid Wegweiser public key")
	// ErrBadPrivateKey: a private key file's content is wrong.
	ErrBadPrivateKey = errors.New("this is not a valid Wegweiser private key file")
)

// ErrUnknownKey is ErrBadSignature under another name. Ed25519 cannot tell a
// signature by an unknown key from a manifest altered after signing, so the
// two are one error.
var ErrUnknownKey = ErrBadSignature
