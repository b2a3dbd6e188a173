package catalog

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	_ "modernc.org/sqlite" // the SQLite driver, pure Go
)

// BuildInfo is what a build adds to the authored content.
type BuildInfo struct {
	Version int64
	Built   time.Time
}

// Compile writes content as a new catalogue file at path, replacing any
// file there only once the new one is complete.
//
// The catalogue is first written to path+".building"; merging the full-text
// index there leaves free pages behind, so the file that is kept is a
// compact copy of it (VACUUM INTO path+".compact"), renamed to path.
func Compile(c *Content, path string, info BuildInfo) (err error) {
	building, compact := path+".building", path+".compact"
	_ = os.Remove(building)
	_ = os.Remove(compact)
	defer func() {
		_ = os.Remove(building)
		if err != nil {
			_ = os.Remove(compact)
		}
	}()
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(building)+"?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)")
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1)
	if err := write(db, c, info); err != nil {
		db.Close()
		return fmt.Errorf("writing the catalogue: %w", err)
	}
	t := time.Now()
	if _, err := db.Exec("VACUUM INTO ?", compact); err != nil {
		db.Close()
		return fmt.Errorf("writing the catalogue: %w", err)
	}
	trace("vacuum into", t)
	if err := db.Close(); err != nil {
		return err
	}
	if err := syncFile(compact); err != nil {
		return err
	}
	return os.Rename(compact, path)
}

