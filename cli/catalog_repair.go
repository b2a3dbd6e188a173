package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"wegweiser/catalog/install"
)

// catalogRepair makes the record of the installed catalogues sound again
// (a damaged state.json, a damaged catalogue file, a time floor set in the
// future by a wrong clock), without a bundle and without the network.
func catalogRepair(args []string, env Env) error {
	flags := newFlags("catalog repair")
	dataDir := flags.String("data", "", "data folder of the kiosk")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("catalog repair takes no arguments")
	}
	store, _, err := openStore(*dataDir)
	if err != nil {
		// Without a usable kiosk.toml the repair still works; it only
		// cannot tell this kiosk's catalogue from another one's.
		dir, derr := dataDirOrDefault(*dataDir)
		if derr != nil {
			return derr
		}
		fmt.Fprintf(env.Stderr, "wegweiser: note: %v\n", err)
		store = install.NewStore(dir, install.Trust{})
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, err := store.Repair(ctx)
	if err != nil {
		fmt.Fprintf(env.Stderr, "wegweiser: repair failed: %v\nNothing was changed.\n", err)
		return errRefused
	}
	if !rep.Changed {
		fmt.Fprintln(env.Stdout, "nothing to repair: the record of the installed catalogues and their files are sound")
		return nil
	}
	for _, f := range rep.Findings {
		fmt.Fprintf(env.Stdout, "- %s\n", f)
	}
	if rep.Current != nil {
		fmt.Fprintf(env.Stdout, "repaired: the kiosk shows %s version %d from the next visitor on\n", rep.Current.CatalogID, rep.Current.Version)
	} else {
		fmt.Fprintln(env.Stdout, "repaired: the kiosk shows the built-in sample until a catalogue is installed")
	}
	return nil
}
