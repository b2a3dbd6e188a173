package config

import (
	"crypto/ed25519"
	"fmt"
	"slices"

	"wegweiser/catalog"
	"wegweiser/catalog/bundle"
	"wegweiser/catalog/source"
)

// TrustKey returns the text of a kiosk.toml with pub added to [trust] keys
// (unless it is there already) and, when catalogID is not empty, [trust]
// catalog set to it. Every other setting and comment stays as it was. text
// must be a valid kiosk.toml ("" for none); added reports whether the key
// was new.
func TrustKey(text string, pub ed25519.PublicKey, catalogID string) (out string, added bool, err error) {
	cfg, err := Parse(text)
	if err != nil {
		return "", false, fmt.Errorf("kiosk.toml must be corrected first: %w", err)
	}
	if catalogID != "" && !catalog.ValidID(catalogID) {
		return "", false, fmt.Errorf("'%s' is not a catalogue id (lower-case letters, digits and '-')", catalogID)
	}
	out = text
	if !cfg.Trust.TrustedKey(pub) {
		keys := append(slices.Clone(cfg.Trust.Keys), bundle.FormatPublicKey(pub))
		if out, err = setValue(out, []string{"trust", "keys"}, tomlList(keys)); err != nil {
			return "", false, err
		}
		added = true
	}
	if catalogID != "" && catalogID != cfg.Trust.Catalog {
		if out, err = setValue(out, []string{"trust", "catalog"}, source.TOMLString(catalogID)); err != nil {
			return "", false, err
		}
	}
	got, err := Parse(out)
	if err != nil || !got.Trust.TrustedKey(pub) || (catalogID != "" && got.Trust.Catalog != catalogID) {
		return "", false, fmt.Errorf("could not change kiosk.toml safely (%v); change [trust] by hand", err)
	}
	return out, added, nil
}

// SetPIN returns the text of a kiosk.toml with [admin] pin set to hash
// (from HashPIN). Every other setting and comment stays as it was.
func SetPIN(text, hash string) (string, error) {
	if _, err := Parse(text); err != nil {
		return "", fmt.Errorf("kiosk.toml must be corrected first: %w", err)
	}
	out, err := setValue(text, []string{"admin", "pin"}, source.TOMLString(hash))
	if err != nil {
		return "", err
	}
	got, err := Parse(out)
	if err != nil || got.AdminPIN != hash {
		return "", fmt.Errorf("could not change kiosk.toml safely (%v); change [admin] by hand", err)
	}
	return out, nil
}
