package importcsv

import (
	"strings"

	"wegweiser/catalog/source"
)

// The recognised columns. A Text column may also carry a language suffix
// (title_ar); the others may not.
var (
	plainColumns = []string{"id", "provider", "categories", "areas", "languages", "website",
		"valid_from", "valid_until", "updated", "tags", "phone", "email", "address", "hours"}
	textColumns = []string{"title", "summary", "description", "audience", "cost", "hours_note"}
	// contactColumns make the offer's one contact.
	contactColumns = []string{"phone", "email", "address", "hours", "hours_note"}
)

// column is what one column of the spreadsheet holds.
type column struct {
	name  string // as written in the header, trimmed
	field string // "" for a column without a name
	lang  string // the language of a Text column
}

// readHeader interprets the header row. It reports unknown columns,
// languages that are not the catalogue's, columns given twice, and
// required fields without a column; the latter are returned, so that rows
// are not blamed for them again.
func readHeader(cells []string, t *target, c *collector) (cols []column, missing map[string]bool) {
	seen := map[column]int{} // field and language → column number
	for i, cell := range cells {
		name := strings.TrimSpace(cell)
		col := column{name: name}
		if name != "" {
			var ok bool
			if col.field, col.lang, ok = t.recognise(strings.ToLower(name)); !ok {
				c.errorf(1, "unknown column %s%s", quote(name), t.suggestColumn(strings.ToLower(name)))
				col.field = ""
			}
		}
		if col.field != "" {
			key := column{field: col.field, lang: col.lang}
			if first, dup := seen[key]; dup {
				c.errorf(1, "columns %d (%s) and %d (%s) both give %s", first+1, quote(cells[first]), i+1, quote(name), describe(col))
				col.field = ""
			} else {
				seen[key] = i
			}
		}
		cols = append(cols, col)
	}
	missing = map[string]bool{}
	for _, field := range []string{"title", "provider", "categories", "areas", "summary"} {
		lang := ""
		if contains(textColumns, field) {
			lang = t.sourceLang
		}
		if _, ok := seen[column{field: field, lang: lang}]; !ok {
			missing[field] = true
			if lang != "" {
				c.errorf(1, "there is no column '%s' (or '%s_%s'): every offer needs a %s in the source language '%s'", field, field, lang, field, lang)
			} else {
				c.errorf(1, "there is no column '%s', which every offer needs", field)
			}
		}
	}
	return cols, missing
}

// recognise maps a lower-case column name to its field and language.
func (t *target) recognise(name string) (field, lang string, ok bool) {
	if contains(plainColumns, name) {
		return name, "", true
	}
	for _, f := range textColumns {
		if name == f {
			return f, t.sourceLang, true
		}
		if suffix, found := strings.CutPrefix(name, f+"_"); found {
			if l, known := t.langLower[suffix]; known {
				return f, l, true
			}
		}
	}
	return "", "", false
}

// suggestColumn names the column meant by an unknown one, or explains a
// language suffix that is not one of the catalogue's.
func (t *target) suggestColumn(name string) string {
	for _, f := range textColumns {
		if suffix, found := strings.CutPrefix(name, f+"_"); found && suffix != "" {
			return "; '" + suffix + "' is not one of the catalogue's languages (" + strings.Join(t.languages, ", ") + ")"
		}
	}
	known := append([]string{}, plainColumns...)
	for _, f := range textColumns {
		known = append(known, f)
		for _, l := range t.languages {
			known = append(known, f+"_"+strings.ToLower(l))
		}
	}
	if n := source.Nearest(name, known); n != "" {
		return "; did you mean '" + n + "'?"
	}
	return ""
}

// describe names what a column gives, for messages.
func describe(col column) string {
	if contains(textColumns, col.field) {
		return "the " + col.field + " in '" + col.lang + "'"
	}
	return "'" + col.field + "'"
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
