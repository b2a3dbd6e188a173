package catalog

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the SQLite driver, pure Go
)

// BuildInfo is what a build adds to the authored content.
type BuildInfo struct {
	Version int64
	Built   time.Time
}

// Compile writes content as a new catalogue file at path, replacing any
// file there only once the new one is complete.
func Compile(c *Content, path string, info BuildInfo) (err error) {
	tmp := path + ".building"
	_ = os.Remove(tmp)
	defer func() {
		if err != nil {
			_ = os.Remove(tmp)
		}
	}()
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(tmp)+"?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)")
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1)
	if err := write(db, c, info); err != nil {
		db.Close()
		return fmt.Errorf("writing the catalogue: %w", err)
	}
	if err := db.Close(); err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

func write(db *sql.DB, c *Content, info BuildInfo) error {
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size=4096; PRAGMA application_id=%d; PRAGMA user_version=%d;", ApplicationID, SchemaVersion)); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, schema); err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	w := &writer{tx: tx, stmts: map[string]*sql.Stmt{}}
	w.all(c, info)
	if w.err != nil {
		return w.err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, "INSERT INTO search(search) VALUES('optimize'); INSERT INTO search_prefix(search_prefix) VALUES('optimize'); ANALYZE; VACUUM;")
	return err
}

// writer inserts rows, remembering the first error so that the code that
// lays out the catalogue reads as a plain list of inserts.
type writer struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	err   error
	key   int64 // last key handed out
}

func (w *writer) exec(query string, args ...any) {
	if w.err != nil {
		return
	}
	st, ok := w.stmts[query]
	if !ok {
		st, w.err = w.tx.Prepare(query)
		if w.err != nil {
			return
		}
		w.stmts[query] = st
	}
	_, w.err = st.Exec(args...)
}

func (w *writer) nextKey() int64 {
	w.key++
	return w.key
}

func (w *writer) text(owner int64, field string, t Text) {
	for lang, v := range t {
		w.exec("INSERT INTO text(owner, field, lang, value) VALUES(?,?,?,?)", owner, field, lang, v)
	}
}

// metaOwner is the owner key of the catalogue's own texts.
const metaOwner = 0

func (w *writer) all(c *Content, info BuildInfo) {
	m := c.Meta
	sample := "0"
	if m.Sample {
		sample = "1"
	}
	for k, v := range map[string]string{
		"format": strconv.Itoa(m.Format), "catalog_id": m.ID, "source_language": m.SourceLanguage,
		"languages": strings.Join(m.Languages, " "), "fallback": strings.Join(m.Fallback, " "),
		"publisher": m.Publisher, "sample": sample,
		"built": info.Built.UTC().Format(time.RFC3339), "version": strconv.FormatInt(info.Version, 10),
	} {
		w.exec("INSERT INTO meta(key, value) VALUES(?,?)", k, v)
	}
	w.text(metaOwner, "title", m.Title)
	for i, cov := range ComputeCoverage(c) {
		w.exec("INSERT INTO language VALUES(?,?,?,?,?,?)", cov.Lang, i, cov.RequiredTotal, cov.RequiredDone, cov.OptionalTotal, cov.OptionalDone)
	}
	for i, d := range c.Districts {
		k := w.nextKey()
		w.exec("INSERT INTO district(key, id, ord) VALUES(?,?,?)", k, d.ID, i)
		w.text(k, "name", d.Name)
	}
	for i, cat := range c.Categories {
		k := w.nextKey()
		w.exec("INSERT INTO category(key, id, ord, icon) VALUES(?,?,?,?)", k, cat.ID, i, cat.Icon)
		w.text(k, "name", cat.Name)
		w.text(k, "description", cat.Description)
	}
	for i, o := range c.Offers {
		w.offer(i, o)
	}
	for i, e := range c.Events {
		w.event(i, e)
	}
	for i, b := range c.Brochures {
		w.brochure(i, b)
	}
	for path, data := range c.Media {
		w.exec("INSERT INTO media(path, data) VALUES(?,?)", path, data)
	}
}