func trace(what string, t time.Time) {
	if os.Getenv("WEGWEISER_TRACE") != "" {
		fmt.Fprintf(os.Stderr, "%-20s %v\n", what, time.Since(t))
	}
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
	if cfg := os.Getenv("WEGWEISER_FTS"); cfg != "" {
		for _, c := range strings.Split(cfg, ";") {
			for _, t := range searchTables {
				if _, err := db.ExecContext(ctx, "INSERT INTO "+t+"("+t+", rank) VALUES("+c+")"); err != nil {
					return err
				}
			}
		}
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	w := &writer{tx: tx, stmts: map[string]*sql.Stmt{}}
	t := time.Now()
	w.all(c, info)
	w.writeTexts()
	trace("tables", t)
	t = time.Now()
	w.searchIndex(c.Meta.Languages, c.Meta.SourceLanguage)
	trace("search index", t)
	if w.err != nil {
		return w.err
	}
	t = time.Now()
	if err := tx.Commit(); err != nil {
		return err
	}
	trace("commit", t)
	t = time.Now()
	for _, table := range searchTables {
		if _, err := db.ExecContext(ctx, "INSERT INTO "+table+"("+table+") VALUES('optimize')"); err != nil {
			return err
		}
	}
	trace("optimize", t)
	t = time.Now()
	// Without STAT4 samples, which would make SQLite prepare a statement
	// anew each time it runs with other values.
	_, err = db.ExecContext(ctx, "ANALYZE; DROP TABLE IF EXISTS sqlite_stat4;")
	trace("analyze", t)
	return err
}

// writer inserts rows, remembering the first error so that the code that
// lays out the catalogue reads as a plain list of inserts.
type writer struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	err   error
	key   int64        // last key handed out
	texts []textRow    // every text, written by writeTexts
	items []searchItem // what the search index will hold, in catalogue order
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

// text queues the texts of an owner's field; writeTexts writes them.
func (w *writer) text(owner int64, field string, t Text) {
	for lang, v := range t {
		w.texts = append(w.texts, textRow{owner, field, lang, v})
	}
}

// textRow is one row of the table text.
type textRow struct {
	owner       int64
	field, lang string
	value       string
}

// longFields are the fields shown only on an item's own page.
var longFields = map[string]bool{"description": true, "audience": true, "body": true}

// writeTexts writes the texts, first the short ones (titles, names,
// summaries...) and then the long ones, each by owner, so that the short
// texts that lists and search results show lie together in a few pages of
// the file rather than between descriptions.
func (w *writer) writeTexts() {
	sort.Slice(w.texts, func(i, j int) bool {
		a, b := w.texts[i], w.texts[j]
		if longFields[a.field] != longFields[b.field] {
			return !longFields[a.field]
		}
		if a.owner != b.owner {
			return a.owner < b.owner
		}
		if a.field != b.field {
			return a.field < b.field
		}
		return a.lang < b.lang
	})
	for _, t := range w.texts {
		w.exec("INSERT INTO text(owner, field, lang, value) VALUES(?,?,?,?)", t.owner, t.field, t.lang, t.value)
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
	w.searchDocs(KindOffer, k, o.ID, o.Areas, o.Tags, o.Title, o.Summary, o.Description, o.Audience, o.Provider, o.Cost)
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
	w.searchDocs(KindEvent, k, e.ID, e.Areas, nil, e.Title, e.Summary, e.Description, e.Place)
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
	w.searchDocs(KindBrochure, k, b.ID, []string{b.Area}, nil, b.Title, headings, bodies)
}

func appendText(dst, src Text) {
	for lang, v := range src {
		if dst[lang] != "" {
			v = dst[lang] + "\n" + v
		}
		dst[lang] = v
	}
}

// searchItem is an offer, event or brochure as the search index holds it.
type searchItem struct {
	kind           Kind
	key            int64
	id             string
	area           string // the block it is filed under: see fileUnder
	title, summary Text
	body           []Text
	tags           []string
}

// searchDocs queues an item for the search index, which searchIndex
// writes once every item has its key.
func (w *writer) searchDocs(kind Kind, key int64, id string, areas []string, tags []string, title, summary Text, body ...Text) {
	w.items = append(w.items, searchItem{kind: kind, key: key, id: id, area: fileUnder(areas), title: title, summary: summary, body: body, tags: tags})
}

// fileUnder is the area an item's search documents are filed under: the
// longest district id (of 2, 3, 5 or 8 digits) that is a prefix of all its
// areas, else "00". It covers every district that sees the item, so a
// search for a district need only read the blocks of AreasCovering.
func fileUnder(areas []string) string {
	if len(areas) == 0 {
		return Nationwide
	}
	common := areas[0]
	for _, a := range areas[1:] {
		n := 0
		for n < len(common) && n < len(a) && common[n] == a[n] {
			n++
		}
		common = common[:n]
	}
	for _, n := range []int{8, 5, 3, 2} {
		if len(common) >= n && ValidDistrictID(common[:n]) {
			return common[:n]
		}
	}
	return Nationwide
}

// searchIndex writes the search documents, numbered in blocks by language
// (the catalogue's in menu order, then any other) and area, and the blocks'
// rowid ranges. Tags, which may be in any language, are searched with the
// source language: they are part of its documents' body.
func (w *writer) searchIndex(catalogLanguages []string, sourceLanguage string) {
	sort.SliceStable(w.items, func(i, j int) bool { return w.items[i].area < w.items[j].area })
	langs := append([]string{}, catalogLanguages...)
	var others []string
	for _, it := range w.items {
		for _, t := range append([]Text{it.title, it.summary}, it.body...) {
			for lang := range t {
				if !contains(langs, lang) && !contains(others, lang) {
					others = append(others, lang)
				}
			}
		}
	}
	sort.Strings(others)
	var rowid int64
	for _, lang := range append(langs, others...) {
		var area string
		var first int64
		block := func() {
			if first > 0 {
				w.exec("INSERT INTO search_block(lang, area, first, last) VALUES(?,?,?,?)", lang, area, first, rowid)
			}
		}
		for _, it := range w.items {
			var parts []string
			for _, t := range it.body {
				if t[lang] != "" {
					parts = append(parts, t[lang])
				}
			}
			if lang == sourceLanguage {
				parts = append(parts, it.tags...)
			}
			title, summary, body := it.title[lang], it.summary[lang], strings.Join(parts, "\n")
			if title == "" && summary == "" && body == "" {
				continue
			}
			if first == 0 || it.area != area {
				block()
				area, first = it.area, rowid+1
			}
			rowid++
			w.exec("INSERT INTO search_doc(rowid, kind, item, id, lang, title, summary_len, body_len) VALUES(?,?,?,?,?,?,?,?)",
				rowid, string(it.kind), it.key, it.id, lang, title, utf8.RuneCountInString(summary), utf8.RuneCountInString(body))
			if title != "" {
				w.exec("INSERT INTO search_title(rowid, text) VALUES(?,?)", rowid, distinctWords(title))
				w.exec("INSERT INTO search_prefix(rowid, title) VALUES(?,?)", rowid, title)
			}
			for part, text := range []string{summary, body} {
				if text != "" {
					w.exec("INSERT INTO search(rowid, text) VALUES(?,?)", rowid<<1|int64(part), distinctWords(text))
				}
			}
		}
		block()
	}
}

// distinctWords is what the trigram index holds of a text: each of its
// words once, in order, separated by spaces. Search matches each word of a
// query (split the same way, see searchExpression) inside one word of a
// text, so it finds the same documents; but the index is a third smaller,
// as it holds neither repeated words nor their positions.
func distinctWords(s string) string {
	seen := map[string]bool{}
	var b strings.Builder
	for _, w := range words(s) {
		if !seen[w] {
			seen[w] = true
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	return b.String()
}

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
