package bundle

import (
	"bytes"
	"crypto/ed25519"
	"fmt"
	"io"
	"testing"
)

// BenchmarkOpenCopyPayload checks and copies a bundle as a kiosk does. The
// throughput is in MB/s; B/op and allocs/op stay the same for 1 MiB and
// 50 MiB, because memory use does not grow with the payload.
func BenchmarkOpenCopyPayload(b *testing.B) {
	pub, priv := testKey(1)
	for _, size := range []int{1 << 20, 50 << 20} {
		payload := bytes.Repeat([]byte("SQLite format 3\x00"), size/16)
		bundle := makeBundle(b, payload, priv)
		b.Run(fmt.Sprintf("%dMiB", size>>20), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				r, err := Open(bytes.NewReader(bundle), []ed25519.PublicKey{pub})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := r.CopyPayload(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
