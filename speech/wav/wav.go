// Package wav reads and writes WAV files of 16-bit PCM sound, mono: the
// recordings of a catalogue and what the speech synthesizer says. It has
// no other dependency, so that the catalogue's source loader can check
// recordings with it.
package wav

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"
)

// Audio is 16-bit PCM sound, mono.
type Audio struct {
	Rate    int     // samples per second
	Samples []int16 // mono
}

// ErrNotWAV: a file is not a WAV of 16-bit PCM.
var ErrNotWAV = errors.New("not a WAV file of 16-bit PCM sound")

// Read reads a RIFF WAVE file of 16-bit PCM, mono or stereo (mixed down
// to mono). A data chunk whose size runs past the end (espeak-ng writes
// such a size to standard output) ends with the file.
func Read(b []byte) (Audio, error) {
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return Audio{}, ErrNotWAV
	}
	var channels, bits int
	rate := 0
	for p := 12; p+8 <= len(b); {
		id, size := string(b[p:p+4]), int(binary.LittleEndian.Uint32(b[p+4:p+8]))
		body := b[p+8:]
		if size < 0 || size > len(body) {
			size = len(body)
		}
		switch id {
		case "fmt ":
			if size < 16 {
				return Audio{}, ErrNotWAV
			}
			format := binary.LittleEndian.Uint16(body[0:2])
			channels = int(binary.LittleEndian.Uint16(body[2:4]))
			rate = int(binary.LittleEndian.Uint32(body[4:8]))
			bits = int(binary.LittleEndian.Uint16(body[14:16]))
			if (format != 1 && format != 0xFFFE) || bits != 16 || channels < 1 || channels > 2 || rate < 4000 || rate > 192000 {
				return Audio{}, fmt.Errorf("%w (format %d, %d bits, %d channels, %d Hz)", ErrNotWAV, format, bits, channels, rate)
			}
		case "data":
			if rate == 0 {
				return Audio{}, ErrNotWAV
			}
			frames := size / (2 * channels)
			a := Audio{Rate: rate, Samples: make([]int16, frames)}
			for i := range frames {
				sum := 0
				for c := range channels {
					sum += int(int16(binary.LittleEndian.Uint16(body[(i*channels+c)*2:])))
				}
				a.Samples[i] = int16(sum / channels)
			}
			return a, nil
		}
		p += 8 + size + size%2
	}
	return Audio{}, ErrNotWAV
}

// Duration is how long the sound plays.
func (a Audio) Duration() time.Duration {
	if a.Rate == 0 {
		return 0
	}
	return time.Duration(len(a.Samples)) * time.Second / time.Duration(a.Rate)
}

// RMS is the root mean square of the samples, 0 to 32768: how loud.
func (a Audio) RMS() float64 {
	if len(a.Samples) == 0 {
		return 0
	}
	sum := 0.0
	for _, s := range a.Samples {
		sum += float64(s) * float64(s)
	}
	return math.Sqrt(sum / float64(len(a.Samples)))
}

// Append adds b after a, resampled to a's rate (linear interpolation:
// speech needs no better), with a pause of gap between them.
func (a Audio) Append(b Audio, gap time.Duration) Audio {
	if a.Rate == 0 {
		a.Rate = b.Rate
	}
	a.Samples = append(a.Samples, make([]int16, int(gap.Seconds()*float64(a.Rate)))...)
	if b.Rate == a.Rate {
		a.Samples = append(a.Samples, b.Samples...)
		return a
	}
	n := int(float64(len(b.Samples)) * float64(a.Rate) / float64(b.Rate))
	for i := range n {
		pos := float64(i) * float64(b.Rate) / float64(a.Rate)
		j := int(pos)
		frac := pos - float64(j)
		s0 := float64(b.Samples[min(j, len(b.Samples)-1)])
		s1 := float64(b.Samples[min(j+1, len(b.Samples)-1)])
		a.Samples = append(a.Samples, int16(s0+(s1-s0)*frac))
	}
	return a
}

// Bytes writes the sound as a RIFF WAVE file.
func (a Audio) Bytes() []byte {
	var b bytes.Buffer
	data := len(a.Samples) * 2
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(36+data))
	b.WriteString("WAVEfmt ")
	for _, v := range []any{uint32(16), uint16(1), uint16(1), uint32(a.Rate), uint32(a.Rate * 2), uint16(2), uint16(16)} {
		binary.Write(&b, binary.LittleEndian, v)
	}
	b.WriteString("data")
	binary.Write(&b, binary.LittleEndian, uint32(data))
	binary.Write(&b, binary.LittleEndian, a.Samples)
	return b.Bytes()
}
