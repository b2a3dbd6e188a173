package speech

import (
	"context"
	"errors"
	"fmt"
	"time"

	"wegweiser/speech/wav"
)

// Media finds a recording in the catalogue (catalog.Catalog.Media).
type Media func(path string) ([]byte, error)

// Voice says scripts: recordings from the catalogue first, the
// synthesizer for the rest.
type Voice struct {
	Synth *Synth
	Media Media
}

// pause between the texts of a script.
const pause = 350 * time.Millisecond

// Recorded reports whether the catalogue has a recording at path.
func (v Voice) Recorded(path string) bool {
	if path == "" || v.Media == nil {
		return false
	}
	_, err := v.Media(path)
	return err == nil
}

// CanSay reports whether any text of s can be said in lang: lang has a
// voice, or one of s's texts in lang is recorded. The kiosk shows a
// read-aloud button only then.
func (v Voice) CanSay(s Script, lang string) bool {
	if v.Synth.Has(lang) {
		return true
	}
	for _, seg := range s {
		if seg.Lang == lang && v.Recorded(seg.Recording) {
			return true
		}
	}
	return false
}

// RenderSegment says one text: from its recording, or with the voice of
// its language; ok is false when it has neither.
func (v Voice) RenderSegment(ctx context.Context, seg Segment) (a wav.Audio, ok bool, err error) {
	switch {
	case v.Recorded(seg.Recording):
		b, _ := v.Media(seg.Recording)
		a, err = wav.Read(b)
		if err != nil {
			return a, false, fmt.Errorf("the recording %s: %w", seg.Recording, err)
		}
		return a, true, nil
	case v.Synth.Has(seg.Lang):
		b, err := v.Synth.WAV(ctx, seg.Lang, seg.Text)
		if err != nil {
			return a, false, err
		}
		if a, err = wav.Read(b); err != nil {
			return a, false, fmt.Errorf("espeak-ng's output: %w", err)
		}
		return a, true, nil
	}
	return a, false, nil
}

// Render says a script into one sound: each text from its recording or
// with the voice of its own language (a text shown in a fallback language
// is read in that language). Texts without either are left out; a script
// of which nothing can be said is ErrNoVoice. used lists the languages
// that were spoken.
func (v Voice) Render(ctx context.Context, s Script) (a wav.Audio, used []string, err error) {
	seen := map[string]bool{}
	for _, seg := range s {
		part, ok, err := v.RenderSegment(ctx, seg)
		if err != nil {
			return a, used, err
		}
		if !ok {
			continue
		}
		gap := pause
		if len(a.Samples) == 0 {
			gap = 0
		}
		a = a.Append(part, gap)
		if !seen[seg.Lang] {
			seen[seg.Lang] = true
			used = append(used, seg.Lang)
		}
	}
	if len(a.Samples) == 0 {
		return a, used, errors.Join(ErrNoVoice, errors.New("nothing on this screen has a recording or a voice"))
	}
	return a, used, nil
}
