package catalog

import (
	"database/sql"
	"strings"
	"time"
)

// EventSummary is an upcoming event as a row of a list.
type EventSummary struct {
	ID      string
	Title   Localized
	Summary Localized
	Place   Localized
	Start   time.Time // Europe/Berlin
	End     time.Time // zero when not given
}

// EventDetail is an event in full.
type EventDetail struct {
	EventSummary
	Description Localized
	Website     string
	Languages   []string
	Categories  []string
}

// upcomingEvents is the SQL of the events a district sees at now: those for
// an area covering it that have not ended (without an end: whose start day
// has not passed).
func upcomingEvents(district string, now time.Time) (string, []any) {
	cond, args := areaFilter("a.area", district)
	return `SELECT DISTINCT e.key FROM event e JOIN event_area a ON a.event = e.key
		WHERE ` + cond + ` AND (e.end >= ? OR (e.end = '' AND substr(e.start, 1, 10) >= ?))`,
		append(args, now.In(Berlin).Format(dateTimeLayout), Day(now).Format(dateLayout))
}

// Events lists the upcoming events of a district (of one category, unless
// category is ""), soonest first.
func (v View) Events(district, category string, now time.Time) ([]EventSummary, error) {
	up, args := upcomingEvents(district, now)
	q := `WITH up(key) AS (` + up + `) SELECT e.key, e.id FROM event e JOIN up ON up.key = e.key`
	if category != "" {
		q += ` WHERE e.key IN (SELECT event FROM event_category WHERE category = ?)`
		args = append(args, category)
	}
	rows, err := v.c.db.Query(q+` ORDER BY e.start, e.ord`, args...)
	if err != nil {
		return nil, err
	}
	keys, _, err := scanKeysAndIDs(rows)
	if err != nil {
		return nil, err
	}
	details, err := v.events(keys)
	if err != nil {
		return nil, err
	}
	out := make([]EventSummary, len(details))
	for i, d := range details {
		out[i] = d.EventSummary
	}
	return out, nil
}

// Event returns one event in full.
func (v View) Event(id string) (*EventDetail, error) {
	var key int64
	if err := v.c.db.QueryRow("SELECT key FROM event WHERE id = ?", id).Scan(&key); err != nil {
		if err == sql.ErrNoRows {
			return nil, ErrNotFound
		}
		return nil, err
	}
	ds, err := v.events([]int64{key})
	if err != nil {
		return nil, err
	}
	return &ds[0], nil
}

func (v View) events(keys []int64) ([]EventDetail, error) {
	texts, err := v.c.texts(keys, v.chain)
	if err != nil {
		return nil, err
	}
	out := make([]EventDetail, len(keys))
	for i, k := range keys {
		var start, end, langs string
		d := &out[i]
		if err := v.c.db.QueryRow("SELECT id, start, end, website, languages FROM event WHERE key = ?", k).
			Scan(&d.ID, &start, &end, &d.Website, &langs); err != nil {
			return nil, err
		}
		d.Start, _ = time.ParseInLocation(dateTimeLayout, start, Berlin)
		if end != "" {
			d.End, _ = time.ParseInLocation(dateTimeLayout, end, Berlin)
		}
		d.Languages = strings.Fields(langs)
		t := texts[k]
		d.Title, d.Summary, d.Place, d.Description = v.resolveAt(k, "title", t["title"]), v.resolveAt(k, "summary", t["summary"]), v.resolveAt(k, "place", t["place"]), v.resolveAt(k, "description", t["description"])
		cats, err := v.c.strings("SELECT category FROM event_category WHERE event = ? ORDER BY category", k)
		if err != nil {
			return nil, err
		}
		d.Categories = cats
	}
	return out, nil
}

// strings runs a query that yields one string column.
func (c *Catalog) strings(query string, args ...any) ([]string, error) {
	rows, err := c.db.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
