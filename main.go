// Command wegweiser is the offline information kiosk for counselling offices
// that help migrants and refugees start a business in Germany, and the tool
// with which staff build, check and install its catalogues.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"wegweiser/assets"
	"wegweiser/catalog"
	"wegweiser/catalog/install"
	"wegweiser/cli"
	"wegweiser/config"
	"wegweiser/logging"
	"wegweiser/preview"
	"wegweiser/speech"
	"wegweiser/stats"
	"wegweiser/status"
	"wegweiser/ui"
	kiosktheme "wegweiser/ui/theme"
	"wegweiser/watchdog"
)

var started = time.Now()

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Kiosk: runKiosk}))
}

// kioskGCPercent is the kiosk's garbage collection target (Go's default is
// 100): a kiosk runs for days on a small machine, and a heap that grows to
// 1.5 times what is live instead of twice keeps it some 20 MB smaller with
// the national catalogue, for a little more collecting. GOGC overrides it.
const kioskGCPercent = 50

// runKiosk opens the visitor interface on the data folder's catalogue.
func runKiosk(opts cli.KioskOptions) int {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(kioskGCPercent)
	}
	// Read before the app starts: the interface scale is fixed then. Without
	// a scale setting Fyne scales from the screen's DPI.
	cfg, cfgErr := config.Load(opts.DataDir)
	if opts.District != "" {
		cfg.District = opts.District
	}
	if opts.Preview != "" {
		cfg.IdleReset = 24 * time.Hour // the author's screen does not start over
	}
	if cfg.Scale > 0 && os.Getenv("FYNE_SCALE") == "" {
		os.Setenv("FYNE_SCALE", strconv.FormatFloat(cfg.Scale, 'f', -1, 64))
	}
	a := app.NewWithID("de.wegweiser.kiosk")
	a.SetIcon(kiosktheme.AppIcon)
	w := a.NewWindow("Wegweiser")
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1280, 800))
	if opts.ProbeStartup {
		a.Lifecycle().SetOnStarted(func() {
			go fyne.Do(func() {
				w.Canvas().Capture() // a frame has been drawn once this returns
				fmt.Printf("first frame after %d ms\n", time.Since(started).Milliseconds())
				os.Exit(0) // not a.Quit: the probe measures, it need not close tidily
			})
		})
		if opts.Bare {
			w.ShowAndRun()
			return 0
		}
	}
	if opts.ProbeTaps && opts.Bare {
		a.Lifecycle().SetOnStarted(func() {
			go func() {
				time.Sleep(time.Second)
				for _, d := range ui.ProbeBareSwaps(w, 20) {
					fmt.Printf("bare swap %6.1f ms\n", float64(d.Microseconds())/1000)
				}
				fyne.Do(a.Quit)
			}()
		})
		w.ShowAndRun()
		return 0
	}

	if err := os.MkdirAll(opts.DataDir, 0o755); err != nil {
		fmt.Fprintf(os.Stderr, "wegweiser: cannot create the data folder: %v\n", err)
		return 1
	}
	logger, logFile, err := logging.Setup(opts.DataDir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "wegweiser: no log file: %v\n", err)
	} else {
		defer logFile.Close()
		slog.SetDefault(logger)
	}
	if cfgErr != nil { // the settings at fault use their defaults; staff see them
		slog.Error("kiosk.toml has problems; those settings use their defaults", "error", cfgErr)
		fmt.Fprintf(os.Stderr, "wegweiser: %v\n(those settings use their defaults)\n", cfgErr)
	} else if err := config.SaveLastGood(opts.DataDir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		slog.Warn("cannot keep a copy of the good kiosk.toml", "error", err)
	}
	counts, err := stats.Open(filepath.Join(opts.DataDir, stats.FileName))
	if err != nil {
		slog.Error("no statistics this run", "error", err)
	} else {
		defer counts.Close()
	}
	store := install.NewStore(opts.DataDir, install.Trust{Catalog: cfg.Trust.Catalog, Keys: cfg.Trust.PublicKeys})
	var cat *catalog.Catalog
	var path string
	var problem error
	if opts.Preview != "" { // the author's preview: the sample until the first build is on screen
		store = nil
		if path, err = install.CompiledSample(filepath.Join(opts.DataDir, "cache"), assets.SampleSource()); err == nil {
			cat, err = catalog.Open(path)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "wegweiser: %v\n", err)
			return 1
		}
	} else if opts.Catalog != "" {
		path, store = opts.Catalog, nil // a given file: no installs, no sync
		if cat, err = catalog.Open(path); err != nil {
			fmt.Fprintf(os.Stderr, "wegweiser: cannot open the catalogue %s: %v\n", path, err)
			return 1
		}
	} else {
		cat, path, problem = store.OpenForKiosk(assets.SampleSource(), filepath.Join(opts.DataDir, "cache"))
		if cat == nil {
			fmt.Fprintf(os.Stderr, "wegweiser: %v\n", problem)
			return 1
		}
		if problem != nil {
			slog.Error("start-up", "problem", problem)
		}
	}
	defer cat.Close()

	synth, err := speech.DetectSynth(cfg.Speech.Voices, cfg.Speech.Volume)
	if err != nil {
		slog.Warn("read aloud", "problem", err)
	}
	slog.Info("read aloud", "voices", strings.Join(synth.Languages(), " "))
	var src status.Sources // where the kiosk's status comes from, once the kiosk exists
	k := ui.New(a, w, ui.Options{Catalog: cat, CatalogPath: path, Store: store, Config: cfg, ConfigProblem: cfgErr, Quit: a.Quit, Stats: counts, StartupProblem: problem,
		PINGuard: config.OpenPINGuard(opts.DataDir), Voice: speech.Voice{Synth: synth}, Player: speech.NewPlayer(),
		Status: func() status.Status { return status.Collect(src, time.Now()) }})
	src = status.Sources{DataDir: opts.DataDir, Kiosk: cfg.KioskID, Program: a.Metadata().Version, Started: time.Now(),
		Store: store, Catalog: k.ShownCatalog, InterfaceAlive: k.Alive, Printer: cfg.Printer, SyncURL: cfg.Sync.URL,
		ConfigProblem: cfgErr}
	if logging.Errors != nil {
		src.Errors = logging.Errors.Last24h
	}
	if !opts.Windowed {
		w.SetFullScreen(true)
		w.SetCloseIntercept(func() {}) // only staff close a full-screen kiosk
	}
	stop := make(chan struct{})
	defer close(stop)
	k.StartTimers(stop)
	if opts.ProbeTaps {
		a.Lifecycle().SetOnStarted(func() {
			go func() {
				time.Sleep(2 * time.Second) // after the first frame and the warm-up
				steps, err := k.Tour(opts.Screenshots, opts.TourLangs)
				ui.WriteTourReport(os.Stdout, steps)
				if err != nil {
					fmt.Fprintf(os.Stderr, "wegweiser: %v\n", err)
				}
				fyne.Do(a.Quit)
			}()
		})
	}
	if opts.Preview != "" {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go preview.Watch(ctx, opts.Preview, opts.DataDir, 700*time.Millisecond, func(b preview.Build) {
			var c *catalog.Catalog
			if b.Path != "" {
				var err error
				if c, err = catalog.Open(b.Path); err != nil {
					b.Problems = append(b.Problems, err.Error())
				}
			}
			fyne.Do(func() { k.ShowPreview(c, b.Path, b.Problems) })
		})
	}
	if !opts.ProbeStartup && !opts.ProbeTaps && opts.Preview == "" {
		a.Lifecycle().SetOnStarted(func() { _ = watchdog.Ready() })
		go feedWatchdog(stop)
		if store != nil && cfg.Sync.URL != "" {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go store.SyncLoop(ctx, cfg.Sync.URL, cfg.Sync.Interval, func(r install.SyncResult, err error) {
				if err != nil {
					slog.Warn("catalogue update failed", "reason", install.Sentence(err))
					return
				}
				slog.Info("catalogue update", "result", r.String()) // shown from the next visitor session on
			})
		}
		// status.json (and the metrics file) for whoever looks after the kiosk.
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		outputs := status.Outputs{MetricsFile: cfg.Report.MetricsFile}
		if cfg.Report.URL != "" {
			outputs.Uploader = &status.Uploader{URL: cfg.Report.URL, Client: install.NewClient(install.DefaultTimeouts)}
			if counts != nil {
				outputs.Stats = func() ([]byte, error) {
					var b bytes.Buffer
					err := counts.ExportCSV(&b, time.Now())
					return b.Bytes(), err
				}
			}
		}
		go status.Run(ctx, src, status.Interval, outputs, func(err error) { slog.Warn("status not written or sent", "error", err) })
	}
	// systemctl stop (SIGTERM) and Ctrl-C end the kiosk as staff closing it
	// does: the statistics are written and systemd hears that it stops.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, os.Interrupt)
	go func() {
		s := <-signals
		slog.Info("stopping", "signal", s.String())
		fyne.Do(a.Quit)
	}()
	slog.Info("kiosk started", "catalogue", cat.Info().ID, "version", cat.Info().Version)
	w.ShowAndRun()
	_ = watchdog.Stopping()
	return 0
}

// feedWatchdog tells systemd that the interface is alive, from the
// interface's own goroutine: when it freezes, the pings stop and systemd
// restarts the kiosk.
func feedWatchdog(stop <-chan struct{}) {
	every, ok := watchdog.Interval()
	if !ok {
		return // not started by systemd with a watchdog
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
			fyne.Do(func() { _ = watchdog.Ping() })
		}
	}
}
