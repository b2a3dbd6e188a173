package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"wegweiser/atomicfile"
	"wegweiser/stats"
)

// statsCommand runs "stats export [--data DIR] -o FILE.csv".
func statsCommand(args []string, env Env) error {
	if len(args) > 0 && args[0] == "merge" {
		return statsMerge(args[1:], env)
	}
	if len(args) == 0 || args[0] != "export" {
		return usagef("stats needs a sub-command: export or merge")
	}
	flags := newFlags("stats export")
	dataDir := flags.String("data", "", "data folder of a kiosk")
	out := flags.String("o", "", "CSV file to write, or - for standard output")
	pos, err := parse(flags, args[1:])
	if err != nil {
		return err
	}
	if *out == "" || len(pos) > 0 {
		return usagef("stats export needs -o FILE.csv and nothing else")
	}
	if *dataDir == "" {
		if *dataDir, err = DefaultDataDir(); err != nil {
			return err
		}
	}
	var csv bytes.Buffer
	if err := statsExportTo(&csv, filepath.Join(*dataDir, stats.FileName), env); err != nil {
		return err
	}
	if *out == "-" {
		_, err := env.Stdout.Write(csv.Bytes())
		return err
	}
	if err := statsWriteFile(*out, csv.Bytes()); err != nil {
		return err
	}
	rows := bytes.Count(csv.Bytes(), []byte("\n")) - 1
	fmt.Fprintf(env.Stdout, "%s: %d rows (closed days; day, kind, item, language; counts under %d added up as %q per day and kind, left out while that stays under %d)\n", *out, rows, stats.MinCount, stats.Other, stats.MinCount)
	return nil
}

// statsExportTo exports the statistics file at path; a kiosk that never
// counted anything has none, which gives just the header.
func statsExportTo(buf *bytes.Buffer, path string, env Env) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(env.Stderr, "no statistics recorded yet (%s does not exist)\n", path)
		buf.WriteString(strings.Join(stats.Header, ",") + "\n")
		return nil
	}
	return stats.ExportFile(buf, path, time.Now())
}

// statsWriteFile writes the export through a temporary file, so that a
// failed export never leaves half a file behind.
func statsWriteFile(name string, data []byte) error {
	return atomicfile.Write(name, data, 0o644)
}

// statsMerge runs "stats merge FILE... -o total.csv": it sums the exports
// of many kiosks and applies the small-count rule to the sums (so that
// small counts of several kiosks may add up to a row, and a row under the
// threshold never appears).
func statsMerge(args []string, env Env) error {
	flags := newFlags("stats merge")
	out := flags.String("o", "", "CSV file to write, or - for standard output")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if *out == "" || len(pos) == 0 {
		return usagef("stats merge needs export files and -o FILE.csv")
	}
	var all []stats.Row
	for _, name := range pos {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		rows, err := stats.ReadCSV(f, name)
		f.Close()
		if err != nil {
			return err
		}
		all = append(all, rows...)
	}
	var csv bytes.Buffer
	merged := stats.Suppress(all)
	if err := stats.WriteCSV(&csv, merged); err != nil {
		return err
	}
	if *out == "-" {
		_, err := env.Stdout.Write(csv.Bytes())
		return err
	}
	if err := statsWriteFile(*out, csv.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %d rows from %d files (counts under %d added up as %q per day and kind, after summing)\n", *out, len(merged), len(pos), stats.MinCount, stats.Other)
	return nil
}
