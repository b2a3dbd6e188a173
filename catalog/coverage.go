package catalog

import "strings"

// Coverage is how much of a catalogue's text exists in one language.
type Coverage struct {
	Lang          string
	RequiredTotal int // required texts in the catalogue
	RequiredDone  int // of those, how many are written in Lang
	OptionalTotal int // optional texts given in at least one language
	OptionalDone  int
	Recorded      int // recordings of texts in Lang (audio/…)
}

// recordedIn counts the recordings among media paths in lang.
func recordedIn(paths []string, lang string) int {
	n := 0
	for _, p := range paths {
		if strings.HasPrefix(p, "audio/") && strings.HasSuffix(p, "."+lang+".wav") {
			n++
		}
	}
	return n
}

// Percent is the share of all texts (required and optional) present.
func (c Coverage) Percent() float64 {
	total := c.RequiredTotal + c.OptionalTotal
	if total == 0 {
		return 100
	}
	return 100 * float64(c.RequiredDone+c.OptionalDone) / float64(total)
}

// ComputeCoverage counts, for every language of the catalogue, the required
// and optional texts written in it.
func ComputeCoverage(c *Content) []Coverage {
	var required, optional []Text
	for _, p := range Places(c) {
		if p.Required {
			required = append(required, p.Text)
		} else {
			optional = append(optional, p.Text)
		}
	}
	var media []string
	for p := range c.Media {
		media = append(media, p)
	}
	out := make([]Coverage, 0, len(c.Meta.Languages))
	for _, lang := range c.Meta.Languages {
		cov := Coverage{Lang: lang, RequiredTotal: len(required), Recorded: recordedIn(media, lang)}
		for _, t := range required {
			if t[lang] != "" {
				cov.RequiredDone++
			}
		}
		for _, t := range optional {
			if len(t) == 0 {
				continue
			}
			cov.OptionalTotal++
			if t[lang] != "" {
				cov.OptionalDone++
			}
		}
		out = append(out, cov)
	}
	return out
}
