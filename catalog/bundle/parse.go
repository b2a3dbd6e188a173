package bundle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"
)

// manifestKeys are the keys every manifest has, exactly as written.
var manifestKeys = []string{"format", "catalog_id", "version", "issued", "expires", "size", "sha256", "key_id"}

// ParseManifest reads a manifest strictly: one JSON object with each of the
// manifest's keys exactly once, spelt exactly, with values of the right type
// and range, and nothing after it. Open calls it only after the signature
// has been verified.
func ParseManifest(b []byte) (Manifest, error) {
	if len(b) > MaxManifestSize {
		return Manifest{}, fmt.Errorf("%w: %d bytes, at most %d allowed", ErrManifestTooLarge, len(b), MaxManifestSize)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return Manifest{}, badManifest("it is not a JSON object")
	}
	var m Manifest
	seen := make(map[string]bool, len(manifestKeys))
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return Manifest{}, badManifest("it is not valid JSON (%v)", err)
		}
		key, ok := tok.(string)
		if !ok {
			return Manifest{}, badManifest("it is not valid JSON")
		}
		if seen[key] {
			return Manifest{}, badManifest("field %q appears twice", key)
		}
		seen[key] = true
		val, err := dec.Token()
		if err != nil {
			return Manifest{}, badManifest("it is not valid JSON (%v)", err)
		}
		if err := setField(&m, key, val); err != nil {
			return Manifest{}, err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return Manifest{}, badManifest("it is not valid JSON (%v)", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Manifest{}, badManifest("there is more after the JSON object")
	}
	for _, key := range manifestKeys {
		if !seen[key] {
			return Manifest{}, badManifest("field %q is missing", key)
		}
	}
	if !m.Expires.After(m.Issued) {
		return Manifest{}, badManifest("expires must be later than issued")
	}
	return m, nil
}

// setField checks val and stores it in the field of m named key.
func setField(m *Manifest, key string, val json.Token) error {
	var err error
	switch key {
	case "format":
		var v int64
		if v, err = wholeNumber(key, val); err == nil && v != FormatVersion {
			return fmt.Errorf("%w: format %d", ErrUnsupportedFormat, v)
		}
		m.Format = int(v)
	case "catalog_id":
		if m.CatalogID, err = text(key, val); err == nil && !validCatalogID(m.CatalogID) {
			err = badManifest("catalog_id %q is not a catalogue id (lower-case letters, digits and '-', at most 64)", m.CatalogID)
		}
	case "version":
		m.Version, err = positive(key, val)
	case "issued":
		m.Issued, err = timestamp(key, val)
	case "expires":
		m.Expires, err = timestamp(key, val)
	case "size":
		m.Size, err = positive(key, val)
	case "sha256":
		m.SHA256, err = lowerHex(key, val, 64)
	case "key_id":
		m.KeyID, err = lowerHex(key, val, 16)
	default:
		err = badManifest("unknown field %q", key)
	}
	return err
}

func wholeNumber(key string, val json.Token) (int64, error) {
	num, ok := val.(json.Number)
	if !ok {
		return 0, badManifest("%s must be a number, not %s", key, describe(val))
	}
	v, err := strconv.ParseInt(string(num), 10, 64)
	if err != nil {
		return 0, badManifest("%s must be a whole number that fits in 64 bits, not %s", key, num)
	}
	return v, nil
}

func positive(key string, val json.Token) (int64, error) {
	v, err := wholeNumber(key, val)
	if err == nil && v <= 0 {
		err = badManifest("%s must be greater than 0, not %d", key, v)
	}
	return v, err
}

func text(key string, val json.Token) (string, error) {
	s, ok := val.(string)
	if !ok {
		return "", badManifest("%s must be text, not %s", key, describe(val))
	}
	return s, nil
}

// timestamp accepts only the form Write produces: RFC 3339, UTC ("Z"),
// whole seconds.
func timestamp(key string, val json.Token) (time.Time, error) {
	s, err := text(key, val)
	if err != nil {
		return time.Time{}, err
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil || t.UTC().Format(time.RFC3339) != s {
		return time.Time{}, badManifest("%s %q must be a UTC time like 2025-03-01T12:00:00Z", key, s)
	}
	return t.UTC(), nil
}

func lowerHex(key string, val json.Token, digits int) (string, error) {
	s, err := text(key, val)
	if err != nil {
		return "", err
	}
	ok := len(s) == digits
	for i := 0; ok && i < len(s); i++ {
		ok = '0' <= s[i] && s[i] <= '9' || 'a' <= s[i] && s[i] <= 'f'
	}
	if !ok {
		return "", badManifest("%s must be %d lower-case hex digits, not %q", key, digits, s)
	}
	return s, nil
}

// validCatalogID is the rule of catalog.ValidID, kept here so that this
// package needs nothing outside the standard library.
func validCatalogID(id string) bool {
	if len(id) == 0 || len(id) > 64 || id[0] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// describe names the JSON type of a value token for an error message.
func describe(val json.Token) string {
	switch val.(type) {
	case string:
		return "text"
	case json.Number:
		return "a number"
	case bool:
		return "true or false"
	case nil:
		return "null"
	default:
		return "a nested object or list"
	}
}

func badManifest(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrBadManifest, fmt.Sprintf(format, args...))
}
