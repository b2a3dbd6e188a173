package speech

import (
	"context"
	"errors"
	"math"
	"os/exec"
	"strings"
	"testing"
	"time"

	"wegweiser/assets"
	"wegweiser/catalog"
	"wegweiser/catalog/install"
	"wegweiser/speech/wav"
)

func sample(t *testing.T) *catalog.Catalog {
	t.Helper()
	path, err := install.CompiledSample(t.TempDir(), assets.SampleSource())
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func synth(t *testing.T) *Synth {
	t.Helper()
	if _, err := exec.LookPath("espeak-ng"); err != nil {
		t.Skip("espeak-ng is not installed (.ci/setup installs it)")
	}
	s, err := DetectSynth(nil, DefaultVolume)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDigitsAndHoursAsTheLanguageSaysThem(t *testing.T) {
	if got := Digits("Telefon 05531 707-0, Fax +49 40 428"); got != "Telefon 0 5 5 3 1, 7 0 7, 0, Fax + 4 9, 4 0, 4 2 8" {
		t.Errorf("%q", got)
	}
	for lang, want := range map[string]string{
		"de": "Montag bis Donnerstag, 8 bis 16 Uhr|Freitag, 8 bis 14:30 Uhr|Samstag bis Sonntag, geschlossen",
		"en": "Monday to Thursday, 8 to 16|Friday, 8 to 14:30|Saturday to Sunday, closed",
	} {
		if got := strings.Join(SpokenHours("Mo-Th 08:00-16:00; Fr 08:00-14:30; Sa-Su off", lang), "|"); got != want {
			t.Errorf("%s: %q", lang, got)
		}
	}
	if got := SpokenHours("nach Vereinbarung", "de"); len(got) != 1 || got[0] != "nach Vereinbarung" {
		t.Errorf("unparsed: %q", got)
	}
}

// Issue 13: for each language with a voice, what an offer screen says is
// a sound that is not silent and of a plausible length; Tigrinya, which
// Debian has no voice for, gets none (no voice of another language
// pretending).
func TestEveryVoicedLanguageSpeaksAnOffer(t *testing.T) {
	s := synth(t)
	c := sample(t)
	v := Voice{Synth: s, Media: c.Media}
	for _, lang := range []string{"de", "en", "ar", "fa", "tr", "ru", "uk"} {
		if !s.Has(lang) {
			t.Errorf("espeak-ng has no %s voice", lang)
			continue
		}
		o, err := c.In(lang).Offer("iq-netzwerk-hamburg")
		if err != nil {
			t.Fatal(err)
		}
		a, used, err := v.Render(context.Background(), Offer(o, lang))
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if d := a.Duration(); d < 3*time.Second || d > 3*time.Minute || a.RMS() < 300 || used[0] != lang {
			t.Errorf("%s: %v of sound, RMS %.0f, languages %v", lang, d, a.RMS(), used)
		}
		// What is written is read back: the WAV file parses as it was.
		back, err := wav.Read(a.Bytes())
		if err != nil || len(back.Samples) != len(a.Samples) || back.Rate != a.Rate {
			t.Errorf("%s: the WAV does not read back: %v", lang, err)
		}
	}
	if s.Has("ti") {
		t.Error("a Tigrinya voice was found; Debian has none, so it is another language's")
	}
	o, _ := c.In("ti").Offer("iq-netzwerk-hamburg")
	if v.CanSay(Offer(o, "ti"), "ti") {
		t.Error("a read-aloud button for Tigrinya without a voice or a recording")
	}
}

// tone is a second of a sine wave, as a recording.
func tone(rate int) []byte {
	a := wav.Audio{Rate: rate}
	for i := range rate {
		a.Samples = append(a.Samples, int16(8000*math.Sin(2*math.Pi*440*float64(i)/float64(rate))))
	}
	return a.Bytes()
}

// A recording in the catalogue is played instead of synthesis, also where
// no voice exists (Tigrinya), resampled to the rest.
func TestRecordingTakesPrecedence(t *testing.T) {
	c := sample(t)
	o, err := c.In("ti").Offer("iq-netzwerk-hamburg")
	if err != nil {
		t.Fatal(err)
	}
	title := OfferRecording(o.ID, "title", "ti")
	v := Voice{Synth: &Synth{}, Media: func(path string) ([]byte, error) {
		if path == title {
			return tone(16000), nil
		}
		return nil, errors.New("none")
	}}
	script := Offer(o, "ti")
	if !v.CanSay(script, "ti") {
		t.Fatal("no button although the title is recorded")
	}
	a, used, err := v.Render(context.Background(), script)
	if err != nil || len(used) != 1 || used[0] != "ti" {
		t.Fatalf("%v %v", used, err)
	}
	if d := a.Duration(); d != time.Second || math.Abs(a.RMS()-8000/math.Sqrt2) > 50 {
		t.Errorf("%v, RMS %.0f: not the recording alone", d, a.RMS())
	}
}

func TestReadWAVRefusesOtherFiles(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("RIFF1234WAVEfmt "), []byte("OggS...."), tone(8000)[:30]} {
		if _, err := wav.Read(b); !errors.Is(err, wav.ErrNotWAV) {
			t.Errorf("%q: %v", b, err)
		}
	}
}

// The sample catalogue's recordings (synthesized once and committed) are
// what is said for those titles: the recorded path works end to end.
func TestSampleRecordingIsPlayed(t *testing.T) {
	c := sample(t)
	for _, lang := range []string{"de", "ar"} {
		o, err := c.In(lang).Offer("iq-fachstelle-migrantenoekonomie")
		if err != nil {
			t.Fatal(err)
		}
		script := Offer(o, lang)
		v := Voice{Synth: &Synth{}, Media: c.Media} // no synthesizer: only the recording can speak
		if !v.Recorded(script[0].Recording) {
			t.Fatalf("%s: the sample has no recording %s", lang, script[0].Recording)
		}
		a, _, err := v.Render(context.Background(), script)
		if err != nil {
			t.Fatal(err)
		}
		rec, _ := c.Media(script[0].Recording)
		want, _ := wav.Read(rec)
		if len(a.Samples) != len(want.Samples) || a.RMS() < 300 {
			t.Errorf("%s: %d samples, the recording has %d", lang, len(a.Samples), len(want.Samples))
		}
	}
}
