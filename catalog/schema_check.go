package catalog

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// schemaObject is one row of sqlite_schema: a table, index, view or trigger.
type schemaObject struct{ kind, name, table, sql string }

func (o schemaObject) String() string { return o.kind + " " + o.name }

// expectedSchema is sqlite_schema as Compile leaves it, found by creating
// the schema in an empty in-memory database once.
var expectedSchema = sync.OnceValues(func() ([]schemaObject, error) {
	db, err := sql.Open("sqlite", "file:schema?mode=memory")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(schema); err != nil {
		return nil, err
	}
	if _, err := db.Exec("ANALYZE; DROP TABLE IF EXISTS sqlite_stat4;"); err != nil {
		return nil, err
	}
	return readSchema(context.Background(), db)
})

func readSchema(ctx context.Context, db *sql.DB) ([]schemaObject, error) {
	rows, err := db.QueryContext(ctx, "SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_schema")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.kind, &o.name, &o.table, &o.sql); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	slices.SortFunc(out, func(a, b schemaObject) int { return strings.Compare(a.kind+a.name, b.kind+b.name) })
	return out, rows.Err()
}

// CheckSchema compares every object of the database (tables, indexes,
// views, triggers, with their SQL) with what this program creates. A signed
// catalogue is trusted to come from the coordinator, not to be sound: a
// view that recurses without end, a trigger, or a table of another shape
// would make a query hang or fail in front of a visitor. Nothing but the
// exact schema passes.
func CheckSchema(ctx context.Context, db *sql.DB) error {
	want, err := expectedSchema()
	if err != nil {
		return fmt.Errorf("creating the expected schema: %w", err)
	}
	got, err := readSchema(ctx, db)
	if err != nil {
		return fmt.Errorf("%w: its schema cannot be read (%v)", ErrNotCatalog, err)
	}
	for _, o := range got {
		if !slices.Contains(want, o) {
			if i := slices.IndexFunc(want, func(w schemaObject) bool { return w.kind == o.kind && w.name == o.name }); i >= 0 {
				return fmt.Errorf("%w: its %s is defined differently from this program's", ErrNotCatalog, o)
			}
			return fmt.Errorf("%w: it holds a %s that this program never creates", ErrNotCatalog, o)
		}
	}
	for _, o := range want {
		if !slices.Contains(got, o) {
			return fmt.Errorf("%w: its %s is missing", ErrNotCatalog, o)
		}
	}
	return nil
}
