package source

import "wegweiser/catalog"

// checkFresh warns about an offer overdue for its recheck: its `updated`
// date lies more than the catalogue's recheck_after before the day of the
// check, or it has none. The warning is marked Stale, so that
// `catalog check --stale` can list these alone, as a work list.
func (l *loader) checkFresh(t *table, o catalog.Offer) {
	after := l.content.Meta.RecheckAfter
	if after == 0 || l.now.IsZero() {
		return
	}
	var p Problem
	switch {
	case o.Updated.IsZero():
		p = Problem{Path: t.f.path, Line: t.line("id"), Severity: Warning,
			Message: "offer '" + o.ID + "' has no 'updated' date: check it and note the day"}
	case l.now.Sub(o.Updated) > after:
		due := o.Updated.Add(after)
		p = Problem{Path: t.f.path, Line: t.line("updated"), Severity: Warning,
			Message: "offer '" + o.ID + "' was last checked on " + o.Updated.Format("2006-01-02") +
				"; a recheck was due on " + due.Format("2006-01-02")}
	default:
		return
	}
	p.Stale = true
	l.problems = append(l.problems, p)
}
