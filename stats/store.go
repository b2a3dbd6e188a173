package stats

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"sync"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" driver

	"wegweiser/catalog"
)

// FlushInterval is how often buffered counts are written to the file.
const FlushInterval = time.Minute

// schema is the whole content of the file: nothing but these five columns.
const schema = `CREATE TABLE IF NOT EXISTS counts (
	day   TEXT NOT NULL,   -- YYYY-MM-DD in Europe/Berlin
	kind  TEXT NOT NULL,   -- category, offer, brochure, event, qr, print
	item  TEXT NOT NULL,   -- a catalogue id
	lang  TEXT NOT NULL,   -- the visitor language
	count INTEGER NOT NULL,
	PRIMARY KEY (day, kind, item, lang)
) WITHOUT ROWID`

const upsert = `INSERT INTO counts (day, kind, item, lang, count) VALUES (?, ?, ?, ?, ?)
	ON CONFLICT (day, kind, item, lang) DO UPDATE SET count = count + excluded.count`

// Store is the statistics file of one kiosk. Its methods are safe for
// concurrent use; Count only touches memory.
type Store struct {
	db *sql.DB

	mu      sync.Mutex
	pending map[key]int64
	closed  bool

	flushMu   sync.Mutex // one flush at a time
	prunedDay string     // the day of the last Prune, for the daily one

	stop chan struct{}
	done chan struct{}
}

// key is one row of the table.
type key struct {
	day  string
	kind Kind
	item string
	lang string
}

// Open opens or creates the statistics file at path (normally
// DIR/stats.sqlite), deletes counts older than Retention, and starts
// writing buffered counts every FlushInterval.
func Open(path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs),
		RawQuery: "_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // one writer; the file is small
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening the statistics %s: %w", path, err)
	}
	s := &Store{db: db, pending: map[key]int64{}, stop: make(chan struct{}), done: make(chan struct{})}
	if _, err := s.Prune(time.Now()); err != nil {
		db.Close()
		return nil, err
	}
	go s.flushLoop()
	return s, nil
}

// Count adds one to what was counted on day (any time of that day; the
// day is taken in Europe/Berlin) for kind, the catalogue id item and the
// visitor language lang. It refuses anything that is not a catalogue id or
// a language code, so that no free text is ever stored.
func (s *Store) Count(day time.Time, kind Kind, item, lang string) error {
	if err := kind.check(); err != nil {
		return err
	}
	if !catalog.ValidID(item) {
		return fmt.Errorf("stats: %q is not a catalogue id", item)
	}
	if !catalog.ValidLanguageCode(lang) {
		return fmt.Errorf("stats: %q is not a language code", lang)
	}
	if day.IsZero() {
		return errors.New("stats: no day given")
	}
	k := key{dayOf(day), kind, item, lang}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errors.New("stats: the store is closed")
	}
	s.pending[k]++
	return nil
}

// dayOf is the calendar day of t in Europe/Berlin, as stored.
func dayOf(t time.Time) string { return t.In(catalog.Berlin).Format(time.DateOnly) }

// Flush writes the buffered counts to the file. When writing fails they
// stay buffered for the next attempt.
func (s *Store) Flush() error {
	s.flushMu.Lock()
	defer s.flushMu.Unlock()
	s.mu.Lock()
	batch := s.pending
	s.pending = map[key]int64{}
	s.mu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	if err := s.write(batch); err != nil {
		s.mu.Lock()
		for k, n := range batch {
			s.pending[k] += n
		}
		s.mu.Unlock()
		return fmt.Errorf("writing the statistics: %w", err)
	}
	return nil
}

func (s *Store) write(batch map[key]int64) error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.Prepare(upsert)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for k, n := range batch {
		if _, err := stmt.Exec(k.day, string(k.kind), k.item, k.lang, n); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func (s *Store) flushLoop() {
	defer close(s.done)
	tick := time.NewTicker(FlushInterval)
	defer tick.Stop()
	for {
		select {
		case <-s.stop:
			return
		case now := <-tick.C:
			s.Flush() // on failure the counts stay buffered; Close reports it
			if dayOf(now) != s.lastPruned() {
				s.Prune(now)
			}
		}
	}
}

// Close writes what is buffered and closes the file.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	close(s.stop)
	<-s.done
	err := s.Flush()
	return errors.Join(err, s.db.Close())
}

// FileName is the statistics file's name inside a kiosk's data folder.
const FileName = "stats.sqlite"
