package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"wegweiser/assets"
	"wegweiser/catalog"
	"wegweiser/catalog/install"
	"wegweiser/config"
)

func catalogInfo(args []string, env Env) error {
	flags := newFlags("catalog info")
	dataDir := flags.String("data", "", "data folder of the kiosk")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("catalog info takes no arguments")
	}
	dir, err := dataDirOrDefault(*dataDir)
	if err != nil {
		return err
	}
	// The same fallbacks as the kiosk: a damaged install still shows what
	// the kiosk shows, and says what is wrong.
	store := install.NewStore(dir, install.Trust{})
	c, path, problem := store.OpenForKiosk(assets.SampleSource(), filepath.Join(dir, "cache"))
	if c == nil {
		return fmt.Errorf("cannot open the catalogue: %w", problem)
	}
	defer c.Close()
	w := env.Stdout
	st, stErr := store.State()
	if stErr != nil {
		fmt.Fprintf(w, "problem:    %v\n            `wegweiser catalog repair` rebuilds the record from the catalogue files\n", stErr)
	} else if problem != nil {
		fmt.Fprintf(w, "problem:    %v\n            `wegweiser catalog repair` updates the record; or install the catalogue again\n", problem)
	}
	info := c.Info()
	fmt.Fprintf(w, "catalogue:  %s (%s)\n", info.ID, info.Title[info.SourceLanguage])
	showing := st.Current
	if showing != nil && path != store.CatalogPath(*showing) {
		showing = st.Previous
		if showing != nil && path != store.CatalogPath(*showing) {
			showing = nil
		}
	}
	if showing == nil {
		fmt.Fprintf(w, "            the built-in sample catalogue: no catalogue is installed or none opens\n")
		fmt.Fprintf(w, "version:    %d\nbuilt:      %s\nexpires:    never (the sample is part of the program)\n", info.Version, stamp(info.Built))
	} else {
		cur := showing
		fmt.Fprintf(w, "version:    %d\nissued:     %s\nexpires:    %s\ninstalled:  %s\n", cur.Version, stamp(cur.Issued), stamp(cur.Expires), stamp(cur.Installed))
		if !time.Now().Before(cur.Expires) {
			fmt.Fprintf(w, "            it has expired: the kiosk keeps showing it until a newer one is installed\n")
		}
		if p := st.Previous; p != nil && p != showing {
			fmt.Fprintf(w, "previous:   version %d, issued %s (catalog rollback goes back to it)\n", p.Version, stamp(p.Issued))
		}
	}
	fmt.Fprintf(w, "districts:  %d\ncategories: %d\noffers:     %d\nevents:     %d\nbrochures:  %d\n",
		info.Districts, info.Categories, info.Offers, info.Events, info.Brochures)
	fmt.Fprintln(w, "translation coverage:")
	printCoverage(w, info.Coverage)
	if !st.LastAttempt.IsZero() {
		fmt.Fprintf(w, "last install or rollback: %s: %s\n", stamp(st.LastAttempt), st.LastResult)
	}
	cfg, err := config.Load(dir)
	if err != nil { // every problem of kiosk.toml with its line; good settings still apply
		fmt.Fprintf(w, "kiosk.toml: problems (the settings named use their defaults):\n")
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(w, "            %s\n", line)
		}
	}
	printSyncState(w, cfg, store)
	return nil
}

// printSyncState adds what the network sync last did, if it is set up.
func printSyncState(w io.Writer, cfg config.Config, store *install.Store) {
	if cfg.Sync.URL == "" {
		return
	}
	ss, err := store.SyncState()
	if err != nil || ss.LastAttempt.IsZero() || ss.URL != cfg.Sync.URL {
		fmt.Fprintf(w, "sync:       from %s, not tried yet\n", cfg.Sync.URL)
		return
	}
	fmt.Fprintf(w, "sync:       from %s\n            last %s: %s\n            next %s\n", cfg.Sync.URL, stamp(ss.LastAttempt), ss.LastResult, stamp(ss.NextAttempt))
}

// stamp writes a time for staff, in the kiosk's local time.
func stamp(t time.Time) string {
	return t.In(catalog.Berlin).Format("2006-01-02 15:04 MST")
}
