package catalog

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Hit is one search result.
type Hit struct {
	Kind  Kind
	ID    string
	Title Localized
}

// Filter narrows a search or a listing to what a kiosk shows.
type Filter struct {
	District string
	Category string    // "" for all; events and brochures without a category are left out when set
	Now      time.Time // offers valid on its day, events not yet over
}

// maxHits bounds the results of one search.
const maxHits = 200

// Search finds offers, events and brochures for a query typed by a visitor,
// best first: matches in titles before summaries before the rest. Words of
// three letters or more match anywhere, also inside compound words and
// without diacritics ("grundung" finds "Existenzgründung"); shorter input
// matches the beginnings of title words, as while typing. The visitor's
// language is searched first; when it finds nothing, the catalogue's
// fallback and source languages and the items' tags are. (Tags, which may be
// in any language, count as the source language's.)
func (v View) Search(query string, f Filter) ([]Hit, error) {
	match, table := searchExpression(query)
	if match == "" {
		return nil, nil
	}
	visible, err := v.c.visibleItems(f)
	if err != nil {
		return nil, err
	}
	first := []string{v.Lang}
	if v.Lang == v.c.info.SourceLanguage {
		first = append(first, anyLanguage)
	}
	hits, err := v.searchIn(table, match, first, visible)
	if err != nil || len(hits) > 0 {
		return hits, err
	}
	return v.searchIn(table, match, append(v.chain[1:], anyLanguage), visible)
}

func (v View) searchIn(table, match string, langs []string, visible map[itemKey]bool) ([]Hit, error) {
	rank := "bm25(search, 100.0, 10.0, 1.0)"
	if table == "search_prefix" {
		rank = "bm25(search_prefix)"
	}
	// MATERIALIZED keeps the ranking function next to its MATCH, where FTS5 can compute it.
	q := `WITH s AS MATERIALIZED (SELECT rowid, ` + rank + ` AS rank FROM ` + table + ` WHERE ` + table + ` MATCH ?)
		SELECT d.kind, d.item, min(s.rank) AS r FROM s JOIN search_doc d ON d.rowid = s.rowid
		WHERE d.lang IN (` + placeholders(len(langs)) + `)
		GROUP BY d.kind, d.item ORDER BY r, d.item`
	rows, err := v.c.db.Query(q, append([]any{match}, stringArgs(langs)...)...)
	if err != nil {
		return nil, err
	}
	var keys []int64
	var kinds []Kind
	for rows.Next() {
		var kind string
		var key int64
		var r float64
		if err := rows.Scan(&kind, &key, &r); err != nil {
			rows.Close()
			return nil, err
		}
		if !visible[itemKey{Kind(kind), key}] {
			continue
		}
		keys = append(keys, key)
		kinds = append(kinds, Kind(kind))
		if len(keys) == maxHits {
			break
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return v.hits(kinds, keys)
}

// hits resolves the ids and titles of items.
func (v View) hits(kinds []Kind, keys []int64) ([]Hit, error) {
	texts, err := v.c.texts(keys, v.chain)
	if err != nil {
		return nil, err
	}
	ids, err := v.c.ids(keys)
	if err != nil {
		return nil, err
	}
	out := make([]Hit, len(keys))
	for i, k := range keys {
		out[i] = Hit{Kind: kinds[i], ID: ids[k], Title: v.Resolve(texts[k]["title"])}
	}
	return out, nil
}

// ids maps item keys of any kind to their ids.
func (c *Catalog) ids(keys []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	in := placeholders(len(keys))
	rows, err := c.db.Query(`SELECT key, id FROM offer WHERE key IN (`+in+`)
		UNION ALL SELECT key, id FROM event WHERE key IN (`+in+`)
		UNION ALL SELECT key, id FROM brochure WHERE key IN (`+in+`)`, append(append(args, args...), args...)...)
	if err != nil {
		return nil, err
	}
	ks, ids, err := scanKeysAndIDs(rows)
	for i, k := range ks {
		out[k] = ids[i]
	}
	return out, err
}

// searchExpression turns what a visitor typed into an FTS5 query and the
// table to ask: the trigram index when any word has three letters or more
// (shorter words are then left out, as the trigram index cannot match
// them), else the title word-prefix index.
func searchExpression(query string) (match, table string) {
	words := strings.FieldsFunc(norm.NFC.String(query), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
	var long, short []string
	for _, w := range words {
		quoted := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		if utf8.RuneCountInString(w) >= 3 {
			long = append(long, quoted)
		} else {
			short = append(short, quoted+"*")
		}
	}
	if len(long) > 0 {
		return strings.Join(long, " AND "), "search"
	}
	if len(short) > 0 {
		return strings.Join(short, " AND "), "search_prefix"
	}
	return "", ""
}

// itemKey names an offer, event or brochure.
type itemKey struct {
	kind Kind
	key  int64
}

// visibleItems is the set of items a filter lets through.
func (c *Catalog) visibleItems(f Filter) (map[itemKey]bool, error) {
	out := map[itemKey]bool{}
	add := func(kind Kind, q string, args []any) error {
		rows, err := c.db.Query(q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k int64
			if err := rows.Scan(&k); err != nil {
				return err
			}
			out[itemKey{kind, k}] = true
		}
		return rows.Err()
	}
	offers, offerArgs := visibleOffers(f.District, f.Now)
	events, eventArgs := upcomingEvents(f.District, f.Now)
	cond, brochureArgs := areaFilter("area", f.District)
	brochures := `SELECT key FROM brochure WHERE ` + cond
	if f.Category != "" {
		offers = `SELECT offer FROM offer_category WHERE category = ? AND offer IN (` + offers + `)`
		offerArgs = append([]any{f.Category}, offerArgs...)
		events = `SELECT event FROM event_category WHERE category = ? AND event IN (` + events + `)`
		eventArgs = append([]any{f.Category}, eventArgs...)
		brochures = ""
	}
	if err := add(KindOffer, offers, offerArgs); err != nil {
		return nil, err
	}
	if err := add(KindEvent, events, eventArgs); err != nil {
		return nil, err
	}
	if brochures != "" {
		if err := add(KindBrochure, brochures, brochureArgs); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// List is what the filter selects when nothing is searched: current offers,
// upcoming events and brochures, in catalogue order.
func (v View) List(f Filter) ([]Hit, error) {
	var out []Hit
	offers, err := v.Offers(f.District, f.Category, f.Now)
	if err != nil {
		return nil, err
	}
	for _, o := range offers {
		out = append(out, Hit{Kind: KindOffer, ID: o.ID, Title: o.Title})
	}
	events, err := v.Events(f.District, f.Category, f.Now)
	if err != nil {
		return nil, err
	}
	for _, e := range events {
		out = append(out, Hit{Kind: KindEvent, ID: e.ID, Title: e.Title})
	}
	if f.Category == "" {
		brochures, err := v.Brochures(f.District)
		if err != nil {
			return nil, err
		}
		for _, b := range brochures {
			out = append(out, Hit{Kind: KindBrochure, ID: b.ID, Title: b.Title})
		}
	}
	return out, nil
}
