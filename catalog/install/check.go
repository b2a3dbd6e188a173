package install

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/bundle"

	_ "modernc.org/sqlite" // the SQLite driver
)

// errAlreadyInstalled is the policy's "nothing to do": not a refusal.
var errAlreadyInstalled = errors.New("this version is installed already")

// policy decides whether a verified manifest may replace what st records
// as installed, at the time now (step 5 of the check). auto is true for
// the sync, which also skips a version staff rolled back.
func (s *Store) policy(m bundle.Manifest, st State, now time.Time, auto bool) error {
	if s.trust.Catalog == "" {
		return ErrNoTrustedCatalog
	}
	if m.CatalogID != s.trust.Catalog {
		return fmt.Errorf("%w: it is %q, this kiosk accepts %q", ErrOtherCatalog, m.CatalogID, s.trust.Catalog)
	}
	if m.Format != bundle.FormatVersion {
		return fmt.Errorf("%w: format %d", bundle.ErrUnsupportedFormat, m.Format)
	}
	if m.Size > s.maxBundle() {
		return fmt.Errorf("%w: its catalogue has %s, at most %s", ErrTooLarge, megabytes(m.Size), megabytes(s.maxBundle()))
	}
	if cur := st.Current; cur != nil && cur.CatalogID == m.CatalogID {
		switch {
		case m.Version == cur.Version:
			return errAlreadyInstalled
		case m.Version < cur.Version:
			return fmt.Errorf("%w (version %d < %d)", ErrOlder, m.Version, cur.Version)
		}
	}
	if auto && st.Withdrawn != 0 && m.Version <= st.Withdrawn {
		return fmt.Errorf("%w (version %d)", ErrWithdrawn, m.Version)
	}
	if m.Issued.After(now.Add(MaxClockLead)) {
		return fmt.Errorf("%w: it says it was issued on %s, this kiosk's clock says %s",
			ErrIssuedInFuture, m.Issued.UTC().Format("2006-01-02 15:04 UTC"), now.UTC().Format("2006-01-02 15:04 UTC"))
	}
	return checkExpiry(m.Expires, st.TimeFloor, now)
}

// MaxClockLead is how far ahead of the kiosk's clock a bundle's issue time
// may be: clocks of the coordinator's computer and the kiosk differ a
// little; a bundle "issued" days ahead comes from a clock set wrong.
const MaxClockLead = 48 * time.Hour

// checkExpiry refuses what expires at or before max(now, floor).
func checkExpiry(expires, floor, now time.Time) error {
	if now.Before(expires) && floor.Before(expires) {
		return nil
	}
	day := expires.UTC().Format("2006-01-02 15:04 UTC")
	if now.Before(expires) {
		return fmt.Errorf("%w on %s; this kiosk already installed a catalogue issued on %s, so its clock seems to be behind",
			ErrExpired, day, floor.UTC().Format("2006-01-02"))
	}
	return fmt.Errorf("%w on %s", ErrExpired, day)
}

// checkCatalogFile checks the staged payload (step 7): a SQLite file in
// rollback-journal mode, read-only with trusted_schema=OFF and
// cell_size_check=ON, passing integrity_check, with the catalogue's
// application id and schema version, and the catalogue id and version the
// manifest names.
func checkCatalogFile(ctx context.Context, path string, m bundle.Manifest) error {
	if err := checkSQLiteHeader(path); err != nil {
		return err
	}
	if err := checkSQLite(ctx, path); err != nil {
		return err
	}
	c, err := catalog.Open(path)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotCatalog, err)
	}
	info := c.Info()
	c.Close()
	if info.ID != m.CatalogID || info.Version != m.Version {
		return fmt.Errorf("%w: it holds %q version %d, but its signed description names %q version %d",
			ErrNotCatalog, info.ID, info.Version, m.CatalogID, m.Version)
	}
	return nil
}

// checkSQLiteHeader reads the first 100 bytes: the SQLite magic, and the
// rollback-journal file format (a file in WAL mode is refused: it would
// need side files next to it).
func checkSQLiteHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		return fmt.Errorf("%w: it is too short to be a database", ErrNotCatalog)
	}
	if !bytes.Equal(h[:16], []byte("SQLite format 3\x00")) {
		return fmt.Errorf("%w: it is not an SQLite database", ErrNotCatalog)
	}
	if h[18] != 1 || h[19] != 1 {
		return fmt.Errorf("%w: the database is in a journal mode a catalogue never uses", ErrNotCatalog)
	}
	return nil
}

// checkSQLite opens the file read-only as a database that came from
// outside and checks its application id, schema version, schema objects
// and integrity, within PayloadCheckTime.
func checkSQLite(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs),
		RawQuery: "mode=ro&immutable=1&_pragma=trusted_schema(0)&_pragma=cell_size_check(1)&_pragma=query_only(1)"}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx, cancel := context.WithTimeoutCause(ctx, PayloadCheckTime, errCheckTooLong)
	defer cancel()
	err = checkSQLiteSchema(ctx, db)
	if ctx.Err() != nil {
		return checkEnded(ctx)
	}
	return err
}

// PayloadCheckTime bounds the database check of one payload: a national
// catalogue takes about a second; a file built to keep SQLite busy is
// refused when the time is up.
const PayloadCheckTime = 2 * time.Minute

var errCheckTooLong = errors.New("checking the database took too long")

// checkEnded is the error of a check whose context ended: staff cancelled,
// or the time was up (the file is refused).
func checkEnded(ctx context.Context) error {
	if errors.Is(context.Cause(ctx), errCheckTooLong) {
		return fmt.Errorf("%w: %v (more than %v)", ErrNotCatalog, errCheckTooLong, PayloadCheckTime)
	}
	return ctx.Err()
}

// checkSQLiteSchema checks the application id, schema version, every
// object of the schema and the integrity of the open database.
func checkSQLiteSchema(ctx context.Context, db *sql.DB) error {
	var appID, schema int64
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("%w: %v", ErrNotCatalog, err)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&schema); err != nil {
		return fmt.Errorf("%w: %v", ErrNotCatalog, err)
	}
	if appID != catalog.ApplicationID {
		return fmt.Errorf("%w: it is a database of another program (application id %#x)", ErrNotCatalog, appID)
	}
	if schema != catalog.SchemaVersion {
		return fmt.Errorf("%w: its schema version is %d; this program reads version %d", ErrNotCatalog, schema, catalog.SchemaVersion)
	}
	// The schema first: what integrity_check reads is then only ours.
	if err := catalog.CheckSchema(ctx, db); err != nil {
		return fmt.Errorf("%w: %s", ErrNotCatalog, strings.TrimPrefix(err.Error(), catalog.ErrNotCatalog.Error()+": "))
	}
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check(1)")
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotCatalog, err)
	}
	defer rows.Close()
	var result string
	if rows.Next() {
		err = rows.Scan(&result)
	}
	if err == nil {
		err = rows.Err()
	}
	if err != nil {
		return fmt.Errorf("%w: the database is damaged (%v)", ErrNotCatalog, err)
	}
	if result != "ok" {
		result = strings.TrimSpace(strings.TrimPrefix(result, "*** in database main ***"))
		return fmt.Errorf("%w: the database is damaged (%s)", ErrNotCatalog, result)
	}
	return nil
}
