package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"wegweiser/catalog"
	"wegweiser/catalog/linkcheck"
	"wegweiser/catalog/source"
)

func catalogCheck(args []string, env Env) error {
	fs := newFlags("catalog check")
	strict := fs.Bool("strict", false, "fail on warnings too")
	coverage := fs.Bool("coverage", false, "print how much text is translated per language")
	stale := fs.Bool("stale", false, "list only the offers overdue for a recheck (recheck_after), as a work list")
	links := fs.Bool("links", false, "try every website address and report the dead ones")
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
	if *stale {
		n := 0
		for _, p := range problems {
			if p.Stale {
				fmt.Fprintln(env.Stdout, p)
				n++
			}
		}
		fmt.Fprintf(env.Stdout, "%d offers overdue for a recheck\n", n)
		return nil
	}
	printProblems(env.Stderr, problems)
	if *links {
		printDeadLinks(env.Stderr, pos[0])
	}
	if *coverage && problems.Errors() == 0 {
		printCoverage(env.Stdout, catalog.ComputeCoverage(content))
		printTranslationStatus(env.Stdout, source.Status(content, content.State))
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

// printDeadLinks tries every web address of the source and reports the
// dead ones with file and line, as warnings: a website that is down today
// does not stop a build.
func printDeadLinks(w io.Writer, dir string) {
	links := source.Links(os.DirFS(dir))
	results := linkcheck.Check(context.Background(), links, linkcheck.Options{})
	dead := 0
	for _, r := range results {
		if r.Dead() {
			dead++
			fmt.Fprintf(w, "%s:%d: warning: the website %s cannot be reached: %s\n", r.Path, r.Line, r.URL, r.Reason())
		}
	}
	fmt.Fprintf(w, "%d of %d website links are dead\n", dead, len(results))
}

// printTranslationStatus prints, per language, how many texts are up to
// date, outdated (the source text changed since), missing, or not tracked
// (translated before the source had a translation status).
func printTranslationStatus(w io.Writer, status []source.LangStatus) {
	fmt.Fprintf(w, "%-8s %-10s %-9s %-8s %s\n", "language", "up to date", "outdated", "missing", "not tracked")
	for _, s := range status {
		fmt.Fprintf(w, "%-8s %-10d %-9d %-8d %d\n", s.Lang, s.UpToDate, s.Outdated, s.Missing, s.Untracked)
	}
}
