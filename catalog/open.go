package catalog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Catalog is an open, read-only compiled catalogue.
type Catalog struct {
	db   *sql.DB
	info Info

	holdMu  sync.Mutex
	holds   int  // work in progress that keeps the file open (Hold)
	closing bool // Close was called; the last release closes the file

	outdated map[outdatedKey]bool // translations made from an earlier source text

	searchMu sync.Mutex
	search   *searchIndex // of the district last searched
}

// Info describes a compiled catalogue: what staff see and `catalog info` prints.
type Info struct {
	ID             string
	Title          Text
	Publisher      string
	SourceLanguage string
	Languages      []string
	Fallback       []string
	Sample         bool
	Version        int64
	Built          time.Time
	Expires        time.Time // the bundle's expiry, zero when the build did not record it
	Districts      int
	Categories     int
	Offers         int
	Events         int
	Brochures      int
	Coverage       []Coverage
}

// ErrNotCatalog is returned by Open for a file that is not a compiled
// catalogue of a schema this program reads.
var ErrNotCatalog = errors.New("not a Wegweiser catalogue of a version this program can read")

// Open opens a compiled catalogue read-only. The file must not change while
// it is open: installed catalogues are immutable, one file per version.
func Open(path string) (*Catalog, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: "mode=ro&immutable=1&_pragma=trusted_schema(0)&_pragma=query_only(1)"}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	c := &Catalog{db: db}
	if err := c.check(); err != nil {
		db.Close()
		return nil, err
	}
	if err := c.loadInfo(); err != nil {
		db.Close()
		return nil, fmt.Errorf("reading the catalogue: %w", err)
	}
	return c, nil
}

// Close releases the file: at once, or, while something holds the
// catalogue (Hold), when the last of it is released.
func (c *Catalog) Close() error {
	c.holdMu.Lock()
	defer c.holdMu.Unlock()
	if c.closing {
		return nil
	}
	c.closing = true
	if c.holds > 0 {
		return nil
	}
	return c.db.Close()
}

// Hold keeps the catalogue open until release is called, even when Close
// is called meanwhile: a printout that goes on after its visitor's session
// ended, and the kiosk switched to a newly installed catalogue. Call
// release once (more calls do nothing).
func (c *Catalog) Hold() (release func()) {
	c.holdMu.Lock()
	c.holds++
	c.holdMu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			c.holdMu.Lock()
			defer c.holdMu.Unlock()
			c.holds--
			if c.holds == 0 && c.closing {
				c.db.Close()
			}
		})
	}
}

// Info returns the catalogue's description.
func (c *Catalog) Info() Info { return c.info }

func (c *Catalog) check() error {
	var appID, version int64
	if err := c.db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("%w: %v", ErrNotCatalog, err)
	}
	if err := c.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("%w: %v", ErrNotCatalog, err)
	}
	if appID != ApplicationID || version != SchemaVersion {
		return ErrNotCatalog
	}
	return CheckSchema(context.Background(), c.db)
}

func (c *Catalog) loadInfo() error {
	meta := map[string]string{}
	rows, err := c.db.Query("SELECT key, value FROM meta")
	if err != nil {
		return err
	}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			rows.Close()
			return err
		}
		meta[k] = v
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	in := &c.info
	in.ID = meta["catalog_id"]
	in.Publisher = meta["publisher"]
	in.SourceLanguage = meta["source_language"]
	in.Languages = strings.Fields(meta["languages"])
	in.Fallback = strings.Fields(meta["fallback"])
	in.Sample = meta["sample"] == "1"
	in.Version, _ = strconv.ParseInt(meta["version"], 10, 64)
	in.Built, _ = time.Parse(time.RFC3339, meta["built"])
	in.Expires, _ = time.Parse(time.RFC3339, meta["expires"])
	c.outdated = parseOutdated(meta["outdated"])
	texts, err := c.texts([]int64{metaOwner}, nil)
	if err != nil {
		return err
	}
	in.Title = texts[metaOwner]["title"]
	for _, q := range []struct {
		table string
		n     *int
	}{{"district", &in.Districts}, {"category", &in.Categories}, {"offer", &in.Offers}, {"event", &in.Events}, {"brochure", &in.Brochures}} {
		if err := c.db.QueryRow("SELECT count(*) FROM " + q.table).Scan(q.n); err != nil {
			return err
		}
	}
	media, err := c.strings("SELECT path FROM media WHERE path LIKE 'audio/%'")
	if err != nil {
		return err
	}
	rows, err = c.db.Query("SELECT code, required_total, required_done, optional_total, optional_done FROM language ORDER BY ord")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var cov Coverage
		if err := rows.Scan(&cov.Lang, &cov.RequiredTotal, &cov.RequiredDone, &cov.OptionalTotal, &cov.OptionalDone); err != nil {
			return err
		}
		cov.Recorded = recordedIn(media, cov.Lang)
		in.Coverage = append(in.Coverage, cov)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return in.usable()
}

// usable checks what the kiosk needs of a catalogue beyond its tables: an
// id, a source language among its languages, and at least one district. A
// signed catalogue without them would be installed and stop the kiosk.
func (in *Info) usable() error {
	switch {
	case in.ID == "":
		return errors.New("the catalogue has no id")
	case len(in.Languages) == 0:
		return errors.New("the catalogue offers no language")
	case !slices.Contains(in.Languages, in.SourceLanguage):
		return fmt.Errorf("the catalogue's source language %q is not among its languages", in.SourceLanguage)
	case in.Districts == 0:
		return errors.New("the catalogue has no district")
	}
	return nil
}

// texts loads the texts of owners: owner → field → language → string.
// With langs, only those languages are read; with fields, only those fields.
func (c *Catalog) texts(owners []int64, langs []string, fields ...string) (map[int64]map[string]Text, error) {
	out := make(map[int64]map[string]Text, len(owners))
	if len(owners) == 0 {
		return out, nil
	}
	q := "SELECT owner, field, lang, value FROM text WHERE owner IN (SELECT value FROM json_each(?))"
	args := []any{keyList(owners)}
	if len(fields) > 0 {
		q += " AND field IN (" + placeholders(len(fields)) + ")"
		args = append(args, stringArgs(fields)...)
	}
	if len(langs) > 0 {
		q += " AND lang IN (" + placeholders(len(langs)) + ")"
		args = append(args, stringArgs(langs)...)
	}
	rows, err := c.db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var owner int64
		var field, lang, value string
		if err := rows.Scan(&owner, &field, &lang, &value); err != nil {
			return nil, err
		}
		texts := out[owner]
		if texts == nil {
			texts = map[string]Text{}
			out[owner] = texts
		}
		if texts[field] == nil {
			texts[field] = Text{}
		}
		texts[field][lang] = value
	}
	return out, rows.Err()
}

func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?,", n-1) + "?"
}

func stringArgs(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
