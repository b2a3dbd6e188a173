package source

import "wegweiser/catalog"

var eventKeys = []string{"id", "title", "summary", "description", "areas", "categories", "start", "end", "place", "website", "languages"}

func (l *loader) eventsFile(p string) {
	f, m := l.parse(p, false)
	if f == nil {
		return
	}
	top := newTable(&l.checker, f, "", p, m, "event")
	for i, em := range top.tables("event") {
		t := newTable(&l.checker, f, "event["+itoa(i)+"]", "event", em, eventKeys...)
		e := catalog.Event{ID: t.str("id", true)}
		if e.ID != "" {
			t.what = "event '" + e.ID + "'"
		}
		checkID(t, "id", e.ID)
		e.Title = t.text("title", true)
		e.Summary = t.text("summary", true)
		checkSummaryLength(t, "summary", e.Summary)
		e.Description = t.text("description", false)
		e.Areas = t.list("areas", true)
		e.Categories = t.list("categories", false)
		e.Start = t.dateTime("start", true)
		e.End = t.dateTime("end", false)
		if !e.Start.IsZero() && !e.End.IsZero() && !e.End.After(e.Start) {
			t.errorf("end", "the event ends (%s) before or when it starts (%s)", e.End.Format("2006-01-02 15:04"), e.Start.Format("2006-01-02 15:04"))
		}
		e.Place = t.text("place", true)
		l.locate("event."+e.ID+".", t, "title", "summary", "description", "place")
		e.Website = t.str("website", false)
		checkURL(t, "website", e.Website)
		e.Languages = t.list("languages", false)
		checkLanguages(t, "languages", e.Languages)
		for j, a := range e.Areas {
			l.refs = append(l.refs, ref{t, "areas[" + itoa(j) + "]", "district", a})
		}
		for j, c := range e.Categories {
			l.refs = append(l.refs, ref{t, "categories[" + itoa(j) + "]", "category", c})
		}
		if e.ID != "" && l.define("event", t, "id", e.ID) {
			l.content.Events = append(l.content.Events, e)
		}
	}
}
