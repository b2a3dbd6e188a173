package ui

import (
	"context"
	"errors"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"wegweiser/config"
	"wegweiser/speech"
	"wegweiser/speech/wav"
)

// fakePlayer plays until told to finish, or until stopped.
type fakePlayer struct {
	mu      sync.Mutex
	played  int
	stopped int
	finish  chan struct{}
}

func (p *fakePlayer) Available() bool { return true }

func (p *fakePlayer) Play(ctx context.Context, b []byte) error {
	p.mu.Lock()
	p.played++
	p.mu.Unlock()
	select {
	case <-ctx.Done():
		p.mu.Lock()
		p.stopped++
		p.mu.Unlock()
	case <-p.finish:
	}
	return nil
}

func (p *fakePlayer) counts() (played, stopped int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.played, p.stopped
}

func toneWAV() []byte {
	a := wav.Audio{Rate: 16000}
	for i := range 16000 {
		a.Samples = append(a.Samples, int16(5000*math.Sin(float64(i)/3)))
	}
	return a.Bytes()
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited in vain for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Issue 13: a language with neither a voice nor a recording gets no
// read-aloud button; one with a recording on the screen does. The button
// reads, turns into a stop button, and the reading stops when the session
// ends.
func TestReadAloudButtonAndStopOnReset(t *testing.T) {
	const offer = "iq-fachstelle-migrantenoekonomie"
	k, _ := newKiosk(t, config.Config{District: "03255"})
	player := &fakePlayer{finish: make(chan struct{})}
	k.opts.Player = player
	k.opts.Voice = speech.Voice{Synth: &speech.Synth{}, Media: func(path string) ([]byte, error) {
		if path == speech.OfferRecording(offer, "title", "ar") {
			return toneWAV(), nil
		}
		return nil, errors.New("not recorded")
	}}

	k.chooseLanguage("de") // no voice (no synthesizer here), no German recording
	k.push(k.offerPage(offer))
	if len(tiles(k, "Vorlesen")) != 0 {
		t.Fatal("a read-aloud button without a voice or a recording")
	}

	k.chooseLanguage("ar")
	k.push(k.offerPage(offer))
	tap(t, k, "قراءة بصوت عالٍ")
	waitFor(t, "the recording to play", func() bool { p, _ := player.counts(); return p == 1 })
	if !k.Speaking() || len(tiles(k, "إيقاف القراءة")) == 0 {
		t.Fatal("no stop button while reading")
	}
	tap(t, k, "إيقاف القراءة") // a second tap stops it
	waitFor(t, "the reading to stop", func() bool { _, s := player.counts(); return s == 1 })
	if k.Speaking() || len(tiles(k, "قراءة بصوت عالٍ")) == 0 {
		t.Fatal("the stop button did not stop")
	}
	tap(t, k, "قراءة بصوت عالٍ")
	waitFor(t, "the second reading", func() bool { p, _ := player.counts(); return p == 2 })
	k.Reset() // the visitor walks away
	waitFor(t, "the reading to stop on reset", func() bool { _, s := player.counts(); return s == 2 })
	if k.Speaking() {
		t.Error("still reading after the session ended")
	}
}

// A visitor who listened to the kiosk hears the "still there?" prompt too
// (here from a recording); a tap ends it. One who never listened does not.
func TestIdlePromptIsReadToAListener(t *testing.T) {
	const offer = "iq-fachstelle-migrantenoekonomie"
	k, c := newKiosk(t, config.Config{District: "03255"})
	player := &fakePlayer{finish: make(chan struct{})}
	k.opts.Player = player
	k.opts.Voice = speech.Voice{Synth: &speech.Synth{}, Media: func(path string) ([]byte, error) {
		if path == speech.OfferRecording(offer, "title", "ar") || path == speech.UIRecording("idle_question", "ar") {
			return toneWAV(), nil
		}
		return nil, errors.New("not recorded")
	}}
	k.chooseLanguage("ar")
	k.push(k.offerPage(offer))
	c.t = c.t.Add(time.Hour)
	k.CheckIdle()
	if !k.IdlePromptShown() || k.Speaking() {
		t.Fatal("the prompt was read to a visitor who never listened")
	}
	k.touch()
	tap(t, k, "قراءة بصوت عالٍ")
	waitFor(t, "the title", func() bool { p, _ := player.counts(); return p == 1 })
	tap(t, k, "إيقاف القراءة")
	c.t = c.t.Add(time.Hour)
	k.CheckIdle()
	waitFor(t, "the idle prompt to be read", func() bool { p, _ := player.counts(); return p == 2 })
	k.touch() // the visitor is still there
	waitFor(t, "the prompt's reading to stop", func() bool { _, s := player.counts(); return s == 2 })
}

// Issue 14: the offer screen says when the entry was last checked.
func TestOfferSaysWhenItWasChecked(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	k.chooseLanguage("de")
	k.push(k.offerPage("iq-netzwerk-hamburg"))
	o, err := k.s.view.Offer("iq-netzwerk-hamburg")
	if err != nil || o.Updated.IsZero() {
		t.Fatalf("the sample offer has no updated date: %v", err)
	}
	if want := "Geprüft am " + k.formatDate(o.Updated, false); !strings.Contains(texts(k), want) {
		t.Errorf("%q not on the screen:\n%s", want, texts(k))
	}
}
