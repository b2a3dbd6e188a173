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
	ranges []rowRange
	docs   map[int64]*searchDoc // by rowid
	titles map[itemKey]string   // the items' titles in the language, those that have one
}

// rowRange is a range of search document rowids, first and last included.
type rowRange struct{ first, last int64 }

// searchDoc is a row of search_doc.
type searchDoc struct {
	item                          itemKey
	id                            string // the item's
	titleLen, summaryLen, bodyLen int    // in characters
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

// docsIn returns the documents of langs in the district's blocks, by
// rowid, and the rowid ranges of those blocks, adjacent ones joined.
func (x *searchIndex) docsIn(c *Catalog, langs []string) (map[int64]*searchDoc, []rowRange, error) {
	docs := map[int64]*searchDoc{}
	var ranges []rowRange
	for _, lang := range langs {
		ld, err := x.lang(c, lang)
		if err != nil {
			return nil, nil, err
		}
		if len(langs) == 1 {
			return ld.docs, ld.ranges, nil
		}
		for k, d := range ld.docs {
			docs[k] = d
		}
		ranges = append(ranges, ld.ranges...)
	}
	return docs, ranges, nil
}

// lang returns the documents of one language, read on first use.
func (x *searchIndex) lang(c *Catalog, lang string) (*langDocs, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if ld := x.langs[lang]; ld != nil {
		return ld, nil
	}
	ld := &langDocs{docs: map[int64]*searchDoc{}, titles: map[itemKey]string{}}
	cond, args := areaFilter("area", x.district)
	rows, err := c.db.Query("SELECT first, last FROM search_block WHERE lang = ? AND "+cond+" ORDER BY first", append([]any{lang}, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r rowRange
		if err := rows.Scan(&r.first, &r.last); err != nil {
			return nil, err
		}
		if n := len(ld.ranges); n > 0 && ld.ranges[n-1].last+1 == r.first {
			ld.ranges[n-1].last = r.last
		} else {
			ld.ranges = append(ld.ranges, r)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for _, r := range ld.ranges {
		if err := ld.read(c, r); err != nil {
			return nil, err
		}
	}
	x.langs[lang] = ld
	return ld, nil
}

// read reads the documents of a range.
func (ld *langDocs) read(c *Catalog, r rowRange) error {
	rows, err := c.db.Query(`SELECT rowid, kind, item, id, title, summary_len, body_len FROM search_doc
		WHERE rowid BETWEEN ? AND ?`, r.first, r.last)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var rowid int64
		var title string
		d := &searchDoc{}
		if err := rows.Scan(&rowid, &d.item.kind, &d.item.key, &d.id, &title, &d.summaryLen, &d.bodyLen); err != nil {
			return err
		}
		d.titleLen = utf8.RuneCountInString(title)
		ld.docs[rowid] = d
		if title != "" {
			ld.titles[d.item] = title
		}
	}
	return rows.Err()
}
