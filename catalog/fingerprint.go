package catalog

import (
	"crypto/sha256"
	"encoding/hex"
)

// SchemaFingerprint names the exact schema this program writes: files
// compiled by an earlier build of the program (the sample's cache) are
// compiled anew when it differs, even if SchemaVersion was not raised.
func SchemaFingerprint() string {
	sum := sha256.Sum256([]byte(schema))
	return hex.EncodeToString(sum[:6])
}
