package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"wegweiser/assets"
	"wegweiser/catalog"
	"wegweiser/catalog/install"
	"wegweiser/config"
)

// catalogueChoice is what the commands that show a catalogue as a kiosk
// does (search, sheet) are told about it: a kiosk's data folder or a source
// folder, the visitor's language and the district.
type catalogueChoice struct {
	command                      string
	data, source, lang, district *string
}

// addCatalogueChoice defines the flags --data, --source, --lang and
// --district of a command.
func addCatalogueChoice(flags *flag.FlagSet, command string) catalogueChoice {
	return catalogueChoice{
		command:  command,
		data:     flags.String("data", "", "data folder of a kiosk"),
		source:   flags.String("source", "", "a source folder, compiled on the fly"),
		lang:     flags.String("lang", "", "the visitor's language"),
		district: flags.String("district", "", "district id (default: the kiosk's)"),
	}
}

// check says what is wrong with the flags given, if anything.
func (cc catalogueChoice) check() error {
	switch {
	case *cc.lang == "":
		return usagef("%s needs --lang", cc.command)
	case !catalog.ValidLanguageCode(*cc.lang):
		return usagef("--lang '%s' is not a language code such as de or ar", *cc.lang)
	case *cc.data != "" && *cc.source != "":
		return usagef("give --data or --source, not both")
	}
	return nil
}

// open opens the chosen catalogue: the source folder compiled, or the
// kiosk's (the sample while none is installed). Without --district it
// fills in the kiosk's; a district given must be in the catalogue.
func (cc catalogueChoice) open(env Env) (*catalog.Catalog, error) {
	given := *cc.district
	var c *catalog.Catalog
	var err error
	if *cc.source != "" {
		c, err = compileSource(*cc.source, env)
	} else {
		c, err = openData(*cc.data, cc.district)
	}
	if err != nil || given == "" {
		return c, err
	}
	ds, err := c.In(*cc.lang).Districts()
	if err != nil {
		c.Close()
		return nil, err
	}
	for _, d := range ds {
		if d.ID == given {
			return c, nil
		}
	}
	c.Close()
	return nil, fmt.Errorf("no district '%s' in the catalogue", given)
}

// compileSource checks and compiles a source folder into a temporary file
// and opens it.
func compileSource(dir string, env Env) (*catalog.Catalog, error) {
	content, problems, err := loadSource(dir)
	if err != nil {
		return nil, err
	}
	if problems.Errors() > 0 {
		printProblems(env.Stderr, problems)
		return nil, errRefused
	}
	tmp, err := os.MkdirTemp("", "wegweiser-source-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp) // an open SQLite file may be unlinked on Unix; on Windows removal fails harmlessly
	path := filepath.Join(tmp, "catalog.sqlite")
	if err := catalog.Compile(content, path, catalog.BuildInfo{Version: 1, Built: time.Now()}); err != nil {
		return nil, err
	}
	return catalog.Open(path)
}

// openData opens a kiosk's catalogue (the sample while none is installed)
// and fills in the kiosk's district when none was given.
func openData(dataDir string, district *string) (*catalog.Catalog, error) {
	if dataDir == "" {
		var err error
		if dataDir, err = DefaultDataDir(); err != nil {
			return nil, err
		}
	}
	c, _, err := install.Open(dataDir, assets.SampleSource())
	if err != nil {
		return nil, fmt.Errorf("cannot open the catalogue: %w", err)
	}
	if *district == "" {
		*district = kioskDistrict(dataDir, c)
	}
	return c, nil
}

// kioskDistrict is the district of dataDir's kiosk.toml, or the catalogue's
// first district.
func kioskDistrict(dataDir string, c *catalog.Catalog) string {
	cfg, _ := config.Load(dataDir) // a bad district is left out; the rest applies
	if cfg.District != "" {
		return cfg.District
	}
	if ds, err := c.In(c.Info().SourceLanguage).Districts(); err == nil && len(ds) > 0 {
		return ds[0].ID
	}
	return ""
}
