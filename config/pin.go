package config

import "golang.org/x/crypto/bcrypt"

// HashPIN returns the hash of a staff PIN as kiosk.toml stores it (bcrypt):
// the PIN itself is never stored.
func HashPIN(pin string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(pin), bcrypt.DefaultCost)
	return string(h), err
}

// CheckPIN reports whether pin matches a hash from HashPIN.
func CheckPIN(hash, pin string) bool {
	return hash != "" && bcrypt.CompareHashAndPassword([]byte(hash), []byte(pin)) == nil
}
