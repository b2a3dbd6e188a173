package ui

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"wegweiser/catalog"
	"wegweiser/speech"
)

// SoundPlayer plays a WAV file's bytes until it ends or ctx does
// (speech.Player; tests give their own).
type SoundPlayer interface {
	Available() bool
	Play(ctx context.Context, wav []byte) error
}

// reading is the read-aloud in progress; a finished one clears only
// itself, not one started since.
type reading struct {
	stop context.CancelFunc
}

// canSpeak reports whether the screen p gets a read-aloud button: it says
// something, a player is installed, and the visitor's language has a
// voice or a recording of something on it.
func (k *Kiosk) canSpeak(p page) bool {
	if p.speak == nil || k.opts.Player == nil || !k.opts.Player.Available() {
		return false
	}
	if k.opts.Voice.Synth.Has(k.s.lang) {
		return true // a voice: no need to build the script to know
	}
	if k.opts.Voice.Media == nil && !k.recordedIn(k.s.lang) {
		return false // the catalogue has no recording in the language at all
	}
	return k.voice().CanSay(p.speak(), k.s.lang)
}

// recordedIn reports whether the catalogue shown has any recording in lang.
func (k *Kiosk) recordedIn(lang string) bool {
	for _, c := range k.cat.Info().Coverage {
		if c.Lang == lang {
			return c.Recorded > 0
		}
	}
	return false
}

// voice is the kiosk's voice, with the recordings of the catalogue shown.
func (k *Kiosk) voice() speech.Voice {
	v := k.opts.Voice
	if v.Media == nil {
		v.Media = k.cat.Media
	}
	return v
}

// Speaking reports whether the kiosk is reading aloud.
func (k *Kiosk) Speaking() bool { return k.reading != nil }

// toggleSpeech starts reading the screen aloud, or stops it.
func (k *Kiosk) toggleSpeech() {
	if k.reading != nil {
		k.stopSpeech()
		k.render()
		return
	}
	p := k.stack[len(k.stack)-1]
	if p.speak == nil {
		return
	}
	k.s.listened = true
	k.say(p.speak())
	k.render()
}

// say reads a script aloud in the background.
func (k *Kiosk) say(script speech.Script) {
	k.stopSpeech()
	ctx, cancel := context.WithCancel(context.Background())
	r := &reading{stop: cancel}
	k.reading = r
	k.s.speechNote = ""
	voice, player, lang := k.voice(), k.opts.Player, k.s.lang
	release := k.cat.Hold() // its recordings are read while the reading goes on
	tapped := time.Now()
	go func() {
		defer cancel()
		defer release()
		first := true
		var others []string
		for _, seg := range script {
			audio, ok, err := voice.RenderSegment(ctx, seg)
			if ctx.Err() != nil {
				return
			}
			if err != nil {
				slog.Warn("read aloud", "error", err)
				continue
			}
			if !ok {
				continue // a text in a language without a voice
			}
			if seg.Lang != lang && !slices.Contains(others, seg.Lang) {
				others = append(others, seg.Lang)
				names := make([]string, len(others))
				for i, l := range others {
					names[i] = catalog.NativeName(l)
				}
				note := strings.Join(names, ", ")
				fyne.Do(func() {
					if k.reading == r {
						k.s.speechNote = k.s.str.T("speech_read_in", map[string]any{"Language": note})
						k.render()
					}
				})
			}
			if first {
				slog.Info("read aloud: first sound", "after_ms", time.Since(tapped).Milliseconds())
				first = false
			}
			if err := player.Play(ctx, audio.Bytes()); err != nil {
				slog.Warn("read aloud: playing", "error", err)
				break
			}
		}
		fyne.Do(func() {
			if k.reading == r {
				k.reading = nil
				k.render()
			}
		})
	}()
}

// sayIdlePrompt reads the "still there?" prompt to a visitor who has
// listened to the kiosk this session: someone who reads little would not
// see that the session is about to end.
func (k *Kiosk) sayIdlePrompt() {
	if !k.s.listened || k.opts.Player == nil || !k.opts.Player.Available() {
		return
	}
	script := speech.UIString("idle_question", k.s.lang)
	if k.voice().CanSay(script, k.s.lang) {
		k.say(script)
	}
}

// stopSpeech ends the read-aloud, if any: on a tap of its button, a new
// screen, another language or the end of the session.
func (k *Kiosk) stopSpeech() {
	if k.reading != nil {
		k.reading.stop()
		k.reading = nil
	}
	if k.s != nil {
		k.s.speechNote = ""
	}
}

// maxSpokenEntries is how many entries of a long list are read aloud.
const maxSpokenEntries = 20

// listScript is what a list screen says: its title, then each entry.
func listScript(lang, title string, entries []catalog.Localized) speech.Script {
	var s speech.Script
	s.Add(lang, title, "")
	for _, e := range entries {
		l := e.Lang
		if l == "" {
			l = lang
		}
		s.Add(l, e.Text, "")
	}
	return s
}
