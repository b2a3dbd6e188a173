package config

import (
	"crypto/ed25519"
	"fmt"
	"net"
	"net/url"
	"strings"

	"wegweiser/catalog"
	"wegweiser/catalog/bundle"
)

// parseTrust checks the [trust] table: a valid catalogue id, and keys that
// are all whole public key lines. A wrong key is reported on its own line.
func parseTrust(text, catalogID string, keys []string) (Trust, error) {
	if catalogID != "" && !catalog.ValidID(catalogID) {
		return Trust{}, &Error{Line: lineOf(text, "catalog"), Msg: fmt.Sprintf("catalog '%s' is not a catalogue id (lower-case letters, digits and '-')", catalogID)}
	}
	t := Trust{Catalog: catalogID, Keys: keys}
	for i, k := range keys {
		pub, err := bundle.ParsePublicKey(k)
		if err != nil {
			return Trust{}, &Error{Line: lineOfValue(text, k, "keys"), Msg: fmt.Sprintf("trusted key %d: %v", i+1, err)}
		}
		t.PublicKeys = append(t.PublicKeys, pub)
	}
	return t, nil
}

// checkSyncURL accepts an http or https URL with a host.
func checkSyncURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("url '%s' must be a web address such as https://example.org/catalog.bundle", s)
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return fmt.Errorf("url '%s' must start with https:// (plain http only for this computer itself, 127.0.0.1 or localhost)", s)
	}
	return nil
}

// isLoopback tells whether host is this computer: localhost or a loopback
// address.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// lineOfValue finds the line on which a string value is written, or else
// the line of key.
func lineOfValue(text, value, key string) int {
	for i, line := range strings.Split(text, "\n") {
		if strings.Contains(line, `"`+value+`"`) || strings.Contains(line, `'`+value+`'`) {
			return i + 1
		}
	}
	return lineOf(text, key)
}

// TrustedKey is the kiosk's trusted key equal to pub, if any.
func (t Trust) TrustedKey(pub ed25519.PublicKey) bool {
	for _, k := range t.PublicKeys {
		if k.Equal(pub) {
			return true
		}
	}
	return false
}
