package catalog

import (
	"errors"
	"strings"
	"time"
)

// Kind is what a search hit or a listed item is.
type Kind string

const (
	KindOffer    Kind = "offer"
	KindEvent    Kind = "event"
	KindBrochure Kind = "brochure"
)

// ErrNotFound is returned for an id the catalogue does not have.
var ErrNotFound = errors.New("not in the catalogue")

// DistrictName is a district as listed for staff and the command line.
type DistrictName struct {
	ID   string
	Name Localized
}

// CategoryTile is a category on the home screen, with how many offers a
// district sees in it.
type CategoryTile struct {
	ID          string
	Icon        string
	Name        Localized
	Description Localized
	Offers      int
}

// OfferSummary is an offer as a row of a list.
type OfferSummary struct {
	ID        string
	Title     Localized
	Provider  Localized
	Summary   Localized
	Languages []string // languages the offer's staff speak
}

// areaFilter is an SQL condition on column that keeps the areas covering
// district; with district "" it keeps every area.
func areaFilter(column, district string) (string, []any) {
	if district == "" {
		return "1", nil
	}
	areas := AreasCovering(district)
	return column + " IN (" + placeholders(len(areas)) + ")", stringArgs(areas)
}

// visibleOffers is the SQL of the offers a district sees on the day of now:
// those for an area covering it and valid that day.
func visibleOffers(district string, now time.Time) (string, []any) {
	cond, args := areaFilter("a.area", district)
	day := Day(now).Format(dateLayout)
	return `SELECT DISTINCT o.key FROM offer o JOIN offer_area a ON a.offer = o.key
		WHERE ` + cond + ` AND (o.valid_from = '' OR o.valid_from <= ?) AND (o.valid_until = '' OR o.valid_until >= ?)`, append(args, day, day)
}

// Districts lists the catalogue's districts in catalogue order.
func (v View) Districts() ([]DistrictName, error) {
	rows, err := v.c.db.Query("SELECT key, id FROM district ORDER BY ord")
	if err != nil {
		return nil, err
	}
	var keys []int64
	var out []DistrictName
	for rows.Next() {
		var d DistrictName
		var k int64
		if err := rows.Scan(&k, &d.ID); err != nil {
			rows.Close()
			return nil, err
		}
		keys = append(keys, k)
		out = append(out, d)
	}
	rows.Close()
	texts, err := v.c.texts(keys, v.chain, "name")
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Name = v.resolveAt(keys[i], "name", texts[keys[i]]["name"])
	}
	return out, nil
}

// Categories lists the categories in catalogue order, each with the number
// of offers that district sees in it on the day of now.
func (v View) Categories(district string, now time.Time) ([]CategoryTile, error) {
	vis, args := visibleOffers(district, now)
	// The visible offers once, then their categories (not the visible
	// offers again for each category).
	q := `WITH vis(key) AS MATERIALIZED (` + vis + `),
		n(category, offers) AS (SELECT oc.category, count(*) FROM vis JOIN offer_category oc ON oc.offer = vis.key GROUP BY oc.category)
		SELECT c.key, c.id, c.icon, coalesce(n.offers, 0) FROM category c LEFT JOIN n ON n.category = c.id ORDER BY c.ord`
	rows, err := v.c.db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	var keys []int64
	var out []CategoryTile
	for rows.Next() {
		var t CategoryTile
		var k int64
		if err := rows.Scan(&k, &t.ID, &t.Icon, &t.Offers); err != nil {
			rows.Close()
			return nil, err
		}
		keys = append(keys, k)
		out = append(out, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	texts, err := v.c.texts(keys, v.chain, "name", "description")
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Name = v.resolveAt(keys[i], "name", texts[keys[i]]["name"])
		out[i].Description = v.resolveAt(keys[i], "description", texts[keys[i]]["description"])
	}
	return out, nil
}

// Offers lists the offers of a category (all categories when category is
// "") that district (every district when "") sees on the day of now, in catalogue order.
func (v View) Offers(district, category string, now time.Time) ([]OfferSummary, error) {
	return v.offers(district, category, now, `o.ord`)
}

// OffersNearestFirst lists the same offers as Offers, the nearest first:
// those for the district itself (or a part of it), then for wider areas
// (Regierungsbezirk, Land), then nationwide ones; within each in catalogue
// order. A visitor looks for the office down the road before a national
// portal.
func (v View) OffersNearestFirst(district, category string, now time.Time) ([]OfferSummary, error) {
	return v.offers(district, category, now, `vis.depth DESC, o.ord`)
}

// offers runs the offers query in an order; vis.depth is the length of the
// most specific area an offer is listed for that covers the district ("00",
// everywhere, counting as 0).
func (v View) offers(district, category string, now time.Time, order string) ([]OfferSummary, error) {
	cond, args := areaFilter("a.area", district)
	day := Day(now).Format(dateLayout)
	q := `WITH vis(key, depth) AS (SELECT o.key, max(CASE WHEN a.area = '00' THEN 0 ELSE length(a.area) END)
		FROM offer o JOIN offer_area a ON a.offer = o.key
		WHERE ` + cond + ` AND (o.valid_from = '' OR o.valid_from <= ?) AND (o.valid_until = '' OR o.valid_until >= ?)
		GROUP BY o.key)
		SELECT o.key, o.id FROM offer o JOIN vis ON vis.key = o.key`
	args = append(args, day, day)
	if category != "" {
		q += ` WHERE o.key IN (SELECT offer FROM offer_category WHERE category = ?)`
		args = append(args, category)
	}
	rows, err := v.c.db.Query(q+` ORDER BY `+order, args...)
	if err != nil {
		return nil, err
	}
	keys, ids, err := scanKeysAndIDs(rows)
	if err != nil {
		return nil, err
	}
	return v.offerSummaries(keys, ids)
}

func (v View) offerSummaries(keys []int64, ids []string) ([]OfferSummary, error) {
	texts, err := v.c.texts(keys, v.chain, "title", "provider", "summary")
	if err != nil {
		return nil, err
	}
	langs, err := v.c.offerLanguages(keys)
	if err != nil {
		return nil, err
	}
	out := make([]OfferSummary, len(keys))
	for i, k := range keys {
		t := texts[k]
		out[i] = OfferSummary{ID: ids[i], Title: v.resolveAt(k, "title", t["title"]), Provider: v.resolveAt(k, "provider", t["provider"]), Summary: v.resolveAt(k, "summary", t["summary"]),
			Languages: strings.Fields(langs[k])}
	}
	return out, nil
}

// offerLanguages are the languages spoken at offers, by key.
func (c *Catalog) offerLanguages(keys []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(keys))
	for start := 0; start < len(keys); start += 500 {
		chunk := keys[start:min(start+500, len(keys))]
		args := make([]any, len(chunk))
		for i, k := range chunk {
			args[i] = k
		}
		rows, err := c.db.Query("SELECT key, languages FROM offer WHERE key IN (?"+strings.Repeat(",?", len(chunk)-1)+")", args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var k int64
			var l string
			if err := rows.Scan(&k, &l); err != nil {
				rows.Close()
				return nil, err
			}
			out[k] = l
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

type rowScanner interface {
	Next() bool
	Scan(...any) error
	Close() error
	Err() error
}

func scanKeysAndIDs(rows rowScanner) ([]int64, []string, error) {
	defer rows.Close()
	var keys []int64
	var ids []string
	for rows.Next() {
		var k int64
		var id string
		if err := rows.Scan(&k, &id); err != nil {
			return nil, nil, err
		}
		keys = append(keys, k)
		ids = append(ids, id)
	}
	return keys, ids, rows.Err()
}
