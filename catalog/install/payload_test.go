package install

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// alteredCatalog returns the compiled test catalogue of version v after
// running statements on it: a payload a coordinator's tool (or an attacker
// with the key) might sign.
func alteredCatalog(t testing.TB, v int64, statements string) []byte {
	t.Helper()
	path := putFile(t, t.TempDir(), "c.sqlite", compiledCatalog(t, testCatalog, v))
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(statements); err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Issue 11 item 2: a signed payload is not trusted whole. A view that
// recurses without end, a trigger, a table of another shape or a dropped
// index are refused at install, quickly, with the reason; the installed
// catalogue stays.
func TestSignedPayloadWithForeignSchemaIsRefused(t *testing.T) {
	for name, c := range map[string]struct{ sql, reason string }{
		"endless view":          {`CREATE VIEW endless AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r) SELECT n FROM r`, "view endless that this program never creates"},
		"trigger":               {`CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM meta; END`, "trigger t that this program never creates"},
		"altered table":         {`ALTER TABLE meta ADD COLUMN extra TEXT`, "table meta is defined differently"},
		"view named as a table": {`ALTER TABLE meta RENAME TO meta_real; CREATE VIEW meta AS SELECT key, value FROM meta_real`, "never creates"},
	} {
		t.Run(name, func(t *testing.T) {
			s := newStore(t, t.TempDir())
			mustInstall(t, s, spec{version: 7})
			before := takeSnapshot(t, s)
			start := time.Now()
			_, err := installBundle(t, s, spec{version: 8, payload: alteredCatalog(t, 8, c.sql)})
			if !errors.Is(err, ErrNotCatalog) || !strings.Contains(err.Error(), c.reason) {
				t.Fatalf("got %v", err)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("the refusal took %v", d)
			}
			assertUnchanged(t, s, before)
		})
	}
}

// A payload with an endless view that reached the data folder (installed by
// an earlier version of the program) does not open at start: the kiosk
// shows the previous catalogue.
func TestForeignSchemaAtStartFallsBack(t *testing.T) {
	s := newStore(t, t.TempDir())
	mustInstall(t, s, spec{version: 7})
	mustInstall(t, s, spec{version: 8})
	path, _, _ := s.Current()
	bad := alteredCatalog(t, 8, `CREATE VIEW endless AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r) SELECT n FROM r`)
	if err := os.WriteFile(path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	c, _, problem := s.OpenForKiosk(nil, t.TempDir())
	if c == nil || c.Info().Version != 7 || problem == nil || !strings.Contains(problem.Error(), "never creates") {
		t.Fatalf("%v %v", c, problem)
	}
	c.Close()
}

// The integrity check ends when its time is up, whatever the file.
func TestPayloadCheckIsBoundedInTime(t *testing.T) {
	path := putFile(t, t.TempDir(), "c.sqlite", compiledCatalog(t, testCatalog, 7))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := checkSQLite(ctx, path); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled check returned %v", err)
	}
}
