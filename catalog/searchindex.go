package catalog

import (
	"sync"
	"time"
	"unicode/utf8"
)

// searchIndex is what searches for one district read once and keep: the
// items the district sees, with the dates that decide whether they are
// shown; and, per language, the blocks of the search index filed under the
// areas covering the district and the documents in them. A kiosk searches
// for the same district all day, so a catalogue keeps the index of the
// district it was last asked for (see Catalog.searchIndex).
type searchIndex struct {
	district  string
	offers    map[int64][2]string // valid_from, valid_until; "" for no limit
	events    map[int64][2]string // start, end; end "" when not given
	brochures map[int64]bool

	mu    sync.Mutex
	langs map[string]*langDocs
}

// langDocs are the search documents of one language in the blocks covering
// a district.
type langDocs struct {
	docs   []*searchDoc
	titles map[itemKey]string // the items' titles in the language, those that have one
}

// rowRange is a range of search document rowids, first and last included.
type rowRange struct{ first, last int64 }

// searchDoc is a row of search_doc.
type searchDoc struct {
	item                          itemKey
	id                            string    // the item's
	titleLen, summaryLen, bodyLen int       // in characters
	words                         [3]string // title_words, summary_words, body_words
}

// size is the length of what a tier covers: the title (0), the title and
// the summary (1), everything (2).
func (d *searchDoc) size(tier int) int {
	return d.titleLen + min(tier, 1)*d.summaryLen + tier/2*d.bodyLen
}

// searchIndex returns the search index of a district, read on first use.
func (c *Catalog) searchIndex(district string) (*searchIndex, error) {
	c.searchMu.Lock()
	defer c.searchMu.Unlock()
	if c.search != nil && c.search.district == district {
		return c.search, nil
	}
	x := &searchIndex{district: district, offers: map[int64][2]string{}, events: map[int64][2]string{},
		brochures: map[int64]bool{}, langs: map[string]*langDocs{}}
	cond, args := areaFilter("a.area", district)
	read := func(q string, add func(key int64, a, b string)) error {
		rows, err := c.db.Query(q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var key int64
			var a, b string
			if err := rows.Scan(&key, &a, &b); err != nil {
				return err
			}
			add(key, a, b)
		}
		return rows.Err()
	}
	if err := read(`SELECT DISTINCT o.key, o.valid_from, o.valid_until FROM offer o JOIN offer_area a ON a.offer = o.key WHERE `+cond,
		func(k int64, a, b string) { x.offers[k] = [2]string{a, b} }); err != nil {
		return nil, err
	}
	if err := read(`SELECT DISTINCT e.key, e.start, e.end FROM event e JOIN event_area a ON a.event = e.key WHERE `+cond,
		func(k int64, a, b string) { x.events[k] = [2]string{a, b} }); err != nil {
		return nil, err
	}
	if err := read(`SELECT key, '', '' FROM brochure a WHERE `+cond,
		func(k int64, _, _ string) { x.brochures[k] = true }); err != nil {
		return nil, err
	}
	c.search = x
	return x, nil
}

// visibleAt returns whether the district sees an item at now: the rules of
// visibleOffers, upcomingEvents and Brochures.
func (x *searchIndex) visibleAt(now time.Time) func(itemKey) bool {
	day, moment := Day(now).Format(dateLayout), now.In(Berlin).Format(dateTimeLayout)
	return func(it itemKey) bool {
		switch it.kind {
		case KindOffer:
			o, ok := x.offers[it.key]
			return ok && (o[0] == "" || o[0] <= day) && (o[1] == "" || o[1] >= day)
		case KindEvent:
			e, ok := x.events[it.key]
			return ok && (e[1] >= moment || e[1] == "" && e[0] >= day)
		}
		return x.brochures[it.key]
	}
}

// lang returns the documents of one language, read on first use.
func (x *searchIndex) lang(c *Catalog, lang string) (*langDocs, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if ld := x.langs[lang]; ld != nil {
		return ld, nil
	}
	ld := &langDocs{titles: map[itemKey]string{}}
	cond, args := areaFilter("area", x.district)
	rows, err := c.db.Query("SELECT first, last FROM search_block WHERE lang = ? AND "+cond+" ORDER BY first", append([]any{lang}, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ranges []rowRange
	for rows.Next() {
		var r rowRange
		if err := rows.Scan(&r.first, &r.last); err != nil {
			return nil, err
		}
		ranges = append(ranges, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for _, r := range ranges {
		if err := ld.read(c, r); err != nil {
			return nil, err
		}
	}
	x.langs[lang] = ld
	return ld, nil
}

// read reads the documents of a range.
func (ld *langDocs) read(c *Catalog, r rowRange) error {
	rows, err := c.db.Query(`SELECT kind, item, id, title, summary_len, body_len, title_words, summary_words, body_words
		FROM search_doc WHERE rowid BETWEEN ? AND ?`, r.first, r.last)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var title string
		d := &searchDoc{}
		if err := rows.Scan(&d.item.kind, &d.item.key, &d.id, &title, &d.summaryLen, &d.bodyLen,
			&d.words[0], &d.words[1], &d.words[2]); err != nil {
			return err
		}
		d.titleLen = utf8.RuneCountInString(title)
		ld.docs = append(ld.docs, d)
		if title != "" {
			ld.titles[d.item] = title
		}
	}
	return rows.Err()
}
