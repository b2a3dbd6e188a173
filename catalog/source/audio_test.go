package source

import (
	"io/fs"
	"math"
	"os"
	"strings"
	"testing"

	"wegweiser/speech/wav"
)

// withFiles is the valid test source with more files.
func withFiles(t *testing.T, extra map[string][]byte) fs.FS {
	t.Helper()
	return WithFiles(os.DirFS("testdata/valid"), extra)
}

func toneWAV(seconds float64) []byte {
	a := wav.Audio{Rate: 16000}
	for i := range int(seconds * 16000) {
		a.Samples = append(a.Samples, int16(6000*math.Sin(float64(i)/5)))
	}
	return a.Bytes()
}

// Issue 13: recordings in the source are checked and compiled in; every
// wrong one is reported with what is wrong.
func TestAudioRecordings(t *testing.T) {
	good := map[string][]byte{
		"audio/offer/iq-fachstelle/title.ar.wav": toneWAV(1),
		"audio/ui/welcome_prompt.de.wav":         toneWAV(0.5),
	}
	bad := map[string]string{
		"audio/offer/no-such-offer/title.de.wav":    "there is no offer 'no-such-offer'",
		"audio/offer/iq-fachstelle/colour.de.wav":   "has no text 'colour'",
		"audio/offer/iq-fachstelle/title.xx.wav":    "not one of the catalogue's languages",
		"audio/ui/no_such_string.de.wav":            "there is no interface string 'no_such_string'",
		"audio/offer/iq-fachstelle/summary.de.wav":  "not a WAV file",
		"audio/title.de.wav":                        "a recording must be named",
		"audio/offer/iq-fachstelle/summary.ar.ogg":  "Ogg Vorbis recordings are not played yet",
		"audio/offer/iq-fachstelle/provider.de.wav": "between 0.1 s",
	}
	files := map[string][]byte{}
	for p, b := range good {
		files[p] = b
	}
	for p := range bad {
		files[p] = []byte("not sound")
	}
	files["audio/offer/iq-fachstelle/provider.de.wav"] = toneWAV(0.01)
	content, problems := Load(withFiles(t, files))
	for p := range good {
		if string(content.Media[p]) != string(good[p]) {
			t.Errorf("%s was not compiled in", p)
		}
	}
	for p, want := range bad {
		found := false
		for _, pr := range problems {
			if pr.Path == p && strings.Contains(pr.Message, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no problem saying %q in\n%v", p, want, problems)
		}
		if _, ok := content.Media[p]; ok {
			t.Errorf("%s was compiled in", p)
		}
	}
}
