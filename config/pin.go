package config

import (
	"fmt"

	"golang.org/x/crypto/bcrypt"
)

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

// CheckNewPIN tells staff what is wrong with a PIN they want to set: the
// kiosk's PIN pad has the digits 0–9, and a PIN has 4 to 12 of them.
func CheckNewPIN(pin string) error {
	if len(pin) < 4 || len(pin) > 12 {
		return fmt.Errorf("the PIN must have 4 to 12 digits, not %d characters", len(pin))
	}
	for _, c := range pin {
		if c < '0' || c > '9' {
			return fmt.Errorf("the PIN must consist of digits 0–9 only (the kiosk's PIN pad has no other keys)")
		}
	}
	return nil
}
