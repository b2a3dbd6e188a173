package bundle

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"regexp"
	"strings"
	"testing"
)

func TestPublicKeyRoundTrip(t *testing.T) {
	pub, _, err := GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	text := FormatPublicKey(pub)
	if !strings.HasPrefix(text, "wegweiser-ed25519:") || len(text) != len("wegweiser-ed25519:")+43 || strings.ContainsAny(text, "=\n ") {
		t.Fatalf("FormatPublicKey = %q", text)
	}
	for _, s := range []string{text, text + "\n", "  " + text + "\r\n"} {
		got, err := ParsePublicKey(s)
		if err != nil {
			t.Fatalf("ParsePublicKey(%q): %v", s, err)
		}
		if !got.Equal(pub) {
			t.Fatalf("ParsePublicKey(%q) = %x, want %x", s, got, pub)
		}
	}
}

func TestParsePublicKeyRefuses(t *testing.T) {
	pub, _ := testKey(1)
	good := FormatPublicKey(pub)
	b64 := base64.RawStdEncoding.EncodeToString
	for name, tc := range map[string]struct{ text, says string }{
		"empty":         {"", "must start with"},
		"no prefix":     {b64(pub), "must start with"},
		"other prefix":  {"ssh-ed25519 " + b64(pub), "must start with"},
		"prefix case":   {strings.ToUpper(good[:18]) + good[18:], "must start with"},
		"prefix only":   {"wegweiser-ed25519:", "0 bytes instead of 32"},
		"31 bytes":      {"wegweiser-ed25519:" + b64(pub[:31]), "31 bytes instead of 32"},
		"33 bytes":      {"wegweiser-ed25519:" + b64(append(pub, 0)), "33 bytes instead of 32"},
		"64 bytes":      {"wegweiser-ed25519:" + b64(bytes.Repeat(pub, 2)), "64 bytes instead of 32"},
		"cut short":     {good[:len(good)-5], "damaged"},
		"not base64":    {good[:30] + "!" + good[31:], "damaged"},
		"padded":        {"wegweiser-ed25519:" + base64.StdEncoding.EncodeToString(pub), "damaged"},
		"space inside":  {good[:30] + " " + good[30:], "damaged"},
		"url alphabet":  {"wegweiser-ed25519:" + strings.Repeat("_", 43), "damaged"},
		"private key":   {string(EncodePrivateKey(ed25519.NewKeyFromSeed(make([]byte, 32)))), "must start with"},
		"trailing bits": {good[:len(good)-1] + nonCanonicalLast(good), "damaged"},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := ParsePublicKey(tc.text)
			if !errors.Is(err, ErrBadPublicKey) || !strings.Contains(err.Error(), tc.says) {
				t.Fatalf("ParsePublicKey(%q) = %x, %v; want ErrBadPublicKey saying %q", tc.text, got, err, tc.says)
			}
		})
	}
}

// nonCanonicalLast changes the last base64 digit of s so that it sets bits
// that 32 bytes cannot have.
func nonCanonicalLast(s string) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	i := strings.IndexByte(alphabet, s[len(s)-1])
	return string(alphabet[i^1])
}

func TestPrivateKeyRoundTrip(t *testing.T) {
	_, priv, err := GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	file := EncodePrivateKey(priv)
	if !bytes.HasPrefix(file, []byte("-----BEGIN WEGWEISER PRIVATE KEY-----\n")) {
		t.Fatalf("EncodePrivateKey = %q", file)
	}
	got, err := ParsePrivateKey(file)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Equal(priv) {
		t.Fatal("ParsePrivateKey gives another key")
	}
}

func TestParsePrivateKeyRefuses(t *testing.T) {
	pub, priv := testKey(1)
	good := string(EncodePrivateKey(priv))
	pemOf := func(typ string, b []byte) string {
		return "-----BEGIN " + typ + "-----\n" + base64.StdEncoding.EncodeToString(b) + "\n-----END " + typ + "-----\n"
	}
	for name, tc := range map[string]struct{ text, says string }{
		"empty":         {"", "must hold one"},
		"garbage":       {"hello", "must hold one"},
		"public key":    {FormatPublicKey(pub) + "\n", "this is a public key"},
		"other type":    {pemOf("PRIVATE KEY", priv.Seed()), `"PRIVATE KEY" block`},
		"full key":      {pemOf(privateKeyPEMType, priv), "64 bytes instead of 32"},
		"short seed":    {pemOf(privateKeyPEMType, priv.Seed()[:31]), "31 bytes instead of 32"},
		"two keys":      {good + good, "after the key"},
		"text after":    {good + "x", "after the key"},
		"text before":   {"x\n" + good, "must hold one"},
		"headers":       {strings.Replace(good, "KEY-----\n", "KEY-----\nComment: x\n\n", 1), "headers"},
		"cut short":     {good[:len(good)/2], "must hold one"},
		"damaged body":  {strings.Replace(good, good[40:44], "!!!!", 1), "must hold one"},
		"missing begin": {good[strings.IndexByte(good, '\n')+1:], "must hold one"},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := ParsePrivateKey([]byte(tc.text))
			if !errors.Is(err, ErrBadPrivateKey) || !strings.Contains(err.Error(), tc.says) {
				t.Fatalf("ParsePrivateKey(%q) = %x, %v; want ErrBadPrivateKey saying %q", tc.text, got, err, tc.says)
			}
		})
	}
}

func TestFingerprint(t *testing.T) {
	a, _ := testKey(1)
	b, _ := testKey(2)
	fa := Fingerprint(a)
	if !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(fa) {
		t.Fatalf("Fingerprint = %q, want 16 lower-case hex digits", fa)
	}
	if fa != Fingerprint(append(ed25519.PublicKey(nil), a...)) {
		t.Fatal("Fingerprint is not stable")
	}
	if fa == Fingerprint(b) {
		t.Fatal("two keys have one fingerprint")
	}
}
