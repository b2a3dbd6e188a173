package catalog

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
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
// or more match anywhere, also inside compound words, in any case and
// without diacritics ("grundung" finds "Existenzgründung", see fold);
// shorter input matches the beginnings of title words, as while typing.
// The visitor's language is searched first; when it finds nothing, the
// catalogue's fallback and source languages are. (Tags, which may be in any
// language, count as the source language's.)
//
// A search reads only the documents of its languages filed under the areas
// covering the filter's district (see schema), once, and then looks for
// the words in memory: its cost is that of the few thousand items a kiosk
// can show, not of the whole country.
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

// PrepareSearch reads what searches in district need, in the view's
// language and its fallbacks, so that the first search is as quick as the
// next ones.
func (v View) PrepareSearch(district string) error {
	index, err := v.c.searchIndex(district)
	if err != nil {
		return err
	}
	for _, lang := range v.chain {
		if _, err := index.lang(v.c, lang); err != nil {
			return err
		}
	}
	return nil
}

func (v View) searchIn(terms []string, prefix bool, langs []string, f Filter) ([]Hit, error) {
	index, err := v.c.searchIndex(f.District)
	if err != nil {
		return nil, err
	}
	visible, err := v.c.visibility(index, f)
	if err != nil {
		return nil, err
	}
	var results []ranking
	for _, lang := range langs {
		ld, err := index.lang(v.c, lang)
		if err != nil {
			return nil, err
		}
		for _, d := range ld.docs {
			if tier, ok := d.tier(terms, prefix); ok {
				results = append(results, ranking{d, tier, d.size(tier)})
			}
		}
	}
	slices.SortFunc(results, func(a, b ranking) int {
		return cmp.Or(cmp.Compare(a.tier, b.tier), cmp.Compare(a.size, b.size), cmp.Compare(a.doc.item.key, b.doc.item.key))
	})
	var found []*searchDoc
	seen := map[itemKey]bool{}
	for _, r := range results {
		if !seen[r.doc.item] && visible(r.doc.item) {
			found = append(found, r.doc)
			if len(found) == maxHits {
				break
			}
		}
		seen[r.doc.item] = true
	}
	return v.hits(index, found)
}

// ranking is a document found and what it ranks by: its tier (the worst of
// the query words' best parts: 0 title, 1 summary, 2 body) and the length
// of the text the tier covers.
type ranking struct {
	doc        *searchDoc
	tier, size int
}

// tier returns the worst of the best parts the terms are in (0 title, 1
// summary, 2 body), and whether the document has every term. Prefix terms
// match the start of title words; others match inside any word.
func (d *searchDoc) tier(terms []string, prefix bool) (int, bool) {
	worst := 0
	for _, t := range terms {
		if prefix {
			if !strings.HasPrefix(d.words[0], t) && !strings.Contains(d.words[0], " "+t) {
				return 0, false
			}
			continue
		}
		part := slices.IndexFunc(d.words[:], func(words string) bool { return strings.Contains(words, t) })
		if part < 0 {
			return 0, false
		}
		worst = max(worst, part)
	}
	return worst, true
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

// searchTerms turns what a visitor typed into the words to look for,
// folded: its words of three letters or more; or, when it has none, its
// shorter words, to be found at the start of title words (prefix).
func searchTerms(query string) (terms []string, prefix bool) {
	var long, short []string
	for _, w := range words(fold(query)) {
		if utf8.RuneCountInString(w) >= 3 {
			long = append(long, w)
		} else {
			short = append(short, w)
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
