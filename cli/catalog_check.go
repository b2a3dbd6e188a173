package cli

import (
	"fmt"
	"io"
	"os"

	"wegweiser/catalog"
	"wegweiser/catalog/source"
)

func catalogCheck(args []string, env Env) error {
	fs := newFlags("catalog check")
	strict := fs.Bool("strict", false, "fail on warnings too")
	coverage := fs.Bool("coverage", false, "print how much text is translated per language")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("catalog check needs one source folder")
	}
	content, problems, err := loadSource(pos[0])
	if err != nil {
		return err
	}
	printProblems(env.Stderr, problems)
	if *coverage && problems.Errors() == 0 {
		printCoverage(env.Stdout, catalog.ComputeCoverage(content))
	}
	if problems.Fail(*strict) {
		return errRefused
	}
	fmt.Fprintf(env.Stdout, "%s: %d districts, %d categories, %d offers, %d events, %d brochures; %d warnings\n",
		pos[0], len(content.Districts), len(content.Categories), len(content.Offers), len(content.Events), len(content.Brochures), problems.Warnings())
	return nil
}

// loadSource loads a source folder from disk.
func loadSource(dir string) (*catalog.Content, source.Problems, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot open the source folder %s: %w", dir, err)
	}
	if !info.IsDir() {
		return nil, nil, fmt.Errorf("%s is not a folder", dir)
	}
	content, problems := source.Load(os.DirFS(dir))
	return content, problems, nil
}

func printProblems(w io.Writer, problems source.Problems) {
	for _, p := range problems {
		fmt.Fprintln(w, p)
	}
	if n := problems.Errors(); n > 0 {
		fmt.Fprintf(w, "%d errors, %d warnings\n", n, problems.Warnings())
	}
}

func printCoverage(w io.Writer, cov []catalog.Coverage) {
	fmt.Fprintf(w, "%-8s %-20s %-20s %-6s %s\n", "language", "required texts", "optional texts", "all", "recorded")
	for _, c := range cov {
		fmt.Fprintf(w, "%-8s %-20s %-20s %5.1f%% %d\n", c.Lang,
			fmt.Sprintf("%d/%d", c.RequiredDone, c.RequiredTotal),
			fmt.Sprintf("%d/%d", c.OptionalDone, c.OptionalTotal), c.Percent(), c.Recorded)
	}
}
