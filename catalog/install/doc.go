// Package install keeps the catalogue of a kiosk's data folder: which
// compiled catalogue is current, and, while none is installed, the built-in
// sample compiled on first use.
package install
