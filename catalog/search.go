package catalog

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
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
// best first: items with every word in the title, then in the title and
// summary, then anywhere (the tiers); within a tier, the shorter texts
// first (the title; title and summary; everything), as a word is more of
// what a short text is about; then catalogue order. Words of three letters
// or more match anywhere, also inside compound words and without
// diacritics ("grundung" finds "Existenzgründung"); shorter input matches
// the beginnings of title words, as while typing. The visitor's language is
// searched first; when it finds nothing, the catalogue's fallback and
// source languages are. (Tags, which may be in any language, count as the
// source language's.)
//
// A search reads only the blocks of the index for its languages and for the
// areas covering the filter's district (see schema and searchIndex), so it
// costs about as much as the items a kiosk can show, not the whole country.
func (v View) Search(query string, f Filter) ([]Hit, error) {
	terms, prefix := searchTerms(query)
	if len(terms) == 0 {
		return nil, nil
	}
	hits, err := v.searchIn(terms, prefix, v.chain[:1], f)
	if err != nil || len(hits) > 0 || len(v.chain) == 1 {
		return hits, err
	}
	return v.searchIn(terms, prefix, v.chain[1:], f)
}

func (v View) searchIn(terms []string, prefix bool, langs []string, f Filter) ([]Hit, error) {
	index, err := v.c.searchIndex(f.District)
	if err != nil {
		return nil, err
	}
	docs, ranges, err := index.docsIn(v.c, langs)
	if err != nil || len(ranges) == 0 {
		return nil, err
	}
	visible, err := v.c.visibility(index, f)
	if err != nil {
		return nil, err
	}
	// A document's tier is the worst of its terms' best parts: the title
	// (0), the summary (1), the body (2). The parts are searched in that
	// order, and the search stops once the tiers so far give maxHits
	// results: nothing else can come before those.
	best := map[int64][]int{} // document → for each term, the best part it is in, or -1
	seen := map[itemKey]bool{}
	var found []*searchDoc
	for _, stage := range []searchStage{titles, summaries, bodies} {
		if prefix && stage != titles {
			break
		}
		err := v.c.matches(stage, terms, prefix, ranges, func(doc int64, term int) {
			t := best[doc]
			if t == nil {
				t = slices.Repeat([]int{-1}, len(terms))
				best[doc] = t
			}
			if t[term] < 0 {
				t[term] = int(stage)
			}
		})
		if err != nil {
			return nil, err
		}
		found = found[:0]
		clear(seen)
		for _, r := range ranked(best, docs) {
			if !seen[r.item] && visible(r.item) {
				found = append(found, r)
				if len(found) == maxHits {
					return v.hits(index, found)
				}
			}
			seen[r.item] = true
		}
	}
	return v.hits(index, found)
}

// ranked orders the documents that have every term, best first.
func ranked(best map[int64][]int, docs map[int64]*searchDoc) []*searchDoc {
	type result struct {
		doc        *searchDoc
		tier, size int
	}
	var results []result
	for rowid, t := range best {
		if !slices.Contains(t, -1) {
			tier := slices.Max(t)
			d := docs[rowid]
			results = append(results, result{d, tier, d.size(tier)})
		}
	}
	slices.SortFunc(results, func(a, b result) int {
		return cmp.Or(cmp.Compare(a.tier, b.tier), cmp.Compare(a.size, b.size), cmp.Compare(a.doc.item.key, b.doc.item.key))
	})
	out := make([]*searchDoc, len(results))
	for i, r := range results {
		out[i] = r.doc
	}
	return out
}

// searchStage is which part of the documents a search reads, the better
// first: it is also the tier of what it finds.
type searchStage int

const (
	titles    searchStage = iota // search_title, or search_prefix for prefix terms
	summaries                    // search_summary
	bodies                       // search_body
)

// matches runs the full-text queries of a stage for the terms in the rowid
// ranges of documents, and calls match for each document and term found.
// Prefix terms are one expression, for titles.
func (c *Catalog) matches(stage searchStage, terms []string, prefix bool, ranges []rowRange, match func(doc int64, term int)) error {
	table := []searchTable{searchTitle, searchSummary, searchBody}[stage].name
	if prefix {
		table, terms = searchPrefix.name, []string{strings.Join(terms, " AND ")}
	}
	var parts []string
	var args []any
	for i, term := range terms {
		for _, r := range ranges {
			parts = append(parts, fmt.Sprintf("SELECT rowid, %d FROM %s WHERE %s MATCH ? AND rowid BETWEEN ? AND ?", i, table, table))
			args = append(args, term, r.first, r.last)
		}
	}
	rows, err := c.db.Query(strings.Join(parts, " UNION ALL "), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var rowid int64
		var term int
		if err := rows.Scan(&rowid, &term); err != nil {
			return err
		}
		match(rowid, term)
	}
	return rows.Err()
}

// hits turns found documents into search results, with the title of each
// item resolved through the fallback chain from the documents of the
// chain's languages.
func (v View) hits(index *searchIndex, docs []*searchDoc) ([]Hit, error) {
	out := make([]Hit, len(docs))
	for i, d := range docs {
		out[i] = Hit{Kind: d.item.kind, ID: d.id}
		for j, lang := range v.chain {
			ld, err := index.lang(v.c, lang)
			if err != nil {
				return nil, err
			}
			if t := ld.titles[d.item]; t != "" {
				out[i].Title = Localized{Text: t, Lang: lang, Fallback: j > 0}
				break
			}
		}
	}
	return out, nil
}

// visibility returns whether a filter lets an item through.
func (c *Catalog) visibility(index *searchIndex, f Filter) (func(itemKey) bool, error) {
	visible := index.visibleAt(f.Now)
	if f.Category == "" {
		return visible, nil
	}
	inCategory := map[itemKey]bool{}
	rows, err := c.db.Query(`SELECT 'offer', offer FROM offer_category WHERE category = ?1
		UNION ALL SELECT 'event', event FROM event_category WHERE category = ?1`, f.Category)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var it itemKey
		if err := rows.Scan(&it.kind, &it.key); err != nil {
			return nil, err
		}
		inCategory[it] = true
	}
	return func(it itemKey) bool { return inCategory[it] && visible(it) }, rows.Err()
}

// keyList writes keys as a JSON array, one SQL argument however many there
// are: key IN (SELECT value FROM json_each(?)).
func keyList(keys []int64) string {
	b := []byte{'['}
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, k, 10)
	}
	return string(append(b, ']'))
}

// searchTerms turns what a visitor typed into FTS5 phrases: its words of
// three letters or more, for the trigram indexes; or, when it has none, its
// shorter words as title word prefixes ("gr"*), for search_prefix.
func searchTerms(query string) (terms []string, prefix bool) {
	var long, short []string
	for _, w := range words(norm.NFC.String(query)) {
		quoted := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		if utf8.RuneCountInString(w) >= 3 {
			long = append(long, quoted)
		} else {
			short = append(short, quoted+"*")
		}
	}
	if len(long) > 0 {
		return long, false
	}
	return short, len(short) > 0
}

// words splits a text into words: runs of letters, digits and combining
// marks.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// itemKey names an offer, event or brochure.
type itemKey struct {
	kind Kind
	key  int64
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
