// Package status is what a kiosk reports about itself, for the coordinator
// who runs many of them: status.json in the data folder (replaced
// atomically), the same facts as Prometheus gauges for node_exporter's
// textfile collector, and the reading of many kiosks' reports into one
// overview (fleet report). No visitor data is ever part of it.
package status

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"wegweiser/atomicfile"
)

// FileName is the status file in a data folder.
const FileName = "status.json"

// Status is a kiosk's state at one moment.
type Status struct {
	Kiosk          string         `json:"kiosk"`           // kiosk_id from kiosk.toml; "" when not set
	Program        string         `json:"program_version"` // the program's version
	Written        time.Time      `json:"written"`         // when this was written
	Started        time.Time      `json:"started"`
	UptimeSeconds  int64          `json:"uptime_seconds"`
	Catalog        Catalog        `json:"catalog"`
	LastInstall    Event          `json:"last_install"`    // the last install or rollback, from USB or by hand
	LastSync       Event          `json:"last_sync"`       // the last network sync; zero when none is set up
	InterfaceAlive time.Time      `json:"interface_alive"` // the interface last ran a task (it is not frozen)
	Printer        string         `json:"printer"`         // the printer's state in CUPS's words, "none", or why it is unknown
	FreeDiskBytes  uint64         `json:"free_disk_bytes"` // in the data folder
	ClockBehind    bool           `json:"clock_behind"`    // the clock is earlier than the catalogue's issue date
	Errors24h      map[string]int `json:"errors_24h"`      // errors logged in the last 24 hours, by message
	Problems       []string       `json:"problems"`        // what a coordinator should look at, in words
	ConfigProblems []string       `json:"config_problems"` // kiosk.toml settings that use their defaults
}

// Catalog is the catalogue a kiosk shows.
type Catalog struct {
	ID      string    `json:"id"`
	Version int64     `json:"version"`
	Issued  time.Time `json:"issued"`
	Expires time.Time `json:"expires"` // zero for the sample
	Sample  bool      `json:"sample"`  // the built-in sample: nothing installed
}

// Event is an attempt and its outcome.
type Event struct {
	At     time.Time `json:"at"`
	Result string    `json:"result"`
}

// Write replaces dataDir/status.json with s, atomically.
func Write(dataDir string, s Status) error {
	b, err := jsonOf(s)
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dataDir, FileName), b, 0o644)
}

func jsonOf(s Status) ([]byte, error) {
	b, err := json.MarshalIndent(s, "", "  ")
	return append(b, '\n'), err
}

// Read reads a status file.
func Read(path string) (Status, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Status{}, err
	}
	var s Status
	if err := json.Unmarshal(b, &s); err != nil {
		return Status{}, fmt.Errorf("%s is not a kiosk's status: %w", path, err)
	}
	return s, nil
}

// Thresholds of the problems a status names.
const (
	LowDisk        = 200 << 20 // bytes free in the data folder
	FrozenAfter    = 5 * time.Minute
	ExpiringWithin = 30 * 24 * time.Hour
)

// FindProblems names what a coordinator should look at, as of s.Written.
func FindProblems(s Status) []string {
	var out []string
	at := s.Written
	switch {
	case s.Catalog.Sample:
		out = append(out, "shows the built-in sample: no catalogue installed")
	case !s.Catalog.Expires.IsZero() && !at.Before(s.Catalog.Expires):
		out = append(out, "the catalogue expired on "+s.Catalog.Expires.Format("2006-01-02"))
	case !s.Catalog.Expires.IsZero() && s.Catalog.Expires.Sub(at) < ExpiringWithin:
		out = append(out, "the catalogue expires on "+s.Catalog.Expires.Format("2006-01-02"))
	}
	if s.ClockBehind {
		out = append(out, "the clock is behind: it is earlier than the catalogue's issue date")
	}
	if !s.InterfaceAlive.IsZero() && at.Sub(s.InterfaceAlive) > FrozenAfter {
		out = append(out, "the screen has not responded since "+s.InterfaceAlive.Format("2006-01-02 15:04"))
	}
	if s.FreeDiskBytes > 0 && s.FreeDiskBytes < LowDisk {
		out = append(out, fmt.Sprintf("little disk space left (%d MB)", s.FreeDiskBytes>>20))
	}
	n := 0
	for _, c := range s.Errors24h {
		n += c
	}
	if n > 0 {
		out = append(out, fmt.Sprintf("%d errors in the last 24 hours", n))
	}
	if len(s.ConfigProblems) > 0 {
		out = append(out, fmt.Sprintf("%d settings in kiosk.toml are wrong", len(s.ConfigProblems)))
	}
	return out
}
