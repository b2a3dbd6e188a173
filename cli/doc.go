// Package cli is Wegweiser's command line (shared/spec/cli.md): it parses
// the arguments, runs the sub-commands for staff and scripts, and hands the
// kiosk form to the function that opens the interface.
package cli
