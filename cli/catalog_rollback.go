package cli

import (
	"fmt"

	"wegweiser/catalog/install"
)

func catalogRollback(args []string, env Env) error {
	flags := newFlags("catalog rollback")
	dataDir := flags.String("data", "", "data folder of the kiosk")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("catalog rollback takes no arguments")
	}
	dir, err := dataDirOrDefault(*dataDir)
	if err != nil {
		return err
	}
	from, to, err := install.NewStore(dir, install.Trust{}).Rollback()
	if err != nil {
		fmt.Fprintf(env.Stderr, "wegweiser: rollback refused: %v\nThe installed catalogue is unchanged.\n", err)
		return errRefused
	}
	fmt.Fprintf(env.Stdout, "went back from %s version %d to version %d; the kiosk shows it from the next visitor on\n", from.CatalogID, from.Version, to.Version)
	fmt.Fprintf(env.Stdout, "the sync will not install version %d again; a newer version, or one installed by hand, will be\n", from.Version)
	return nil
}
