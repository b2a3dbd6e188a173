package importcsv

import (
	"strings"
	"time"
	"wegweiser/catalog/source"

	"wegweiser/catalog"
)

// row is one offer made from one spreadsheet row.
type row struct {
	n     int // the spreadsheet row
	offer catalog.Offer
}

// rowReader turns records into offers, reporting every problem at its row.
type rowReader struct {
	t       *target
	c       *collector
	cols    []column
	missing map[string]bool // required fields without a column, reported once at the header
}

// isBlank reports a row with nothing in it, which spreadsheets export for
// empty lines; it is skipped.
func isBlank(r record) bool {
	for _, cell := range r.cells {
		if strings.TrimSpace(cell) != "" {
			return false
		}
	}
	return true
}

// read makes the offer of one record; its id may still be empty.
func (rr *rowReader) read(r record) row {
	out := row{n: r.row}
	o := &out.offer
	var ct catalog.Contact
	hasContact := false
	reported := map[string]bool{} // fields whose cell had a problem
	for i, cell := range r.cells {
		v := strings.TrimSpace(cell)
		if v == "" {
			continue // not given
		}
		if i >= len(rr.cols) {
			rr.c.errorf(r.row, "%s stands in column %d, right of the last column that the header row names", quote(v), i+1)
			continue
		}
		col := rr.cols[i]
		if col.field == "" {
			if col.name == "" {
				rr.c.errorf(r.row, "%s stands in column %d, which has no name in the header row", quote(v), i+1)
			}
			continue // an unknown or repeated column, reported at the header
		}
		bad := func(msg string) bool {
			if msg != "" {
				rr.c.errorf(r.row, "column '%s': %s", col.name, msg)
				reported[col.field] = true
			}
			return msg != ""
		}
		if contains(contactColumns, col.field) {
			hasContact = true
		}
		switch col.field {
		case "id":
			if !bad(checkID(v)) {
				o.ID = v
			}
		case "provider":
			o.Provider = catalog.Text{rr.t.sourceLang: v}
		case "categories":
			for _, id := range splitList(v) {
				if !bad(unknownRef(id, rr.t.categories, "category", "categories.toml")) {
					o.Categories = append(o.Categories, id)
				}
			}
		case "areas":
			for _, id := range splitList(v) {
				if !bad(unknownRef(id, rr.t.districts, "district", "districts.toml")) {
					o.Areas = append(o.Areas, id)
				}
			}
		case "languages":
			for _, l := range splitList(v) {
				if !bad(checkLanguage(l)) {
					o.Languages = append(o.Languages, l)
				}
			}
		case "tags":
			o.Tags = splitList(v)
		case "website":
			if !bad(checkURL(v)) {
				o.Website = v
			}
		case "valid_from":
			d, msg := parseDate(v)
			if !bad(msg) {
				o.ValidFrom = d
			}
		case "valid_until":
			d, msg := parseDate(v)
			if !bad(msg) {
				o.ValidUntil = d
			}
		case "updated":
			d, msg := parseDate(v)
			if !bad(msg) {
				o.Updated = d
			}
		case "phone":
			if !bad(checkPhone(v)) {
				ct.Phone = v
			}
		case "email":
			if !bad(checkEmail(v)) {
				ct.Email = v
			}
		case "address":
			if !bad(checkOneLine(v)) {
				ct.Address = v
			}
		case "hours":
			if !bad(checkHours(v)) {
				ct.Hours = v
			}
		default: // the Text columns
			text := map[string]*catalog.Text{"title": &o.Title, "summary": &o.Summary, "description": &o.Description,
				"audience": &o.Audience, "cost": &o.Cost, "hours_note": &ct.HoursNote}[col.field]
			if *text == nil {
				*text = catalog.Text{}
			}
			(*text)[col.lang] = v
		}
	}
	rr.required(r.row, o, reported)
	if !o.ValidFrom.IsZero() && !o.ValidUntil.IsZero() && o.ValidUntil.Before(o.ValidFrom) {
		rr.c.errorf(r.row, "valid_until %s is before valid_from %s", o.ValidUntil.Format(time.DateOnly), o.ValidFrom.Format(time.DateOnly))
	}
	if hasContact {
		if ct.Phone == "" && ct.Email == "" && ct.Address == "" && !reported["phone"] && !reported["email"] && !reported["address"] {
			rr.c.errorf(r.row, "a contact needs a phone, email or address; this row gives only opening hours or a note on them")
		}
		o.Contacts = []catalog.Contact{ct}
	}
	return out
}

// required reports the required fields that the row leaves empty.
func (rr *rowReader) required(n int, o *catalog.Offer, reported map[string]bool) {
	src := rr.t.sourceLang
	for _, f := range []struct {
		field string
		text  catalog.Text
	}{{"title", o.Title}, {"summary", o.Summary}} {
		switch {
		case rr.missing[f.field]:
		case len(f.text) == 0:
			rr.c.errorf(n, "the %s is empty; every offer needs one (column '%s')", f.field, f.field)
		case f.text[src] == "":
			rr.c.errorf(n, "the %s has no text in the source language '%s' (column '%s' or '%s_%s')", f.field, src, f.field, f.field, src)
		}
	}
	if !rr.missing["provider"] && o.Provider == nil {
		rr.c.errorf(n, "the provider is empty; every offer needs one (column 'provider')")
	}
	if !rr.missing["categories"] && len(o.Categories) == 0 && !reported["categories"] {
		rr.c.errorf(n, "no categories; every offer needs at least one (column 'categories')")
	}
	if !rr.missing["areas"] && len(o.Areas) == 0 && !reported["areas"] {
		rr.c.errorf(n, "no areas; every offer needs at least one district id, or 00 for all of Germany (column 'areas')")
	}
}

// unknownRef returns the message for an id that the source folder does
// not define, or "".
func unknownRef(id string, defined map[string]bool, kind, where string) string {
	if defined[id] {
		return ""
	}
	return "unknown " + kind + " " + quote(id) + " (not defined in " + where + ")" + didYouMean(id, keys(defined))
}

// splitList splits a list cell at , or | and drops empty entries.
func splitList(v string) []string {
	var out []string
	for _, e := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '|' }) {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

func didYouMean(word string, candidates []string) string {
	if n := source.Nearest(word, candidates); n != "" {
		return "; did you mean '" + n + "'?"
	}
	return ""
}
