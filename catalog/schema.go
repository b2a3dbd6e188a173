package catalog

// ApplicationID marks an SQLite file as a Wegweiser catalogue ("WGWC").
const ApplicationID = 0x57475743

// SchemaVersion is stored as user_version; Open refuses other versions.
// Version 2: texts in a rowid table; search documents in blocks by language
// and area, with one full-text index for each of title, summary and body,
// ranked without bm25. Version 3: no full-text indexes; search documents
// hold their words, folded, and a search reads its district's blocks into
// memory.
const SchemaVersion = 3

// schema is the compiled catalogue. Every district, category, offer,
// contact, event, brochure and section has an integer key from one
// sequence, so that all their texts live in one table keyed by owner.
// Lists of short codes (languages, tags) are stored space- or
// newline-separated: they are only ever read whole.
//
// Texts are a rowid table with a separate key index: in a WITHOUT ROWID
// table a row longer than about 1000 bytes (a description) spills into an
// overflow page of its own, mostly empty (136 MB for 79 MB of text in a
// national catalogue). Compile writes the short texts first, see
// writeTexts.
const schema = `
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE language(code TEXT PRIMARY KEY, ord INTEGER NOT NULL,
	required_total INTEGER NOT NULL, required_done INTEGER NOT NULL,
	optional_total INTEGER NOT NULL, optional_done INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE text(owner INTEGER NOT NULL, field TEXT NOT NULL, lang TEXT NOT NULL, value TEXT NOT NULL);
CREATE UNIQUE INDEX text_key ON text(owner, field, lang);
CREATE TABLE district(key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, ord INTEGER NOT NULL);
CREATE TABLE category(key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, ord INTEGER NOT NULL, icon TEXT NOT NULL);
CREATE TABLE offer(key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, ord INTEGER NOT NULL,
	website TEXT NOT NULL, valid_from TEXT NOT NULL, valid_until TEXT NOT NULL, updated TEXT NOT NULL,
	languages TEXT NOT NULL, tags TEXT NOT NULL);
CREATE TABLE offer_category(category TEXT NOT NULL, offer INTEGER NOT NULL, PRIMARY KEY(category, offer)) WITHOUT ROWID;
CREATE INDEX offer_category_offer ON offer_category(offer, category);
CREATE TABLE offer_area(area TEXT NOT NULL, offer INTEGER NOT NULL, PRIMARY KEY(area, offer)) WITHOUT ROWID;
CREATE TABLE contact(key INTEGER PRIMARY KEY, offer INTEGER NOT NULL, ord INTEGER NOT NULL,
	phone TEXT NOT NULL, email TEXT NOT NULL, address TEXT NOT NULL, hours TEXT NOT NULL);
CREATE INDEX contact_offer ON contact(offer, ord);
CREATE TABLE event(key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, ord INTEGER NOT NULL,
	start TEXT NOT NULL, end TEXT NOT NULL, website TEXT NOT NULL, languages TEXT NOT NULL);
CREATE TABLE event_area(area TEXT NOT NULL, event INTEGER NOT NULL, PRIMARY KEY(area, event)) WITHOUT ROWID;
CREATE TABLE event_category(category TEXT NOT NULL, event INTEGER NOT NULL, PRIMARY KEY(category, event)) WITHOUT ROWID;
CREATE TABLE brochure(key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, ord INTEGER NOT NULL, area TEXT NOT NULL);
CREATE INDEX brochure_area ON brochure(area);
CREATE TABLE section(key INTEGER PRIMARY KEY, brochure INTEGER NOT NULL, ord INTEGER NOT NULL, image TEXT NOT NULL);
CREATE INDEX section_brochure ON section(brochure, ord);
CREATE TABLE section_offer(section INTEGER NOT NULL, ord INTEGER NOT NULL, offer TEXT NOT NULL, PRIMARY KEY(section, ord)) WITHOUT ROWID;
CREATE TABLE media(path TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;

-- Search: one document per item and language that has text in it; tags,
-- which are in any language, are in the source language's body. A
-- document holds what search results show and rank by (the item's id, the
-- title in the document's language, the lengths of summary and body in
-- characters) and the words searched, folded (see fold) and each once, in
-- the best part it is in: title_words every word of the title,
-- summary_words and body_words the other words of three letters or more.
--
-- Documents are numbered in blocks, by language and then by the area they
-- are filed under (the longest district id that is a prefix of all the
-- item's areas, or '00'): a search reads only the blocks of its language
-- and of the areas covering the kiosk's district, as rowid ranges.
CREATE TABLE search_doc(rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, item INTEGER NOT NULL, id TEXT NOT NULL,
	lang TEXT NOT NULL, title TEXT NOT NULL, summary_len INTEGER NOT NULL, body_len INTEGER NOT NULL,
	title_words TEXT NOT NULL, summary_words TEXT NOT NULL, body_words TEXT NOT NULL);
CREATE TABLE search_block(lang TEXT NOT NULL, area TEXT NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL,
	PRIMARY KEY(lang, area)) WITHOUT ROWID;
`
