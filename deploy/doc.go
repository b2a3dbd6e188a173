// Package deploy holds what a kiosk machine needs besides the binary: the
// systemd unit wegweiser.service and the set-up in README.md. It has no
// code; its test checks the unit.
package deploy
