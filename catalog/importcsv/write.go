package importcsv

import (
	"strings"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/source"
)

// tomlWriter writes an offers file by hand: every offer as an [[offer]]
// table, each Text as a table of languages in the catalogue's order, long
// texts as multi-line strings. It counts lines, so that a problem that
// catalog/source reports in the file can be traced to its row.
type tomlWriter struct {
	b         strings.Builder
	line      int // the line being written, from 1
	languages []string
}

func (w *tomlWriter) write(s string) {
	w.b.WriteString(s)
	w.line += strings.Count(s, "\n")
}

func (w *tomlWriter) comment(s string) {
	w.write("# " + strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return '?'
		}
		return r
	}, s) + "\n")
}

func (w *tomlWriter) str(key, value string) {
	if value != "" {
		w.write(key + " = " + source.TOMLString(value) + "\n")
	}
}

func (w *tomlWriter) list(key string, values []string) {
	if len(values) == 0 {
		return
	}
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = source.TOMLString(v)
	}
	w.write(key + " = [" + strings.Join(quoted, ", ") + "]\n")
}

func (w *tomlWriter) date(key string, d time.Time) {
	if !d.IsZero() {
		w.write(key + " = " + d.Format(time.DateOnly) + "\n")
	}
}

// text writes a Text as its own table, [offer.title].
func (w *tomlWriter) text(table string, t catalog.Text) {
	if len(t) == 0 {
		return
	}
	w.write("\n[" + table + "]\n")
	for _, lang := range w.languages {
		if v, ok := t[lang]; ok {
			w.write(lang + " = " + source.TOMLString(v) + "\n")
		}
	}
}

// offer writes one offer, after a comment saying where it came from, and
// returns the line of its [[offer]].
func (w *tomlWriter) offer(o catalog.Offer, from string, source string) int {
	w.write("\n")
	w.comment(from)
	at := w.line
	w.write("[[offer]]\n")
	w.str("id", o.ID)
	w.str("provider", o.Provider[source])
	w.list("categories", o.Categories)
	w.list("areas", o.Areas)
	w.list("languages", o.Languages)
	w.str("website", o.Website)
	w.date("valid_from", o.ValidFrom)
	w.date("valid_until", o.ValidUntil)
	w.date("updated", o.Updated)
	w.list("tags", o.Tags)
	w.text("offer.title", o.Title)
	w.text("offer.summary", o.Summary)
	w.text("offer.description", o.Description)
	w.text("offer.audience", o.Audience)
	w.text("offer.cost", o.Cost)
	for _, c := range o.Contacts {
		w.write("\n[[offer.contact]]\n")
		w.str("phone", c.Phone)
		w.str("email", c.Email)
		w.str("address", c.Address)
		w.str("hours", c.Hours)
		w.text("offer.contact.label", c.Label)
		w.text("offer.contact.hours_note", c.HoursNote)
	}
	return at
}

// OffersTOML writes offers as an offers file of a source folder, each Text
// as a table of languages in the order of languages, after comment lines
// (such as where the offers came from). from names each offer's origin
// for its comment.
func OffersTOML(comments []string, offers []catalog.Offer, from []string, sourceLang string, languages []string) []byte {
	w := &tomlWriter{line: 1, languages: languages}
	for _, c := range comments {
		w.comment(c)
	}
	for i, o := range offers {
		w.offer(o, from[i], sourceLang)
	}
	return []byte(w.b.String())
}
