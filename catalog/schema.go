package catalog

// ApplicationID marks an SQLite file as a Wegweiser catalogue ("WGWC").
const ApplicationID = 0x57475743

// SchemaVersion is stored as user_version; Open refuses other versions.
const SchemaVersion = 1

// schema is the compiled catalogue. Every district, category, offer,
// contact, event, brochure and section has an integer key from one
// sequence, so that all their texts live in one table keyed by owner.
// Lists of short codes (languages, tags) are stored space- or
// newline-separated: they are only ever read whole.
const schema = `
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE language(code TEXT PRIMARY KEY, ord INTEGER NOT NULL,
	required_total INTEGER NOT NULL, required_done INTEGER NOT NULL,
	optional_total INTEGER NOT NULL, optional_done INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE text(owner INTEGER NOT NULL, field TEXT NOT NULL, lang TEXT NOT NULL, value TEXT NOT NULL,
	PRIMARY KEY(owner, field, lang)) WITHOUT ROWID;
CREATE TABLE district(key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, ord INTEGER NOT NULL);
CREATE TABLE category(key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, ord INTEGER NOT NULL, icon TEXT NOT NULL);
CREATE TABLE offer(key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, ord INTEGER NOT NULL,
	website TEXT NOT NULL, valid_from TEXT NOT NULL, valid_until TEXT NOT NULL, updated TEXT NOT NULL,
	languages TEXT NOT NULL, tags TEXT NOT NULL);
CREATE TABLE offer_category(category TEXT NOT NULL, offer INTEGER NOT NULL, PRIMARY KEY(category, offer)) WITHOUT ROWID;
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

-- Full-text search: one document per item and language that has text in
-- it; tags, which are in any language, form a document of language '*'.
CREATE TABLE search_doc(rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, item INTEGER NOT NULL, lang TEXT NOT NULL);
CREATE VIRTUAL TABLE search USING fts5(title, summary, body, content='',
	tokenize='trigram remove_diacritics 1');
-- Titles by word prefix, for the first one or two letters typed.
CREATE VIRTUAL TABLE search_prefix USING fts5(title, content='',
	tokenize='unicode61 remove_diacritics 2', prefix='1 2');
`
