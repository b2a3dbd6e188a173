package catalog

// BareSearch runs only the full-text queries that View.Search rests on for
// a query (the same terms, indexes and rowid ranges, the fallback
// languages when the visitor's finds nothing; but always every index, as it
// does not rank) and counts the rows they yield: what Search costs without
// ranking, filtering and titles. The benchmarks compare the two.
func BareSearch(v View, query string, f Filter) (int, error) {
	terms, prefix := searchTerms(query)
	if len(terms) == 0 {
		return 0, nil
	}
	index, err := v.c.searchIndex(f.District)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, langs := range [][]string{v.chain[:1], v.chain[1:]} {
		_, ranges, err := index.docsIn(v.c, langs)
		if err != nil || len(ranges) == 0 {
			return n, err
		}
		for _, stage := range []searchStage{titles, summaries, bodies} {
			if stage == titles || !prefix {
				if err := v.c.matches(stage, terms, prefix, ranges, func(int64, int) { n++ }); err != nil {
					return n, err
				}
			}
		}
		if n > 0 {
			return n, nil
		}
	}
	return n, nil
}
