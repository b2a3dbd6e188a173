package bundle

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

var smallPayload = []byte("SQLite format 3\x00 pretend catalogue")

func TestRoundTrip(t *testing.T) {
	pub, priv := testKey(1)
	var buf bytes.Buffer
	in := testManifest()
	in.Issued = time.Date(2025, 3, 1, 13, 0, 0, 999, time.FixedZone("CET", 3600)) // normalized by Write
	written, err := Write(&buf, in, bytes.NewReader(smallPayload), priv)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(smallPayload)
	want := Manifest{
		Format:    FormatVersion,
		CatalogID: "suedniedersachsen",
		Version:   7,
		Issued:    testIssued,
		Expires:   testManifest().Expires,
		Size:      int64(len(smallPayload)),
		SHA256:    hex.EncodeToString(sum[:]),
		KeyID:     Fingerprint(pub),
	}
	if !sameManifest(written, want) {
		t.Fatalf("Write returned %+v\nwant %+v", written, want)
	}

	other, _ := testKey(2)
	r, err := Open(bytes.NewReader(buf.Bytes()), []ed25519.PublicKey{other, pub})
	if err != nil {
		t.Fatal(err)
	}
	if !sameManifest(r.Manifest(), want) {
		t.Fatalf("Open gives %+v\nwant %+v", r.Manifest(), want)
	}
	if !r.SignedBy().Equal(pub) {
		t.Fatal("SignedBy is not the signing key")
	}
	var payload bytes.Buffer
	n, err := r.CopyPayload(&payload)
	if err != nil || n != int64(len(smallPayload)) || !bytes.Equal(payload.Bytes(), smallPayload) {
		t.Fatalf("CopyPayload = %d, %v, %q", n, err, payload.Bytes())
	}
}

// TestLayout pins the file format described in the package doc, checked
// here with nothing but the standard library.
func TestLayout(t *testing.T) {
	pub, priv := testKey(1)
	b := makeBundle(t, smallPayload, priv)
	if got := string(b[:19]); got != "WEGWEISER-BUNDLE-1\n" {
		t.Fatalf("magic = %q", got)
	}
	n := int(binary.BigEndian.Uint32(b[19:23]))
	manifest := b[23 : 23+n]
	sig := b[23+n : 23+n+64]
	payload := b[23+n+64:]
	if !ed25519.Verify(pub, append([]byte("wegweiser-bundle-v1\x00"), manifest...), sig) {
		t.Fatal("the signature does not cover prefix + manifest")
	}
	if ed25519.Verify(pub, manifest, sig) {
		t.Fatal("the signature verifies without the domain prefix")
	}
	if !bytes.Equal(payload, smallPayload) {
		t.Fatalf("payload = %q", payload)
	}
	sum := sha256.Sum256(smallPayload)
	want := `{"format":1,"catalog_id":"suedniedersachsen","version":7,"issued":"2025-03-01T12:00:00Z",` +
		`"expires":"2025-08-28T12:00:00Z","size":34,"sha256":"` + hex.EncodeToString(sum[:]) +
		`","key_id":"` + Fingerprint(pub) + `"}`
	if string(manifest) != want {
		t.Fatalf("manifest =\n%s\nwant\n%s", manifest, want)
	}
}

