package source

import (
	"sort"

	"wegweiser/catalog"
)

// ref is a use of an id of another kind, checked once every file is read.
type ref struct {
	t    *table
	key  string
	kind string // "category", "district" or "offer"
	id   string
}

func (l *loader) checkReferences() {
	for _, r := range l.refs {
		if r.kind == "district" && r.id == catalog.Nationwide {
			continue
		}
		if _, ok := l.defined[r.kind][r.id]; ok {
			continue
		}
		known := make([]string, 0, len(l.defined[r.kind]))
		for id := range l.defined[r.kind] {
			known = append(known, id)
		}
		sort.Strings(known)
		where := map[string]string{"category": "categories.toml", "district": "districts.toml", "offer": "the offers/ folder"}[r.kind]
		r.t.errorf(r.key, "unknown %s '%s' (not defined in %s)%s", r.kind, r.id, where, didYouMean(r.id, known))
	}
}
