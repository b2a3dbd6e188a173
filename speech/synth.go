package speech

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os/exec"
	"slices"
	"strings"
)

// Synth is the kiosk's speech synthesizer: espeak-ng, with one voice per
// language that it really has.
type Synth struct {
	program   string            // espeak-ng's path; "" when it is not installed
	voices    map[string]string // language → espeak-ng voice
	amplitude int               // espeak-ng -a, 0–200
}

// DefaultVolume is the volume without a setting: espeak-ng's own level.
const DefaultVolume = 1.0

// ErrNoVoice: a language has neither a recording nor a voice.
var ErrNoVoice = errors.New("no voice")

// DetectSynth finds espeak-ng and asks it which voices it has. configured
// maps a language to "espeak-ng:VOICE" (kiosk.toml [speech] voices); a
// language not configured uses espeak-ng's voice of the same name, when
// there is one. A configured voice espeak-ng does not have gives that
// language no voice, and is reported. volume scales espeak-ng's level
// (1.0 as it is, at most 2.0).
func DetectSynth(configured map[string]string, volume float64) (*Synth, error) {
	s := &Synth{voices: map[string]string{}, amplitude: int(math.Round(100 * min(max(volume, 0), 2)))}
	path, err := exec.LookPath("espeak-ng")
	if err != nil {
		return s, nil // no synthesizer: recordings only
	}
	out, err := exec.Command(path, "--voices").Output()
	if err != nil {
		return s, fmt.Errorf("espeak-ng --voices: %w", err)
	}
	s.program = path
	have := parseVoices(out)
	for lang := range have {
		s.voices[lang] = lang
	}
	// A language whose voices all name a region or script ("en-gb",
	// "en-us") gets the first of them, in order.
	var regional []string
	for lang := range have {
		if base, _, ok := strings.Cut(lang, "-"); ok && !have[base] {
			regional = append(regional, lang)
		}
	}
	slices.Sort(regional)
	for _, lang := range regional {
		base, _, _ := strings.Cut(lang, "-")
		if _, ok := s.voices[base]; !ok {
			s.voices[base] = lang
		}
	}
	var problems []error
	for lang, v := range configured {
		name, ok := strings.CutPrefix(v, "espeak-ng:")
		switch {
		case !ok:
			problems = append(problems, fmt.Errorf("speech voice %q for %s: only espeak-ng voices (espeak-ng:NAME) are supported", v, lang))
			delete(s.voices, lang)
		case !have[name]:
			problems = append(problems, fmt.Errorf("speech voice %q for %s: espeak-ng has no such voice", v, lang))
			delete(s.voices, lang)
		default:
			s.voices[lang] = name
		}
	}
	return s, errors.Join(problems...)
}

// parseVoices reads the language column of `espeak-ng --voices`.
func parseVoices(out []byte) map[string]bool {
	have := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[0] != "Pty" {
			have[f[1]] = true
		}
	}
	return have
}

// Has reports whether the synthesizer speaks lang.
func (s *Synth) Has(lang string) bool {
	if s == nil || s.program == "" {
		return false
	}
	_, ok := s.voices[lang]
	return ok
}

// Languages are the languages with a voice.
func (s *Synth) Languages() []string {
	var out []string
	if s == nil || s.program == "" {
		return nil
	}
	for l := range s.voices {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// WAV synthesizes text in lang as a WAV file (mono, 16-bit PCM).
func (s *Synth) WAV(ctx context.Context, lang, text string) ([]byte, error) {
	if !s.Has(lang) {
		return nil, fmt.Errorf("%w for %s", ErrNoVoice, lang)
	}
	cmd := exec.CommandContext(ctx, s.program, "--stdout", "-v", s.voices[lang], "-a", fmt.Sprint(s.amplitude), "-s", "150")
	cmd.Stdin = strings.NewReader(text)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("espeak-ng: %v %s", err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}
