package speech

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
)

// Player plays sound through the system's player, a separate process
// (PipeWire's pw-play, PulseAudio's paplay, or ALSA's aplay, the first
// installed), so that the interface never waits for the sound and stopping
// it is ending the process. Audio for Go (oto) would need cgo and ALSA
// headers for one more thing the kiosk already has as a program.
type Player struct {
	program string // "" when none is installed
}

// NewPlayer finds the system's player.
func NewPlayer() *Player {
	for _, p := range []string{"pw-play", "paplay", "aplay"} {
		if path, err := exec.LookPath(p); err == nil {
			return &Player{program: path}
		}
	}
	return &Player{}
}

// Available reports whether a player is installed.
func (p *Player) Available() bool { return p != nil && p.program != "" }

// Play plays a WAV file's bytes and returns when it has finished, or at
// once when ctx ends (which stops the sound).
func (p *Player) Play(ctx context.Context, wav []byte) error {
	dir, err := os.MkdirTemp("", "wegweiser-speech-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "speech.wav")
	if err := os.WriteFile(path, wav, 0o600); err != nil {
		return err
	}
	args := []string{path}
	if filepath.Base(p.program) == "aplay" {
		args = []string{"-q", path}
	}
	cmd := exec.CommandContext(ctx, p.program, args...)
	if err := cmd.Run(); err != nil && ctx.Err() == nil {
		return err
	}
	return nil
}
