package cli

import (
	"fmt"

	"wegweiser/catalog/importcsv"
)

// catalogImportCSV runs "catalog import-csv FILE.csv --into SRC".
func catalogImportCSV(args []string, env Env) error {
	flags := newFlags("catalog import-csv")
	into := flags.String("into", "", "the source folder to put the offers in")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *into == "" {
		return usagef("catalog import-csv needs one FILE.csv and --into SRC")
	}
	rep, err := importcsv.Import(pos[0], *into)
	if err != nil {
		return err
	}
	for _, p := range rep.Problems {
		fmt.Fprintln(env.Stderr, p)
	}
	if n := rep.Problems.Errors(); n > 0 {
		fmt.Fprintf(env.Stderr, "%d errors, %d warnings; nothing was written\n", n, len(rep.Problems)-n)
		return errRefused
	}
	fmt.Fprintf(env.Stdout, "%s: %d offers from %s (%s, separated by '%c')\n", rep.Written, rep.Offers, pos[0], rep.Encoding, rep.Separator)
	if rep.SourceErrors > 0 {
		fmt.Fprintf(env.Stdout, "%s has %d errors of its own; run: wegweiser catalog check %s\n", *into, rep.SourceErrors, *into)
	}
	return nil
}
