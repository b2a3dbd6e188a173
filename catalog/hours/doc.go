// Package hours reads, writes, renders and evaluates the opening hours of a
// counselling office, as stored in the kiosk's catalog.
//
// # Syntax
//
// The text is a small subset of OpenStreetMap's opening_hours:
//
//	Mo-Fr 09:00-12:00,13:00-16:00; We off; Sa 10:00-12:00
//
// Rules are separated by "; " (a semicolon and exactly one space). Each rule
// is DAYS, exactly one space, and TIMES.
//
// DAYS is a day (Mo Tu We Th Fr Sa Su), a range of days (Mo-Fr) or a comma
// list of those without spaces (Mo,We,Fr-Sa). A range may wrap around the end
// of the week: Fr-Mo means Fr,Sa,Su,Mo. A range must name two different days
// (Mo-Mo is an error, because it could mean one day or the whole week).
//
// TIMES is "off" or a comma list, without spaces, of spans HH:MM-HH:MM. HH is
// 00 to 24 and MM is 00 to 59, always two digits each; 24:00 may only be used
// as the end of a span and means the end of the day, so 00:00-24:00 is the
// whole day. A span must end after it starts (no spans across midnight), and
// the spans of one rule must not overlap (touching, as in
// 09:00-12:00,12:00-13:00, is fine). The spans of a rule may be written in any
// order; they are kept sorted.
//
// A later rule replaces what earlier rules said about the days it names, so
// "Mo-Fr 09:00-17:00; We off" is open Monday, Tuesday, Thursday and Friday.
// A day named with "off" is closed; a day named by no rule is unknown, which
// the kiosk treats as closed as well (Schedule.Named tells the two apart).
//
// The empty text is valid and means "no hours known" (the zero Schedule).
// A single trailing ";" is tolerated, because people type it, but "; " at the
// end is not. Nothing else is tolerated: no extra or missing spaces, no
// lower-case day names, no one-digit hours. Parse reports the first problem as
// a *SyntaxError whose 1-based Column counts characters (runes), not bytes.
//
// # Time zone
//
// All counselling offices are in Germany, so Schedule.OpenAt and
// Schedule.NextChange evaluate the hours on the wall clock of Europe/Berlin,
// whatever the location of the time passed in. The package imports
// time/tzdata so that this works on kiosks without a zoneinfo database (a
// minimal Linux image, Windows); it adds about 450 KB to the binary.
//
// # Display
//
// Schedule.Format renders the hours in the visitor's language, using CLDR
// day abbreviations, clock (12 or 24 hours) and digits; see locale.go.
package hours
