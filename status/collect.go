package status

import (
	"context"
	"errors"
	"strings"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/install"
	"wegweiser/printout"
)

// Sources are where a running kiosk's status comes from.
type Sources struct {
	DataDir        string
	Kiosk          string
	Program        string
	Started        time.Time
	Store          *install.Store      // nil when the kiosk shows a given file
	Catalog        func() catalog.Info // the catalogue shown now
	InterfaceAlive func() time.Time    // when the interface last ran a task
	Printer        string              // kiosk.toml's printer
	SyncURL        string              // kiosk.toml's sync url
	Errors         func(time.Time) map[string]int
	ConfigProblem  error
}

// Collect gathers the status as of now.
func Collect(src Sources, now time.Time) Status {
	now = now.UTC().Truncate(time.Second)
	s := Status{Kiosk: src.Kiosk, Program: src.Program, Written: now, Started: src.Started.UTC().Truncate(time.Second),
		UptimeSeconds: int64(now.Sub(src.Started).Seconds()), Errors24h: map[string]int{}}
	if src.Catalog != nil {
		info := src.Catalog()
		s.Catalog = Catalog{ID: info.ID, Version: info.Version, Issued: info.Built.UTC(), Sample: info.Sample}
	}
	if src.Store != nil {
		if st, err := src.Store.State(); err == nil {
			if cur := st.Current; cur != nil && cur.CatalogID == s.Catalog.ID && cur.Version == s.Catalog.Version {
				s.Catalog.Issued, s.Catalog.Expires = cur.Issued.UTC(), cur.Expires.UTC()
			}
			s.LastInstall = Event{At: st.LastAttempt.UTC(), Result: st.LastResult}
		} else {
			s.LastInstall = Event{Result: err.Error()}
		}
		if src.SyncURL != "" {
			if ss, err := src.Store.SyncState(); err == nil {
				s.LastSync = Event{At: ss.LastAttempt.UTC(), Result: ss.LastResult}
			}
		}
	}
	if src.InterfaceAlive != nil {
		if t := src.InterfaceAlive(); !t.IsZero() {
			s.InterfaceAlive = t.UTC().Truncate(time.Second)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s.Printer = printout.PrinterState(ctx, src.Printer)
	s.FreeDiskBytes = freeDisk(src.DataDir)
	s.ClockBehind = !s.Catalog.Sample && !s.Catalog.Issued.IsZero() && now.Before(s.Catalog.Issued)
	if src.Errors != nil {
		s.Errors24h = src.Errors(now)
	}
	if src.ConfigProblem != nil {
		var msgs []string
		for _, l := range strings.Split(src.ConfigProblem.Error(), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				msgs = append(msgs, l)
			}
		}
		s.ConfigProblems = msgs
	}
	s.Problems = FindProblems(s)
	return s
}

// Interval is how often a running kiosk writes its status.
const Interval = 30 * time.Second

// UploadEvery is how often a kiosk with a report url sends its status.
const UploadEvery = 5 * time.Minute

// Outputs are where a running kiosk's status goes besides status.json.
type Outputs struct {
	MetricsFile string                 // node_exporter textfile; "" = none
	Uploader    *Uploader              // nil = no upload
	Stats       func() ([]byte, error) // the statistics export, for the upload
}

// Run writes the status (and the metrics file, and uploads) at once and
// then every interval, until ctx ends; failures go to errs without
// stopping it.
func Run(ctx context.Context, src Sources, interval time.Duration, out Outputs, errs func(error)) {
	var uploaded time.Time
	write := func() {
		now := time.Now()
		s := Collect(src, now)
		err := Write(src.DataDir, s)
		if out.MetricsFile != "" {
			err = errors.Join(err, WriteMetrics(out.MetricsFile, s))
		}
		if out.Uploader != nil && now.Sub(uploaded) >= UploadEvery && out.Uploader.Due(now) {
			if uerr := out.Uploader.Upload(ctx, s, out.Stats, now); uerr != nil {
				err = errors.Join(err, uerr)
			} else {
				uploaded = now
			}
		}
		if err != nil && errs != nil {
			errs(err)
		}
	}
	write()
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			write()
		}
	}
}