func (w *writer) offer(ord int, o Offer) {
	k := w.nextKey()
	w.exec("INSERT INTO offer(key, id, ord, website, valid_from, valid_until, updated, languages, tags) VALUES(?,?,?,?,?,?,?,?,?)",
		k, o.ID, ord, o.Website, dateString(o.ValidFrom), dateString(o.ValidUntil), dateString(o.Updated),
		strings.Join(o.Languages, " "), strings.Join(o.Tags, "\n"))
	for field, t := range map[string]Text{"title": o.Title, "provider": o.Provider, "summary": o.Summary,
		"description": o.Description, "audience": o.Audience, "cost": o.Cost} {
		w.text(k, field, t)
	}
	for _, c := range o.Categories {
		w.exec("INSERT INTO offer_category(category, offer) VALUES(?,?)", c, k)
	}
	for _, a := range o.Areas {
		w.exec("INSERT OR IGNORE INTO offer_area(area, offer) VALUES(?,?)", a, k)
	}
	for i, c := range o.Contacts {
		ck := w.nextKey()
		w.exec("INSERT INTO contact(key, offer, ord, phone, email, address, hours) VALUES(?,?,?,?,?,?,?)",
			ck, k, i, c.Phone, c.Email, c.Address, c.Hours)
		w.text(ck, "label", c.Label)
		w.text(ck, "hours_note", c.HoursNote)
	}
	w.searchDocs(KindOffer, k, o.Title, o.Summary, o.Description, o.Audience, o.Provider, o.Cost)
	w.tags(KindOffer, k, o.Tags)
}

func (w *writer) event(ord int, e Event) {
	k := w.nextKey()
	end := ""
	if !e.End.IsZero() {
		end = e.End.Format(dateTimeLayout)
	}
	w.exec("INSERT INTO event(key, id, ord, start, end, website, languages) VALUES(?,?,?,?,?,?,?)",
		k, e.ID, ord, e.Start.Format(dateTimeLayout), end, e.Website, strings.Join(e.Languages, " "))
	for field, t := range map[string]Text{"title": e.Title, "summary": e.Summary, "description": e.Description, "place": e.Place} {
		w.text(k, field, t)
	}
	for _, a := range e.Areas {
		w.exec("INSERT OR IGNORE INTO event_area(area, event) VALUES(?,?)", a, k)
	}
	for _, c := range e.Categories {
		w.exec("INSERT OR IGNORE INTO event_category(category, event) VALUES(?,?)", c, k)
	}
	w.searchDocs(KindEvent, k, e.Title, e.Summary, e.Description, e.Place)
}

func (w *writer) brochure(ord int, b Brochure) {
	k := w.nextKey()
	w.exec("INSERT INTO brochure(key, id, ord, area) VALUES(?,?,?,?)", k, b.ID, ord, b.Area)
	w.text(k, "title", b.Title)
	headings, bodies := Text{}, Text{}
	for i, s := range b.Sections {
		sk := w.nextKey()
		w.exec("INSERT INTO section(key, brochure, ord, image) VALUES(?,?,?,?)", sk, k, i, s.Image)
		w.text(sk, "heading", s.Heading)
		w.text(sk, "body", s.Body)
		for j, o := range s.Offers {
			w.exec("INSERT INTO section_offer(section, ord, offer) VALUES(?,?,?)", sk, j, o)
		}
		appendText(headings, s.Heading)
		appendText(bodies, s.Body)
	}
	w.searchDocs(KindBrochure, k, b.Title, headings, bodies)
}

func appendText(dst, src Text) {
	for lang, v := range src {
		if dst[lang] != "" {
			v = dst[lang] + "\n" + v
		}
		dst[lang] = v
	}
}

// searchDocs adds one search document per language that has any of the
// texts: the title, the summary, and the rest as body.
func (w *writer) searchDocs(kind Kind, key int64, title, summary Text, body ...Text) {
	langs := map[string]bool{}
	for _, t := range append([]Text{title, summary}, body...) {
		for lang := range t {
			langs[lang] = true
		}
	}
	for lang := range langs {
		var parts []string
		for _, t := range body {
			if t[lang] != "" {
				parts = append(parts, t[lang])
			}
		}
		rowid := w.nextKey()
		w.exec("INSERT INTO search_doc(rowid, kind, item, lang) VALUES(?,?,?,?)", rowid, string(kind), key, lang)
		w.exec("INSERT INTO search(rowid, title, summary, body) VALUES(?,?,?,?)", rowid, title[lang], summary[lang], strings.Join(parts, "\n"))
		if title[lang] != "" {
			w.exec("INSERT INTO search_prefix(rowid, title) VALUES(?,?)", rowid, title[lang])
		}
	}
}

// tags adds the item's extra search words, which may be in any language.
func (w *writer) tags(kind Kind, key int64, tags []string) {
	if len(tags) == 0 {
		return
	}
	rowid := w.nextKey()
	w.exec("INSERT INTO search_doc(rowid, kind, item, lang) VALUES(?,?,?,?)", rowid, string(kind), key, anyLanguage)
	w.exec("INSERT INTO search(rowid, title, summary, body) VALUES(?,?,?,?)", rowid, "", "", strings.Join(tags, "\n"))
}

// anyLanguage is the language of search documents that match in every language.
const anyLanguage = "*"

const (
	dateLayout     = "2006-01-02"
	dateTimeLayout = "2006-01-02T15:04:05"
)

func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}
