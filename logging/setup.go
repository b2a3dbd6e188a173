package logging

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
)

// The log's place and size: DIR/logs/wegweiser.log and up to four older
// files beside it, each at most 1 MiB.
const (
	DirName  = "logs"
	FileName = "wegweiser.log"
	MaxSize  = 1 << 20
	Keep     = 5
)

// Setup opens the log of the data folder dataDir and returns a logger that
// writes to it (level Info and above), counting its errors (Errors), and
// the closer of its file.
func Setup(dataDir string) (*slog.Logger, io.Closer, error) {
	dir := filepath.Join(dataDir, DirName)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, err
	}
	w, err := OpenRotating(filepath.Join(dir, FileName), MaxSize, Keep)
	if err != nil {
		return nil, nil, err
	}
	Errors = CountErrors(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
	return slog.New(Errors), w, nil
}

// Errors counts the errors of the log Setup opened last; nil before.
var Errors *ErrorCounter
