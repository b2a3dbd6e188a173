// Package speech reads the kiosk's texts aloud, offline, for visitors who
// read little in any script: a recording from the catalogue where one
// exists, otherwise a speech synthesizer installed on the kiosk (espeak-ng,
// run as a separate program: it is GPL-3 and a crash of it must not take
// the kiosk down). A language with neither has no voice, and the kiosk
// shows no read-aloud button for it: never a voice of another language
// pretending.
//
// Script turns what a screen shows into what is said, in reading order:
// numbers and phone numbers digit group by digit group, opening hours as
// the language says them ("Montag bis Donnerstag, 8 bis 16 Uhr").
// Player plays a WAV (or, with PipeWire or PulseAudio, Ogg) file through
// the system's player, also a separate process, so that playing never
// blocks the interface and stopping is killing it.
package speech