// TestEveryFlippedBitRefused flips each bit of a small bundle in turn.
func TestEveryFlippedBitRefused(t *testing.T) {
	pub, priv := testKey(1)
	good := makeBundle(t, smallPayload, priv)
	n := int(binary.BigEndian.Uint32(good[19:23]))
	regions := []struct {
		name       string
		start, end int
		want       []error // nil: any error
	}{
		{"magic", 0, 19, []error{ErrNotBundle, ErrUnsupportedFormat}},
		{"length", 19, 23, nil},
		{"manifest", 23, 23 + n, []error{ErrBadSignature}},
		{"signature", 23 + n, 23 + n + 64, []error{ErrBadSignature}},
		{"payload", 23 + n + 64, len(good), []error{ErrPayloadMismatch}},
	}
	if regions[4].end-regions[4].start != len(smallPayload) {
		t.Fatal("regions do not match the layout")
	}
	for _, region := range regions {
		for i := region.start; i < region.end; i++ {
			for bit := range 8 {
				b := bytes.Clone(good)
				b[i] ^= 1 << bit
				_, _, err := openAll(bytes.NewReader(b), pub)
				if err == nil {
					t.Fatalf("%s: byte %d bit %d flipped: accepted", region.name, i, bit)
				}
				if region.want != nil && !isAny(err, region.want) {
					t.Fatalf("%s: byte %d bit %d flipped: %v, want one of %v", region.name, i, bit, err, region.want)
				}
			}
		}
	}
	if _, _, err := openAll(bytes.NewReader(good), pub); err != nil {
		t.Fatalf("the unchanged bundle: %v", err)
	}
}

