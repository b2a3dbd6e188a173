// Package logging writes the kiosk's log to DIR/logs/wegweiser.log, in
// slog's text form (one "time=… level=… msg=…" line per record), rotated
// by size: when the file would grow past MaxSize it becomes
// wegweiser.log.1 (the older ones move up to .2 … .4) and a new file
// starts, so at most Keep files of MaxSize bytes each are kept.
//
// The rule for everything that logs: never log visitor input. The kiosk
// stands in a public waiting room and its visitors are anonymous, so a
// log record may name what the program did (catalogue installed, sync
// failed, printer refused a job, the program restarted) and catalogue ids,
// but never what a visitor typed or searched, which screens they went
// through, or anything else that follows one visitor's steps. Errors that
// could quote visitor input (a search query in an error message) are
// logged without it. Usage counts belong to package stats, which stores
// only anonymous daily totals.
package logging
