package cli

import (
	"encoding/json"
	"strings"
	"time"

	"wegweiser/catalog"
)

// search answers a query as a kiosk does, one JSON line per hit, best
// first (without a query: what the kiosk lists):
//
//	wegweiser search [--data DIR | --source SRC] --lang L [--district D] [--category C] QUERY...
func search(args []string, env Env) error {
	flags := newFlags("search")
	choice := addCatalogueChoice(flags, "search")
	category := flags.String("category", "", "only this category")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if err := choice.check(); err != nil {
		return err
	}
	c, err := choice.open(env)
	if err != nil {
		return err
	}
	defer c.Close()

	f := catalog.Filter{District: *choice.district, Category: *category, Now: time.Now()}
	view := c.In(*choice.lang)
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
