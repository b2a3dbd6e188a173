package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
)

func syncCommand(args []string, env Env) error {
	flags := newFlags("sync")
	dataDir := flags.String("data", "", "data folder of the kiosk")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("sync takes no arguments")
	}
	store, cfg, err := openStore(*dataDir)
	if err != nil {
		return err
	}
	if cfg.Sync.URL == "" {
		return fmt.Errorf("kiosk.toml has no [sync] url, so there is nothing to sync from")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := store.Sync(ctx, cfg.Sync.URL, cfg.Sync.Interval)
	if err != nil {
		fmt.Fprintf(env.Stderr, "wegweiser: sync from %s: %v\nThe installed catalogue is unchanged. The kiosk tries again at %s.\n", cfg.Sync.URL, err, stamp(res.Next))
		return errRefused
	}
	fmt.Fprintf(env.Stdout, "sync from %s: %s\n", cfg.Sync.URL, res)
	return nil
}
