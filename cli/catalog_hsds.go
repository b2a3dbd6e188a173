package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"wegweiser/atomicfile"
	"wegweiser/catalog/hsds"
	"wegweiser/catalog/importcsv"
	"wegweiser/catalog/source"
)

// catalogExportHSDS runs "catalog export-hsds SRC -o DIR".
func catalogExportHSDS(args []string, env Env) error {
	flags := newFlags("catalog export-hsds")
	out := flags.String("o", "", "the folder to write the HSDS files into")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return usagef("catalog export-hsds needs one source folder and -o DIR")
	}
	content, problems, err := loadSource(pos[0])
	if err != nil {
		return err
	}
	if problems.Errors() > 0 {
		printProblems(env.Stderr, problems)
		return errRefused
	}
	services, orgs := hsds.Services(content, time.Now())
	if err := hsds.Write(*out, services, orgs); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %d services, %d organizations (HSDS 3, texts in %s)\n", *out, len(services), len(orgs), content.Meta.SourceLanguage)
	return nil
}

// catalogImportHSDS runs "catalog import-hsds DIR --into SRC": the services
// become SRC/offers/imported-hsds.toml (replaced by a later import), checked
// as catalog check would; what cannot be mapped is named.
func catalogImportHSDS(args []string, env Env) error {
	flags := newFlags("catalog import-hsds")
	into := flags.String("into", "", "the source folder to put the offers in")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *into == "" {
		return usagef("catalog import-hsds needs one HSDS folder and --into SRC")
	}
	content, problems, err := loadSource(*into)
	if err != nil {
		return err
	}
	services, err := hsds.ReadServices(pos[0])
	if err != nil {
		return err
	}
	src := content.Meta.SourceLanguage
	offers, unmapped := hsds.Offers(services, src)
	for _, u := range unmapped {
		fmt.Fprintf(env.Stderr, "%s: not mapped: %s\n", pos[0], u)
	}
	name := filepath.Join("offers", "imported-hsds.toml")
	from := make([]string, len(offers))
	for i, s := range services {
		from[i] = "HSDS service " + s.ID
	}
	toml := importcsv.OffersTOML([]string{"Offers imported from the HSDS folder " + pos[0] + " by wegweiser catalog import-hsds.",
		"The next import replaces this file."}, offers, from, src, content.Meta.Languages)
	// Checked with the folder as catalog check would, before anything is written.
	_, after := source.Load(source.WithFiles(os.DirFS(*into), map[string][]byte{filepath.ToSlash(name): toml}))
	var own []string
	for _, p := range after {
		if p.Severity == source.Error && !containsProblem(problems, p) {
			own = append(own, p.String())
		}
	}
	if len(own) > 0 {
		fmt.Fprintln(env.Stderr, strings.Join(own, "\n"))
		fmt.Fprintf(env.Stderr, "wegweiser: the imported offers do not fit %s; nothing was written\n", *into)
		return errRefused
	}
	path := filepath.Join(*into, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := atomicfile.Write(path, toml, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %d offers from %s\n", path, len(offers), pos[0])
	return nil
}

func containsProblem(ps source.Problems, p source.Problem) bool {
	for _, q := range ps {
		if q.String() == p.String() {
			return true
		}
	}
	return false
}
