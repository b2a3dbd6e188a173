package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"wegweiser/assets"
	"wegweiser/catalog"
	"wegweiser/catalog/install"
	"wegweiser/config"
)

func search(args []string, env Env) error {
	flags := newFlags("search")
	dataDir := flags.String("data", "", "data folder of a kiosk")
	src := flags.String("source", "", "search a source folder, compiled on the fly")
	lang := flags.String("lang", "", "the visitor's language")
	district := flags.String("district", "", "district id (default: the kiosk's)")
	category := flags.String("category", "", "only this category")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if *lang == "" {
		return usagef("search needs --lang")
	}
	if *dataDir != "" && *src != "" {
		return usagef("give --data or --source, not both")
	}
	if !catalog.ValidLanguageCode(*lang) {
		return usagef("--lang '%s' is not a language code such as de or ar", *lang)
	}
	var c *catalog.Catalog
	if *src != "" {
		c, err = compileSource(*src, env)
	} else {
		c, err = openData(*dataDir, district)
	}
	if err != nil {
		return err
	}
	defer c.Close()

	f := catalog.Filter{District: *district, Category: *category, Now: time.Now()}
	view := c.In(*lang)
	var hits []catalog.Hit
	if query := strings.Join(pos, " "); strings.TrimSpace(query) != "" {
		hits, err = view.Search(query, f)
	} else {
		hits, err = view.List(f)
	}
	if err != nil {
		return err
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	for _, h := range hits {
		line := struct {
			ID    string `json:"id"`
			Kind  string `json:"kind"`
			Title string `json:"title"`
			Lang  string `json:"lang"`
		}{h.ID, string(h.Kind), h.Title.Text, h.Title.Lang}
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	return nil
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
	cfg, err := config.Load(dataDir)
	if err == nil && cfg.District != "" {
		return cfg.District
	}
	if ds, err := c.In(c.Info().SourceLanguage).Districts(); err == nil && len(ds) > 0 {
		return ds[0].ID
	}
	return ""
}
