package bundle

import (
	"encoding/json"
	"time"
)

// FormatVersion is the manifest format this package reads and writes.
const FormatVersion = 1

// MaxManifestSize is the largest manifest, in bytes, that is read at all.
const MaxManifestSize = 64 << 10

// Manifest is the signed description of a bundle's payload.
type Manifest struct {
	Format    int       // FormatVersion
	CatalogID string    // which catalogue this is, e.g. "suedniedersachsen"
	Version   int64     // > 0, higher for a later build
	Issued    time.Time // UTC, whole seconds
	Expires   time.Time // UTC, whole seconds, after Issued
	Size      int64     // payload length in bytes, > 0
	SHA256    string    // payload hash, 64 lower-case hex digits
	KeyID     string    // Fingerprint of the signing key
}

// manifestJSON is the manifest as written. Its field order is the order in
// which Write emits the keys; ParseManifest accepts any order.
type manifestJSON struct {
	Format    int    `json:"format"`
	CatalogID string `json:"catalog_id"`
	Version   int64  `json:"version"`
	Issued    string `json:"issued"`
	Expires   string `json:"expires"`
	Size      int64  `json:"size"`
	SHA256    string `json:"sha256"`
	KeyID     string `json:"key_id"`
}

// encodeManifest writes m as JSON. It does not check m; Write runs the
// result through ParseManifest.
func encodeManifest(m Manifest) ([]byte, error) {
	return json.Marshal(manifestJSON{
		Format:    m.Format,
		CatalogID: m.CatalogID,
		Version:   m.Version,
		Issued:    m.Issued.UTC().Format(time.RFC3339),
		Expires:   m.Expires.UTC().Format(time.RFC3339),
		Size:      m.Size,
		SHA256:    m.SHA256,
		KeyID:     m.KeyID,
	})
}
