package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/install"
	"wegweiser/config"
	"wegweiser/status"
)

// statusCommand prints a kiosk's status:
//
//	wegweiser status [--data DIR] [--json]
//
// It reads the running kiosk's status.json; without one (the kiosk is not
// running) it gathers the status from the data folder itself.
func statusCommand(args []string, env Env) error {
	flags := newFlags("status")
	dataDir := flags.String("data", "", "data folder of the kiosk")
	asJSON := flags.Bool("json", false, "print status.json as it is")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("status takes no arguments")
	}
	dir, err := dataDirOrDefault(*dataDir)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, status.FileName)
	s, err := status.Read(path)
	running := err == nil
	if errors.Is(err, fs.ErrNotExist) {
		s = collectOffline(dir)
	} else if err != nil {
		return err
	}
	if *asJSON {
		if !running {
			return fmt.Errorf("%s does not exist: the kiosk has not run in this data folder", path)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		_, err = env.Stdout.Write(b)
		return err
	}
	printStatus(env, s, running, time.Now())
	return nil
}

// collectOffline gathers the status of a data folder whose kiosk is not
// running.
func collectOffline(dir string) status.Status {
	cfg, cfgErr := config.Load(dir)
	store := install.NewStore(dir, install.Trust{Catalog: cfg.Trust.Catalog, Keys: cfg.Trust.PublicKeys})
	src := status.Sources{DataDir: dir, Kiosk: cfg.KioskID, Started: time.Now(), Store: store, Printer: cfg.Printer,
		SyncURL: cfg.Sync.URL, ConfigProblem: cfgErr}
	if st, err := store.State(); err == nil && st.Current != nil {
		cur := *st.Current
		src.Catalog = func() catalog.Info { return catalog.Info{ID: cur.CatalogID, Version: cur.Version, Built: cur.Issued} }
	} else {
		src.Catalog = func() catalog.Info { return catalog.Info{ID: "(the built-in sample)", Sample: true} }
	}
	s := status.Collect(src, time.Now())
	s.UptimeSeconds = 0
	return s
}

func printStatus(env Env, s status.Status, running bool, now time.Time) {
	w := env.Stdout
	name := s.Kiosk
	if name == "" {
		name = "(no kiosk_id set)"
	}
	fmt.Fprintf(w, "kiosk:      %s\n", name)
	if running {
		fmt.Fprintf(w, "status of:  %s", stamp(s.Written))
		if age := now.Sub(s.Written); age > 2*status.Interval {
			fmt.Fprintf(w, " (%s ago: the kiosk does not seem to be running)", age.Round(time.Minute))
		}
		fmt.Fprintf(w, "\nprogram:    %s, up %s\n", s.Program, (time.Duration(s.UptimeSeconds) * time.Second).String())
	} else {
		fmt.Fprintf(w, "status of:  now, from the data folder (the kiosk has not written a status: it is not running)\n")
	}
	c := s.Catalog
	if c.Sample {
		fmt.Fprintf(w, "catalogue:  the built-in sample\n")
	} else {
		fmt.Fprintf(w, "catalogue:  %s version %d, issued %s", c.ID, c.Version, stamp(c.Issued))
		if !c.Expires.IsZero() {
			fmt.Fprintf(w, ", expires %s", stamp(c.Expires))
		}
		fmt.Fprintln(w)
	}
	if !s.LastInstall.At.IsZero() || s.LastInstall.Result != "" {
		fmt.Fprintf(w, "install:    %s: %s\n", stamp(s.LastInstall.At), s.LastInstall.Result)
	}
	if !s.LastSync.At.IsZero() {
		fmt.Fprintf(w, "sync:       %s: %s\n", stamp(s.LastSync.At), s.LastSync.Result)
	}
	if !s.InterfaceAlive.IsZero() {
		fmt.Fprintf(w, "screen:     last responded %s\n", stamp(s.InterfaceAlive))
	}
	fmt.Fprintf(w, "printer:    %s\n", s.Printer)
	if s.FreeDiskBytes > 0 {
		fmt.Fprintf(w, "free disk:  %d MB\n", s.FreeDiskBytes>>20)
	}
	var kinds []string
	for k := range s.Errors24h {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		fmt.Fprintf(w, "errors:     %d× %s (last 24 hours)\n", s.Errors24h[k], k)
	}
	if len(s.Problems) == 0 {
		fmt.Fprintln(w, "problems:   none")
	}
	for _, p := range s.Problems {
		fmt.Fprintf(w, "problem:    %s\n", p)
	}
}