func isAny(err error, targets []error) bool {
	for _, target := range targets {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}

func TestEveryTruncationRefused(t *testing.T) {
	pub, priv := testKey(1)
	good := makeBundle(t, smallPayload, priv)
	for n := range len(good) {
		_, _, err := openAll(bytes.NewReader(good[:n]), pub)
		if !errors.Is(err, ErrTruncated) {
			t.Fatalf("cut to %d of %d bytes: %v, want ErrTruncated", n, len(good), err)
		}
	}
}

func TestNotABundle(t *testing.T) {
	pub, _ := testKey(1)
	for name, tc := range map[string]struct {
		file string
		want error
	}{
		"sqlite file":   {"SQLite format 3\x00" + strings.Repeat("\x00", 100), ErrNotBundle},
		"short text":    {"hello", ErrNotBundle},
		"lower case":    {"wegweiser-bundle-1\n" + strings.Repeat("x", 100), ErrNotBundle},
		"version 2":     {"WEGWEISER-BUNDLE-2\n" + strings.Repeat("x", 100), ErrUnsupportedFormat},
		"version 10":    {"WEGWEISER-BUNDLE-10\n" + strings.Repeat("x", 100), ErrUnsupportedFormat},
		"version 2 cut": {"WEGWEISER-BUNDLE-2", ErrUnsupportedFormat},
		"magic cut":     {"WEGWEISER-BUN", ErrTruncated},
		"empty":         {"", ErrTruncated},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Open(strings.NewReader(tc.file), []ed25519.PublicKey{pub})
			if !errors.Is(err, tc.want) {
				t.Fatalf("Open = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestUnknownKeyRefused(t *testing.T) {
	_, priv := testKey(1)
	other2, _ := testKey(2)
	other3, _ := testKey(3)
	b := makeBundle(t, smallPayload, priv)
	_, err := Open(bytes.NewReader(b), []ed25519.PublicKey{other2, other3})
	if !errors.Is(err, ErrBadSignature) || !errors.Is(err, ErrUnknownKey) {
		t.Fatalf("Open = %v, want ErrBadSignature", err)
	}
	if !strings.Contains(err.Error(), "not signed by a trusted key") {
		t.Fatalf("message %q", err)
	}
}

func TestTrustedKeysChecked(t *testing.T) {
	pub, priv := testKey(1)
	b := makeBundle(t, smallPayload, priv)
	for name, tc := range map[string]struct {
		keys []ed25519.PublicKey
		want error
	}{
		"none":             {nil, ErrNoTrustedKeys},
		"empty list":       {[]ed25519.PublicKey{}, ErrNoTrustedKeys},
		"short key":        {[]ed25519.PublicKey{pub[:31]}, ErrBadPublicKey},
		"long key":         {[]ed25519.PublicKey{append(bytes.Clone(pub), 0)}, ErrBadPublicKey},
		"nil key":          {[]ed25519.PublicKey{nil}, ErrBadPublicKey},
		"one good one bad": {[]ed25519.PublicKey{pub, pub[:5]}, ErrBadPublicKey},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Open(bytes.NewReader(b), tc.keys)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Open = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestSignatureMissingOrWrongLength(t *testing.T) {
	pub, priv := testKey(1)
	good := makeBundle(t, smallPayload, priv)
	n := int(binary.BigEndian.Uint32(good[19:23]))
	sigStart, sigEnd := 23+n, 23+n+64
	join := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	for name, tc := range map[string]struct {
		file []byte
		want error
	}{
		"missing, no payload":  {good[:sigStart], ErrTruncated},
		"missing":              {join(good[:sigStart], good[sigEnd:]), ErrTruncated},
		"missing, big payload": {join(good[:sigStart], bytes.Repeat([]byte("x"), 200)), ErrBadSignature},
		"63 bytes":             {join(good[:sigStart], good[sigStart+1:]), ErrBadSignature},
		"65 bytes":             {join(good[:sigStart], []byte{0}, good[sigStart:]), ErrBadSignature},
		"65 bytes at the end":  {join(good[:sigEnd], []byte{0}, good[sigEnd:]), ErrPayloadMismatch},
		"all zero":             {join(good[:sigStart], make([]byte, 64), good[sigEnd:]), ErrBadSignature},
		"another manifest's":   {join(good[:sigStart], ed25519.Sign(priv, []byte("x")), good[sigEnd:]), ErrBadSignature},
		"without the prefix":   {join(good[:sigStart], ed25519.Sign(priv, good[23:sigStart]), good[sigEnd:]), ErrBadSignature},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := openAll(bytes.NewReader(tc.file), pub)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
}

// TestSignatureCheckedBeforeParsing: a malformed manifest is reported as
// unsigned unless a trusted key signed it; only then is it parsed.
func TestSignatureCheckedBeforeParsing(t *testing.T) {
	pub, priv := testKey(1)
	other, _ := testKey(2)
	b := signedBundle(t, []byte(`{"version":5,"VERSION":6}`), smallPayload, priv)
	if _, err := Open(bytes.NewReader(b), []ed25519.PublicKey{other}); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("untrusted key: %v, want ErrBadSignature", err)
	}
	if _, err := Open(bytes.NewReader(b), []ed25519.PublicKey{pub}); !errors.Is(err, ErrBadManifest) {
		t.Fatalf("trusted key: %v, want ErrBadManifest", err)
	}
}

// TestSignedButInvalidManifestRefused: strict parsing applies to validly
// signed manifests inside a bundle.
func TestSignedButInvalidManifestRefused(t *testing.T) {
	pub, priv := testKey(1)
	good := makeBundle(t, smallPayload, priv)
	n := int(binary.BigEndian.Uint32(good[19:23]))
	manifest := string(good[23 : 23+n])
	body := manifest[:len(manifest)-1]
	for name, tc := range map[string]struct {
		manifest string
		want     error
	}{
		"duplicate":    {body + `,"version":8}`, ErrBadManifest},
		"case variant": {body + `,"VERSION":8}`, ErrBadManifest},
		"unknown":      {body + `,"note":"x"}`, ErrBadManifest},
		"trailing":     {manifest + "x", ErrBadManifest},
		"other key_id": {strings.Replace(manifest, Fingerprint(pub), "0000000000000000", 1), ErrBadManifest},
		"format 2":     {strings.Replace(manifest, `"format":1`, `"format":2`, 1), ErrUnsupportedFormat},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := openAll(bytes.NewReader(signedBundle(t, []byte(tc.manifest), smallPayload, priv)), pub)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
}

func TestManifestSizeLimit(t *testing.T) {
	pub, priv := testKey(1)
	header := func(n uint32) []byte {
		return binary.BigEndian.AppendUint32([]byte(magic), n)
	}
	for _, n := range []uint32{MaxManifestSize + 1, 1 << 20, 1<<32 - 1} {
		r := &panicAfter{data: header(n)}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := Open(r, []ed25519.PublicKey{pub})
		runtime.ReadMemStats(&after)
		if !errors.Is(err, ErrManifestTooLarge) {
			t.Fatalf("length %d: %v, want ErrManifestTooLarge", n, err)
		}
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 16<<10 {
			t.Fatalf("length %d: Open allocated %d bytes before refusing", n, grew)
		}
	}

	// Zero is refused too, and exactly MaxManifestSize is allowed.
	if _, err := Open(&panicAfter{data: header(0)}, []ed25519.PublicKey{pub}); !errors.Is(err, ErrBadManifest) {
		t.Fatalf("length 0: %v, want ErrBadManifest", err)
	}
	good := makeBundle(t, smallPayload, priv)
	n := int(binary.BigEndian.Uint32(good[19:23]))
	padded := append(bytes.Clone(good[23:23+n]), bytes.Repeat([]byte(" "), MaxManifestSize-n)...)
	m, payload, err := openAll(bytes.NewReader(signedBundle(t, padded, smallPayload, priv)), pub)
	if err != nil || m.Version != 7 || !bytes.Equal(payload, smallPayload) {
		t.Fatalf("manifest of exactly MaxManifestSize: %v", err)
	}
	tooLarge := signedBundle(t, append(padded, ' '), smallPayload, priv)
	if _, err := Open(bytes.NewReader(tooLarge), []ed25519.PublicKey{pub}); !errors.Is(err, ErrManifestTooLarge) {
		t.Fatalf("manifest of MaxManifestSize+1: %v, want ErrManifestTooLarge", err)
	}
}

// TestPayloadLongerThanDeclared: extra data is refused, and reading stops one
// byte past the declared size even when the input never ends.
func TestPayloadLongerThanDeclared(t *testing.T) {
	pub, priv := testKey(1)
	good := makeBundle(t, smallPayload, priv)

	_, _, err := openAll(bytes.NewReader(append(bytes.Clone(good), 'x')), pub)
	if !errors.Is(err, ErrPayloadMismatch) || !strings.Contains(err.Error(), "longer than declared") {
		t.Fatalf("one byte too many: %v, want ErrPayloadMismatch", err)
	}

	r := &countingReader{r: io.MultiReader(bytes.NewReader(good), endless{})}
	_, _, err = openAll(r, pub)
	if !errors.Is(err, ErrPayloadMismatch) {
		t.Fatalf("endless input: %v, want ErrPayloadMismatch", err)
	}
	if r.n != int64(len(good))+1 {
		t.Fatalf("read %d bytes of an endless input, want %d", r.n, len(good)+1)
	}
}

// TestMixAndMatch: the manifest of one build with the payload of another.
func TestMixAndMatch(t *testing.T) {
	pub, priv := testKey(1)
	payloadA := []byte("SQLite format 3\x00 build A........")
	payloadB := []byte("SQLite format 3\x00 build B........")
	a := makeBundle(t, payloadA, priv)
	headerA := a[:len(a)-len(payloadA)]
	for name, tc := range map[string]struct {
		payload []byte
		want    error
	}{
		"same length": {payloadB, ErrPayloadMismatch},
		"longer":      {append(bytes.Clone(payloadB), "more"...), ErrPayloadMismatch},
		"shorter":     {payloadB[:10], ErrTruncated},
	} {
		t.Run(name, func(t *testing.T) {
			mixed := append(bytes.Clone(headerA), tc.payload...)
			_, _, err := openAll(bytes.NewReader(mixed), pub)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
}

// TestCopyPayloadMemoryBounded: copying a payload allocates far less than
// the payload's size.
func TestCopyPayloadMemoryBounded(t *testing.T) {
	pub, priv := testKey(1)
	payload := bytes.Repeat([]byte("0123456789abcdef"), 1<<20) // 16 MiB
	b := makeBundle(t, payload, priv)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	r, err := Open(bytes.NewReader(b), []ed25519.PublicKey{pub})
	if err != nil {
		t.Fatal(err)
	}
	n, err := r.CopyPayload(io.Discard)
	runtime.ReadMemStats(&after)
	if err != nil || n != int64(len(payload)) {
		t.Fatalf("CopyPayload = %d, %v", n, err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 256<<10 {
		t.Fatalf("Open+CopyPayload of %d bytes allocated %d bytes", len(payload), grew)
	}
}

func TestWriteRefuses(t *testing.T) {
	_, priv := testKey(1)
	for name, tc := range map[string]struct {
		edit    func(*Manifest)
		payload []byte
		priv    ed25519.PrivateKey
		want    error
	}{
		"empty payload":    {func(*Manifest) {}, nil, priv, ErrBadManifest},
		"bad catalog id":   {func(m *Manifest) { m.CatalogID = "Süd" }, smallPayload, priv, ErrBadManifest},
		"no catalog id":    {func(m *Manifest) { m.CatalogID = "" }, smallPayload, priv, ErrBadManifest},
		"version 0":        {func(m *Manifest) { m.Version = 0 }, smallPayload, priv, ErrBadManifest},
		"expires = issued": {func(m *Manifest) { m.Expires = m.Issued.Add(time.Millisecond) }, smallPayload, priv, ErrBadManifest},
		"no times":         {func(m *Manifest) { m.Issued, m.Expires = time.Time{}, time.Time{} }, smallPayload, priv, ErrBadManifest},
		"year 10000":       {func(m *Manifest) { m.Expires = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, smallPayload, priv, ErrBadManifest},
		"short key":        {func(*Manifest) {}, smallPayload, priv[:32], ErrBadPrivateKey},
		"no key":           {func(*Manifest) {}, smallPayload, nil, ErrBadPrivateKey},
	} {
		t.Run(name, func(t *testing.T) {
			m := testManifest()
			tc.edit(&m)
			var buf bytes.Buffer
			_, err := Write(&buf, m, bytes.NewReader(tc.payload), tc.priv)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Write = %v, want %v", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Fatalf("Write wrote %d bytes before refusing", buf.Len())
			}
		})
	}
}

// changing is a payload whose content differs on every pass.
type changing struct {
	*bytes.Reader
	passes int
}

func (c *changing) Seek(offset int64, whence int) (int64, error) {
	c.passes++
	c.Reader = bytes.NewReader(bytes.Repeat([]byte{byte(c.passes)}, 100))
	return c.Reader.Seek(offset, whence)
}

func TestWritePayloadChangedMeanwhile(t *testing.T) {
	_, priv := testKey(1)
	_, err := Write(io.Discard, testManifest(), &changing{}, priv)
	if err == nil || !strings.Contains(err.Error(), "changed while") {
		t.Fatalf("Write = %v, want an error about the file changing", err)
	}
}

func TestWriteReadsPayloadFromStart(t *testing.T) {
	pub, priv := testKey(1)
	r := bytes.NewReader(smallPayload)
	r.Seek(5, io.SeekStart)
	var buf bytes.Buffer
	if _, err := Write(&buf, testManifest(), r, priv); err != nil {
		t.Fatal(err)
	}
	_, payload, err := openAll(&buf, pub)
	if err != nil || !bytes.Equal(payload, smallPayload) {
		t.Fatalf("payload %q, %v", payload, err)
	}
}

// TestReadErrors: an input that fails (a stick pulled out) is reported with
// its own error at every position; one that ends early mid-stream (a network
// body cut short) is ErrTruncated.
func TestReadErrors(t *testing.T) {
	pub, priv := testKey(1)
	good := makeBundle(t, smallPayload, priv)
	errPulled := errors.New("input/output error")
	for k := range len(good) + 1 {
		r := io.MultiReader(bytes.NewReader(good[:k]), iotest.ErrReader(errPulled))
		if _, _, err := openAll(r, pub); !errors.Is(err, errPulled) {
			t.Fatalf("failing after %d bytes: %v, want the read error", k, err)
		}
		r = io.MultiReader(bytes.NewReader(good[:k]), iotest.ErrReader(io.ErrUnexpectedEOF))
		if _, _, err := openAll(r, pub); !errors.Is(err, ErrTruncated) {
			t.Fatalf("ending unexpectedly after %d bytes: %v, want ErrTruncated", k, err)
		}
	}
}
