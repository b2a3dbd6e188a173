package cli

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"wegweiser/speech/wav"
)

func readWAV(t *testing.T, path string) wav.Audio {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := wav.Read(b)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// Issue 13: `speak` writes what the kiosk would say; a language without a
// voice and without a recording is exit 1 with a message naming it; a
// recording in the source is used instead of synthesis.
func TestSpeak(t *testing.T) {
	if _, err := exec.LookPath("espeak-ng"); err != nil {
		t.Skip("espeak-ng is not installed (.ci/setup installs it)")
	}
	out := filepath.Join(t.TempDir(), "de.wav")
	code, stdout, stderr := run(t, "speak", "--source", validSource, "--lang", "de", "--offer", "iq-fachstelle", "-o", out)
	if code != 0 || !strings.Contains(stdout, "of speech (de)") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if a := readWAV(t, out); a.Duration().Seconds() < 3 || a.RMS() < 300 {
		t.Errorf("%v, RMS %.0f", a.Duration(), a.RMS())
	}
	code, _, stderr = run(t, "speak", "--source", validSource, "--lang", "de", "--text", "Willkommen", "-o", out)
	if a := readWAV(t, out); code != 0 || a.Duration().Seconds() > 3 || a.RMS() < 300 {
		t.Errorf("--text: exit %d, %v\n%s", code, a.Duration(), stderr)
	}

	// Tigrinya: no voice in Debian, and no recording.
	ti := filepath.Join(t.TempDir(), "ti.wav")
	code, _, stderr = run(t, "speak", "--source", validSource, "--lang", "ti", "--offer", "iq-fachstelle", "-o", ti)
	if code != 1 || !strings.Contains(stderr, "ትግርኛ (ti) has no voice") {
		t.Errorf("ti: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(ti); err == nil {
		t.Error("a file was written for a language without a voice")
	}

	// A recording of the title in the source is what is said for it.
	src := filepath.Join(t.TempDir(), "src")
	copyDir(t, validSource, src)
	tone := wav.Audio{Rate: 22050}
	for i := range 22050 {
		tone.Samples = append(tone.Samples, int16(9000*math.Sin(float64(i)/4)))
	}
	dir := filepath.Join(src, "audio", "offer", "iq-fachstelle")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "title.ar.wav"), tone.Bytes(), 0o644)
	ar := filepath.Join(t.TempDir(), "ar.wav")
	code, _, stderr = run(t, "speak", "--source", src, "--lang", "ar", "--offer", "iq-fachstelle", "-o", ar)
	if code != 0 {
		t.Fatalf("ar: %s", stderr)
	}
	a := readWAV(t, ar)
	if a.Rate != tone.Rate || len(a.Samples) <= len(tone.Samples) {
		t.Fatalf("%d Hz, %d samples", a.Rate, len(a.Samples))
	}
	for i, s := range tone.Samples {
		if a.Samples[i] != s {
			t.Fatalf("the speech does not start with the recording (sample %d)", i)
		}
	}
}
