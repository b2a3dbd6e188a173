// Package stats keeps the kiosk's anonymous usage statistics for the
// offices' funders: how often which categories, offers, brochures and
// events were looked at, QR codes shown and sheets printed, per visitor
// language and per day.
//
// What is stored is only aggregate counts, one row per day (Europe/Berlin),
// kind, catalogue id and language: never a visitor, a session, a sequence
// of actions, a search text or a time finer than the day. Count accepts
// only catalogue ids and language codes, so that free text cannot slip in
// by mistake.
//
// The counts live in DIR/stats.sqlite (SQLite in WAL mode; the file is
// written in place and never replaced by renaming). Count adds to a small
// buffer in memory; the buffer is written to the file every FlushInterval,
// on Flush, before an export and on Close, so at most that interval of
// counts is lost when the kiosk dies.
//
// Retention: counts of days more than RetentionYears (three) years back
// are deleted when the store opens and once a day while it is open; Prune
// does it on demand.
//
// ExportCSV writes the closed days only, one row per day, kind, item and
// language of at least MinCount (5); smaller counts are added up into a row
// "other" per day and kind, left out too while under MinCount. So a rare
// combination (one visitor reading one offer in a rare language on one
// day) is never shown as such, nor can two exports be subtracted.
package stats
