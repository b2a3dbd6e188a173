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
	// Expires is the bundle's expiry, kept in the (signed) payload too so
	// that a damaged record of the installed catalogues can be rebuilt
	// from the files alone; zero for the sample and plain builds.
	Expires time.Time
}

// Compile writes content as a new catalogue file at path, replacing any
// file there only once the new one is complete.
//
// The catalogue is written to path+".building", synced, and renamed to
// path.
func Compile(c *Content, path string, info BuildInfo) (err error) {
	building := path + ".building"
	_ = os.Remove(building)
	defer func() {
		if err != nil {
			_ = os.Remove(building)
		}
	}()
	db, err := openForWriting(building)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := write(db, c, info); err != nil {
		return fmt.Errorf("writing the catalogue: %w", err)
	}
	if err := db.Close(); err != nil {
		return err
	}
	if err := syncFile(building); err != nil {
		return err
	}
	return os.Rename(building, path)
}

// openForWriting opens a new database file that is only ever written
// whole: without a journal, and without waiting for the disk (Compile
// syncs the finished file).
func openForWriting(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("PRAGMA page_size=4096"); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

func write(db *sql.DB, c *Content, info BuildInfo) (err error) {
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id=%d; PRAGMA user_version=%d;", ApplicationID, SchemaVersion)); err != nil {
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
	w := &writer{tx: tx, stmts: map[string]*sql.Stmt{}, seen: map[string]bool{}}
	w.all(c, info)
	docs := w.searchDocs(c.Meta.Languages, c.Meta.SourceLanguage)
	w.writeTexts()
	w.searchIndex(docs, c.Meta.SourceLanguage)
	if w.err != nil {
		return w.err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	// Without STAT4 samples, which would make SQLite prepare a statement
	// anew each time it runs with other values.
	_, err = db.ExecContext(ctx, "ANALYZE; DROP TABLE IF EXISTS sqlite_stat4;")
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
	seen  map[string]bool
	// outdated are the content's translations made from an earlier source
	// text (place and language); outdatedRows the same by key, for meta.
	outdated     map[string]bool
	outdatedRows []string
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
func (w *writer) text(owner int64, field string, t Text, place string) {
	for lang, v := range t {
		w.texts = append(w.texts, textRow{owner, field, lang, v})
		if w.outdated[place+"\x00"+lang] {
			w.outdatedRows = append(w.outdatedRows, strconv.FormatInt(owner, 10)+" "+field+" "+lang)
		}
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
	if !info.Expires.IsZero() {
		w.exec("INSERT INTO meta(key, value) VALUES(?,?)", "expires", info.Expires.UTC().Format(time.RFC3339))
	}
	w.outdated = outdatedPlaces(c)
	w.text(metaOwner, "title", m.Title, "catalog.title")
	for i, cov := range ComputeCoverage(c) {
		w.exec("INSERT INTO language VALUES(?,?,?,?,?,?)", cov.Lang, i, cov.RequiredTotal, cov.RequiredDone, cov.OptionalTotal, cov.OptionalDone)
	}
	for i, d := range c.Districts {
		k := w.nextKey()
		w.exec("INSERT INTO district(key, id, ord) VALUES(?,?,?)", k, d.ID, i)
		w.text(k, "name", d.Name, "district."+d.ID+".name")
	}
	for i, cat := range c.Categories {
		k := w.nextKey()
		w.exec("INSERT INTO category(key, id, ord, icon) VALUES(?,?,?,?)", k, cat.ID, i, cat.Icon)
		w.text(k, "name", cat.Name, "category."+cat.ID+".name")
		w.text(k, "description", cat.Description, "category."+cat.ID+".description")
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
	if len(w.outdatedRows) > 0 { // read by Open; the kiosk marks these translations
		sort.Strings(w.outdatedRows)
		w.exec("INSERT INTO meta(key, value) VALUES(?,?)", "outdated", strings.Join(w.outdatedRows, "\n"))
	}
}

func (w *writer) offer(ord int, o Offer) {
	k := w.nextKey()
	w.exec("INSERT INTO offer(key, id, ord, website, valid_from, valid_until, updated, languages, tags) VALUES(?,?,?,?,?,?,?,?,?)",
		k, o.ID, ord, o.Website, dateString(o.ValidFrom), dateString(o.ValidUntil), dateString(o.Updated),
		strings.Join(o.Languages, " "), strings.Join(o.Tags, "\n"))
	for field, t := range map[string]Text{"title": o.Title, "provider": o.Provider, "summary": o.Summary,
		"description": o.Description, "audience": o.Audience, "cost": o.Cost} {
		w.text(k, field, t, "offer."+o.ID+"."+field)
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
		cp := "offer." + o.ID + ".contact." + strconv.Itoa(i+1) + "."
		w.text(ck, "label", c.Label, cp+"label")
		w.text(ck, "hours_note", c.HoursNote, cp+"hours_note")
	}
	w.search(KindOffer, k, o.ID, o.Areas, o.Tags, o.Title, o.Summary, o.Description, o.Audience, o.Provider, o.Cost)
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
		w.text(k, field, t, "event."+e.ID+"."+field)
	}
	for _, a := range e.Areas {
		w.exec("INSERT OR IGNORE INTO event_area(area, event) VALUES(?,?)", a, k)
	}
	for _, c := range e.Categories {
		w.exec("INSERT OR IGNORE INTO event_category(category, event) VALUES(?,?)", c, k)
	}
	w.search(KindEvent, k, e.ID, e.Areas, nil, e.Title, e.Summary, e.Description, e.Place)
}

func (w *writer) brochure(ord int, b Brochure) {
	k := w.nextKey()
	w.exec("INSERT INTO brochure(key, id, ord, area) VALUES(?,?,?,?)", k, b.ID, ord, b.Area)
	w.text(k, "title", b.Title, "brochure."+b.ID+".title")
	headings, bodies := Text{}, Text{}
	for i, s := range b.Sections {
		sk := w.nextKey()
		w.exec("INSERT INTO section(key, brochure, ord, image) VALUES(?,?,?,?)", sk, k, i, s.Image)
		sp := "brochure." + b.ID + ".section." + strconv.Itoa(i+1) + "."
		w.text(sk, "heading", s.Heading, sp+"heading")
		w.text(sk, "body", s.Body, sp+"body")
		for j, o := range s.Offers {
			w.exec("INSERT INTO section_offer(section, ord, offer) VALUES(?,?,?)", sk, j, o)
		}
		appendText(headings, s.Heading)
		appendText(bodies, s.Body)
	}
	w.search(KindBrochure, k, b.ID, []string{b.Area}, nil, b.Title, headings, bodies)
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

// search queues an item for the search index, which searchDocs and
// searchIndex write once every item has its key.
func (w *writer) search(kind Kind, key int64, id string, areas []string, tags []string, title, summary Text, body ...Text) {
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

// searchDocRow is a search document: an item in a language.
type searchDocRow struct {
	item *searchItem
	lang string
}

// searchDocs numbers the search documents in blocks by language (the
// catalogue's in menu order, then any other) and area, writes the blocks'
// rowid ranges, and returns the documents indexed by rowid (from 1; the
// first is empty).
func (w *writer) searchDocs(catalogLanguages []string, sourceLanguage string) []searchDocRow {
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
	docs := []searchDocRow{{}}
	for _, lang := range append(langs, others...) {
		first := len(docs)
		for i := range w.items {
			it := &w.items[i]
			if title, summary, body := it.texts(lang, sourceLanguage); title == "" && summary == "" && body == "" {
				continue
			}
			if len(docs) > first && it.area != docs[len(docs)-1].item.area {
				w.exec("INSERT INTO search_block(lang, area, first, last) VALUES(?,?,?,?)", lang, docs[first].item.area, first, len(docs)-1)
				first = len(docs)
			}
			docs = append(docs, searchDocRow{it, lang})
		}
		if len(docs) > first {
			w.exec("INSERT INTO search_block(lang, area, first, last) VALUES(?,?,?,?)", lang, docs[first].item.area, first, len(docs)-1)
		}
	}
	return docs
}

// searchIndex writes the search documents. Tags, which may be in any
// language, are searched with the source language: they are part of its
// documents' body.
func (w *writer) searchIndex(docs []searchDocRow, sourceLanguage string) {
	for rowid, d := range docs[1:] {
		title, summary, body := d.item.texts(d.lang, sourceLanguage)
		titleWords, summaryWords, bodyWords := indexedWords(title, summary, body, w.seen)
		w.exec(`INSERT INTO search_doc(rowid, kind, item, id, lang, title, summary_len, body_len,
			title_words, summary_words, body_words) VALUES(?,?,?,?,?,?,?,?,?,?,?)`,
			rowid+1, string(d.item.kind), d.item.key, d.item.id, d.lang, title,
			utf8.RuneCountInString(summary), utf8.RuneCountInString(body), titleWords, summaryWords, bodyWords)
	}
}

// texts are an item's title, summary and body in one language.
func (it *searchItem) texts(lang, sourceLanguage string) (title, summary, body string) {
	var parts []string
	for _, t := range it.body {
		if t[lang] != "" {
			parts = append(parts, t[lang])
		}
	}
	if lang == sourceLanguage {
		parts = append(parts, it.tags...)
	}
	return it.title[lang], it.summary[lang], strings.Join(parts, "\n")
}

// indexedWords is what a search document holds of its title, summary and
// body: their words, folded, each once, in the best part it is in,
// separated by spaces; every word of the title, but only words of three
// letters or more of the others. Search matches a query word of three
// letters or more inside one word of a part, and shorter ones at the start
// of a title word (see searchTerms); it ranks a document by the best part
// each query word is in, so it finds and ranks the same as with the whole
// texts. seen is scratch space.
func indexedWords(title, summary, body string, seen map[string]bool) (string, string, string) {
	clear(seen)
	return distinctWords(title, 1, seen), distinctWords(summary, 3, seen), distinctWords(body, 3, seen)
}

// distinctWords is the folded words of s of at least minLetters letters
// that are not yet seen, and adds them to seen.
func distinctWords(s string, minLetters int, seen map[string]bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, w := range words(fold(s)) {
		if !seen[w] && utf8.RuneCountInString(w) >= minLetters {
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
