package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"

	"wegweiser/catalog/install"
	"wegweiser/config"
)

func catalogInstall(args []string, env Env) error {
	flags := newFlags("catalog install")
	dataDir := flags.String("data", "", "data folder of the kiosk")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("catalog install needs one bundle FILE")
	}
	store, _, err := openStore(*dataDir)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := store.Install(ctx, pos[0])
	if err != nil {
		fmt.Fprintf(env.Stderr, "wegweiser: %s: refused: %v\nThe installed catalogue is unchanged.\n", pos[0], err)
		return errRefused
	}
	m := res.Manifest
	switch {
	case !res.Installed:
		fmt.Fprintf(env.Stdout, "%s version %d is installed already; nothing to do\n", m.CatalogID, m.Version)
	case res.Replaced != 0:
		fmt.Fprintf(env.Stdout, "installed %s version %d (replacing version %d); the kiosk shows it from the next visitor on\n", m.CatalogID, m.Version, res.Replaced)
	default:
		fmt.Fprintf(env.Stdout, "installed %s version %d; the kiosk shows it from the next visitor on\n", m.CatalogID, m.Version)
	}
	return nil
}

// openStore opens the catalogue store of a data folder with the trust of
// its kiosk.toml. A kiosk.toml that cannot be read, or whose trust has an
// error or no key, is a refusal that says what to do.
func openStore(dataDir string) (*install.Store, config.Config, error) {
	dataDir, err := dataDirOrDefault(dataDir)
	if err != nil {
		return nil, config.Config{}, err
	}
	cfg, err := config.Load(dataDir)
	// A bad setting elsewhere in kiosk.toml does not stop an install; a
	// file that cannot be read, or a trust that cannot be used, does.
	if err != nil && (errors.Is(err, config.ErrUnreadable) || len(cfg.Trust.PublicKeys) == 0) {
		return nil, cfg, fmt.Errorf("%w (in %s; nothing was changed)", err, dataDir)
	}
	if len(cfg.Trust.PublicKeys) == 0 {
		return nil, cfg, fmt.Errorf("this kiosk trusts no signing key yet, so it installs nothing; add the coordinator's key with: wegweiser admin trust-key PUBLIC_KEY --catalog ID --data %s", dataDir)
	}
	return install.NewStore(dataDir, install.Trust{Catalog: cfg.Trust.Catalog, Keys: cfg.Trust.PublicKeys}), cfg, nil
}

// dataDirOrDefault returns dir, or the default data folder.
func dataDirOrDefault(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	return DefaultDataDir()
}
