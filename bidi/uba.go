package bidi

import (
	"sort"

	"github.com/go-text/typesetting/unicodedata"
	xbidi "golang.org/x/text/unicode/bidi"
)

// The Unicode Bidirectional Algorithm (UAX #9): resolving levels (rules
// P2–P3, X1–X10, W1–W7, N0–N2, I1–I2, L1) and reordering (L2).
// golang.org/x/text/unicode/bidi has the character classes but its
// Paragraph never pairs brackets (it stores a closing bracket as itself
// where rule N0 needs its opening partner), so "… (DRV KBS)" at the end of
// an Arabic line loses its closing parenthesis to the other end. This
// implementation passes Unicode's BidiCharacterTest.txt (see uba_test.go).
//
// A paragraph's levels are resolved once, for the whole paragraph (Levels);
// each line it is wrapped into then gets rule L1 (LineLevels) and is
// reordered on its own (VisualRuns).

type bidiClass = xbidi.Class

const (
	clsL   = xbidi.L
	clsR   = xbidi.R
	clsEN  = xbidi.EN
	clsES  = xbidi.ES
	clsET  = xbidi.ET
	clsAN  = xbidi.AN
	clsCS  = xbidi.CS
	clsB   = xbidi.B
	clsS   = xbidi.S
	clsWS  = xbidi.WS
	clsON  = xbidi.ON
	clsBN  = xbidi.BN
	clsNSM = xbidi.NSM
	clsAL  = xbidi.AL
	clsLRO = xbidi.LRO
	clsRLO = xbidi.RLO
	clsLRE = xbidi.LRE
	clsRLE = xbidi.RLE
	clsPDF = xbidi.PDF
	clsLRI = xbidi.LRI
	clsRLI = xbidi.RLI
	clsFSI = xbidi.FSI
	clsPDI = xbidi.PDI
)

const maxDepth = 125

func classOf(r rune) bidiClass {
	p, _ := xbidi.LookupRune(r)
	return p.Class()
}

func isIsolateInitiator(c bidiClass) bool { return c == clsLRI || c == clsRLI || c == clsFSI }

// removedByX9 are the characters that rule X9 takes out of the algorithm:
// embedding controls and boundary neutrals (such as the zero width
// non-joiner). They get the level of the character before them.
func removedByX9(c bidiClass) bool {
	switch c {
	case clsRLE, clsLRE, clsRLO, clsLRO, clsPDF, clsBN:
		return true
	}
	return false
}

// firstStrong is the direction (0 or 1) of the first strong character in
// classes[from:to], skipping isolates (rules P2, P3), or -1 for none.
func firstStrong(classes []bidiClass, from, to int) int8 {
	depth := 0
	for i := from; i < to; i++ {
		switch c := classes[i]; {
		case isIsolateInitiator(c):
			depth++
		case c == clsPDI:
			if depth > 0 {
				depth--
			} else if from > 0 {
				return -1 // the end of the isolate that from started in
			}
		case depth > 0:
		case c == clsL:
			return 0
		case c == clsR || c == clsAL:
			return 1
		}
	}
	return -1
}

// Levels resolves the embedding level of each character of a paragraph
// (no line breaks) whose base direction is rtl: even levels read left to
// right, odd ones right to left. These are the levels before rule L1, which
// applies to each line the paragraph is wrapped into: give each line its
// share of them through LineLevels.
func Levels(text []rune, rtl bool) []int8 {
	levels, _ := paragraphLevels(text, paragraphLevel(rtl))
	return levels
}

func paragraphLevel(rtl bool) int8 {
	if rtl {
		return 1
	}
	return 0
}

// Direction is the base direction of a paragraph by its first strong
// character, outside isolates (rules P2 and P3): rtl for a right-to-left
// letter; ok is false when text has no strong character.
func Direction(text string) (rtl, ok bool) {
	var classes []bidiClass
	for _, r := range text {
		classes = append(classes, classOf(r))
	}
	d := firstStrong(classes, 0, len(classes))
	return d == 1, d >= 0
}

// paragraphLevels resolves the embedding level of every character of a
// paragraph whose level is para (0 left to right, 1 right to left, -1 from
// its first strong character). It returns the levels before rule L1 and the
// paragraph level.
func paragraphLevels(rs []rune, para int8) ([]int8, int8) {
	n := len(rs)
	orig := make([]bidiClass, n)
	for i, r := range rs {
		orig[i] = classOf(r)
	}
	if para < 0 {
		para = max(firstStrong(orig, 0, n), 0)
	}

	// BD9: matching isolate initiators and PDIs.
	matchPDI := make([]int, n)
	matchInit := make([]int, n)
	var open []int
	for i, c := range orig {
		matchPDI[i], matchInit[i] = -1, -1
		switch {
		case isIsolateInitiator(c):
			open = append(open, i)
		case c == clsPDI && len(open) > 0:
			j := open[len(open)-1]
			open = open[:len(open)-1]
			matchPDI[j], matchInit[i] = i, j
		}
	}

	// X1–X8: explicit levels and directions.
	types := append([]bidiClass(nil), orig...)
	levels := make([]int8, n)
	type entry struct {
		level    int8
		override bidiClass // clsON: none
		isolate  bool
	}
	stack := []entry{{para, clsON, false}}
	overflowIsolates, overflowEmbeddings, validIsolates := 0, 0, 0
	next := func(rtl bool) int8 {
		l := stack[len(stack)-1].level + 1
		if (l%2 == 1) != rtl {
			l++
		}
		return l
	}
	for i, c := range orig {
		top := stack[len(stack)-1]
		switch c {
		case clsRLE, clsLRE, clsRLO, clsLRO:
			levels[i] = top.level
			l := next(c == clsRLE || c == clsRLO)
			if l <= maxDepth && overflowIsolates == 0 && overflowEmbeddings == 0 {
				ov := clsON
				if c == clsRLO {
					ov = clsR
				} else if c == clsLRO {
					ov = clsL
				}
				stack = append(stack, entry{l, ov, false})
			} else if overflowIsolates == 0 {
				overflowEmbeddings++
			}
		case clsRLI, clsLRI, clsFSI:
			levels[i] = top.level
			if top.override != clsON {
				types[i] = top.override
			}
			rtl := c == clsRLI
			if c == clsFSI {
				end := matchPDI[i]
				if end < 0 {
					end = n
				}
				rtl = firstStrong(orig, i+1, end) == 1
			}
			l := next(rtl)
			if l <= maxDepth && overflowIsolates == 0 && overflowEmbeddings == 0 {
				validIsolates++
				stack = append(stack, entry{l, clsON, true})
			} else {
				overflowIsolates++
			}
		case clsPDI:
			switch {
			case overflowIsolates > 0:
				overflowIsolates--
			case validIsolates == 0:
			default:
				overflowEmbeddings = 0
				for !stack[len(stack)-1].isolate {
					stack = stack[:len(stack)-1]
				}
				stack = stack[:len(stack)-1]
				validIsolates--
			}
			top = stack[len(stack)-1]
			levels[i] = top.level
			if top.override != clsON {
				types[i] = top.override
			}
		case clsPDF:
			levels[i] = top.level
			switch {
			case overflowIsolates > 0:
			case overflowEmbeddings > 0:
				overflowEmbeddings--
			case !top.isolate && len(stack) >= 2:
				stack = stack[:len(stack)-1]
			}
		case clsB:
			levels[i] = para
		case clsBN:
			levels[i] = top.level
		default:
			levels[i] = top.level
			if top.override != clsON {
				types[i] = top.override
			}
		}
	}

	// X9, X10: level runs of the characters that stay, joined into
	// isolating run sequences.
	var kept []int
	for i, c := range orig {
		if !removedByX9(c) {
			kept = append(kept, i)
		}
	}
	var runs [][]int
	runOf := make([]int, n)
	for k, i := range kept {
		if k == 0 || levels[i] != levels[kept[k-1]] {
			runs = append(runs, nil)
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], i)
		runOf[i] = len(runs) - 1
	}
	pos := make([]int, n) // index in kept
	for k, i := range kept {
		pos[i] = k
	}
	explicit := append([]int8(nil), levels...) // sos and eos come from these, not from resolved levels
	levelBefore := func(i int) int8 {
		if k := pos[i]; k > 0 {
			return explicit[kept[k-1]]
		}
		return para
	}
	levelAfter := func(i int) int8 {
		if k := pos[i]; k+1 < len(kept) {
			return explicit[kept[k+1]]
		}
		return para
	}
	for _, run := range runs {
		first := run[0]
		if orig[first] == clsPDI && matchInit[first] >= 0 {
			continue // continues the sequence of its initiator
		}
		seq := append([]int(nil), run...)
		for {
			last := seq[len(seq)-1]
			if !isIsolateInitiator(orig[last]) || matchPDI[last] < 0 {
				break
			}
			seq = append(seq, runs[runOf[matchPDI[last]]]...)
		}
		level := explicit[seq[0]]
		sos := direction(max(level, levelBefore(seq[0])))
		last := seq[len(seq)-1]
		endLevel := levelAfter(last)
		if isIsolateInitiator(orig[last]) {
			endLevel = para
		}
		eos := direction(max(explicit[last], endLevel))
		resolveSequence(rs, orig, types, levels, seq, sos, eos)
	}

	// Characters removed by X9 take the level of the one before them.
	for i, c := range orig {
		if removedByX9(c) {
			if i > 0 {
				levels[i] = levels[i-1]
			} else {
				levels[i] = para
			}
		}
	}

	return levels, para
}

// LineLevels applies rule L1 to one line of a paragraph whose base
// direction is rtl, given the line's characters and their Levels (the
// line's share of the paragraph's): whitespace at the end of the line goes
// back to the paragraph's level. It returns new levels, for VisualRuns.
func LineLevels(line []rune, levels []int8, rtl bool) []int8 {
	return lineLevels(line, levels, paragraphLevel(rtl))
}

// lineLevels applies rule L1: segment separators and whitespace at the end
// of the line (and before a segment separator) go back to the paragraph
// level para.
func lineLevels(line []rune, levels []int8, para int8) []int8 {
	out := append([]int8(nil), levels...)
	trailing := true
	for i := len(line) - 1; i >= 0; i-- {
		switch c := classOf(line[i]); {
		case c == clsS || c == clsB:
			out[i] = para
			trailing = true
		case c == clsWS || isIsolateInitiator(c) || c == clsPDI || removedByX9(c):
			if trailing {
				out[i] = para
			}
		default:
			trailing = false
		}
	}
	return out
}

func direction(level int8) bidiClass {
	if level%2 == 1 {
		return clsR
	}
	return clsL
}

// strongDir is how a resolved class counts for rules N0 and N1: L, or R for
// R and numbers; clsON for a neutral.
func strongDir(c bidiClass) bidiClass {
	switch c {
	case clsL:
		return clsL
	case clsR, clsAL, clsEN, clsAN:
		return clsR
	}
	return clsON
}

// resolveSequence applies rules W1–W7, N0–N2 and I1–I2 to one isolating run
// sequence (the indices seq of the line).
func resolveSequence(rs []rune, orig, types []bidiClass, levels []int8, seq []int, sos, eos bidiClass) {
	n := len(seq)
	t := make([]bidiClass, n)
	for k, i := range seq {
		t[k] = types[i]
	}
	// W1
	for k := range t {
		if t[k] == clsNSM {
			switch {
			case k == 0:
				t[k] = sos
			case isIsolateInitiator(t[k-1]) || t[k-1] == clsPDI:
				t[k] = clsON
			default:
				t[k] = t[k-1]
			}
		}
	}
	// W2, W3
	strong := sos
	for k := range t {
		switch t[k] {
		case clsL, clsR, clsAL:
			strong = t[k]
		case clsEN:
			if strong == clsAL {
				t[k] = clsAN
			}
		}
	}
	for k := range t {
		if t[k] == clsAL {
			t[k] = clsR
		}
	}
	// W4
	for k := 1; k+1 < n; k++ {
		switch {
		case t[k] == clsES && t[k-1] == clsEN && t[k+1] == clsEN:
			t[k] = clsEN
		case t[k] == clsCS && t[k-1] == clsEN && t[k+1] == clsEN:
			t[k] = clsEN
		case t[k] == clsCS && t[k-1] == clsAN && t[k+1] == clsAN:
			t[k] = clsAN
		}
	}
	// W5
	for k := 0; k < n; {
		if t[k] != clsET {
			k++
			continue
		}
		e := k
		for e < n && t[e] == clsET {
			e++
		}
		if (k > 0 && t[k-1] == clsEN) || (e < n && t[e] == clsEN) {
			for j := k; j < e; j++ {
				t[j] = clsEN
			}
		}
		k = e
	}
	// W6
	for k := range t {
		if t[k] == clsES || t[k] == clsET || t[k] == clsCS {
			t[k] = clsON
		}
	}
	// W7
	strong = sos
	for k := range t {
		switch t[k] {
		case clsL, clsR:
			strong = t[k]
		case clsEN:
			if strong == clsL {
				t[k] = clsL
			}
		}
	}

	embedding := direction(levels[seq[0]])
	// N0: bracket pairs.
	for _, p := range bracketPairs(rs, t, seq) {
		found, opposite := false, false
		for k := p[0] + 1; k < p[1]; k++ {
			switch d := strongDir(t[k]); {
			case d == embedding:
				found = true
			case d != clsON:
				opposite = true
			}
		}
		var set bidiClass
		switch {
		case found:
			set = embedding
		case opposite:
			ctx := sos
			for k := p[0] - 1; k >= 0; k-- {
				if d := strongDir(t[k]); d != clsON {
					ctx = d
					break
				}
			}
			set = embedding
			if ctx != embedding {
				set = ctx
			}
		default:
			continue
		}
		for _, b := range p {
			t[b] = set
			for k := b + 1; k < n && orig[seq[k]] == clsNSM; k++ {
				t[k] = set
			}
		}
	}
	// N1, N2
	isNI := func(c bidiClass) bool {
		switch c {
		case clsB, clsS, clsWS, clsON, clsLRI, clsRLI, clsFSI, clsPDI:
			return true
		}
		return false
	}
	for k := 0; k < n; {
		if !isNI(t[k]) {
			k++
			continue
		}
		e := k
		for e < n && isNI(t[e]) {
			e++
		}
		before, after := sos, eos
		if k > 0 {
			before = strongDir(t[k-1])
		}
		if e < n {
			after = strongDir(t[e])
		}
		set := embedding
		if before == after {
			set = before
		}
		for j := k; j < e; j++ {
			t[j] = set
		}
		k = e
	}
	// I1, I2
	for k, i := range seq {
		l := levels[i]
		if l%2 == 0 {
			switch t[k] {
			case clsR:
				levels[i] = l + 1
			case clsAN, clsEN:
				levels[i] = l + 2
			}
		} else if t[k] == clsL || t[k] == clsEN || t[k] == clsAN {
			levels[i] = l + 1
		}
	}
}

// bracketPairs finds the bracket pairs of a sequence (rule BD16) as
// positions in seq, ordered by their opening bracket.
func bracketPairs(rs []rune, t []bidiClass, seq []int) [][2]int {
	type opener struct {
		close rune
		at    int
	}
	var stack []opener
	var pairs [][2]int
	for k, i := range seq {
		if t[k] != clsON {
			continue
		}
		r := rs[i]
		partner, opening, ok := bracket(r)
		if !ok {
			continue
		}
		if opening {
			if len(stack) == 63 {
				break
			}
			stack = append(stack, opener{partner, k})
			continue
		}
		for j := len(stack) - 1; j >= 0; j-- {
			if stack[j].close == r || canonicalBracket(stack[j].close) == canonicalBracket(r) {
				pairs = append(pairs, [2]int{stack[j].at, k})
				stack = stack[:j]
				break
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool { return pairs[a][0] < pairs[b][0] })
	return pairs
}

// canonicalBracket maps the angle brackets U+2329 and U+232A to their
// canonical equivalents U+3008 and U+3009.
func canonicalBracket(r rune) rune {
	switch r {
	case '\u2329':
		return '\u3008'
	case '\u232A':
		return '\u3009'
	}
	return r
}

// bracket tells whether r is a paired bracket (Bidi_Paired_Bracket_Type
// Open or Close, from golang.org/x/text's Unicode tables) and its partner
// (Bidi_Mirroring_Glyph, from go-text's Unicode tables: for every paired
// bracket it is the other bracket of the pair).
func bracket(r rune) (partner rune, opening, ok bool) {
	p, _ := xbidi.LookupRune(r)
	if !p.IsBracket() {
		return 0, false, false
	}
	m, has := unicodedata.LookupMirrorChar(r)
	if !has {
		return 0, false, false
	}
	return m, p.IsOpeningBracket(), true
}

// Mirror is the character that r is drawn as in right-to-left text (rule
// L4): its Bidi_Mirroring_Glyph ("(" as ")", "<" as ">", "«" as "»"), from
// go-text's Unicode tables. Renderers that shape a whole right-to-left run
// themselves (HarfBuzz) mirror on their own; Mirror is for text drawn
// piece by piece.
func Mirror(r rune) rune {
	if m, ok := unicodedata.LookupMirrorChar(r); ok {
		return m
	}
	return r
}

// IsMirrored reports whether r is drawn mirrored in right-to-left text.
func IsMirrored(r rune) bool {
	_, ok := unicodedata.LookupMirrorChar(r)
	return ok
}

// visualOrder returns the indices of the characters in the order they are
// drawn from left to right (rule L2).
func visualOrder(levels []int8) []int {
	order := make([]int, len(levels))
	for i := range order {
		order[i] = i
	}
	var hi, loOdd int8 = 0, 127
	for _, l := range levels {
		hi = max(hi, l)
		if l%2 == 1 {
			loOdd = min(loOdd, l)
		}
	}
	for lvl := hi; lvl >= loOdd && lvl > 0; lvl-- {
		for i := 0; i < len(order); {
			if levels[order[i]] < lvl {
				i++
				continue
			}
			j := i
			for j < len(order) && levels[order[j]] >= lvl {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			i = j
		}
	}
	return order
}

// VisualRuns splits a line into runs of one direction and one script, in
// the order they are drawn from left to right, given the levels of its
// characters from LineLevels. Bidi controls (isolates, embeddings) steer
// the order and are left out of the runs.
func VisualRuns(line []rune, levels []int8) []Run {
	order := visualOrder(levels)
	type dirRun struct {
		text []rune
		rtl  bool
	}
	var runs []dirRun
	for i := 0; i < len(order); {
		j := i
		for j < len(order) && levels[order[j]] == levels[order[i]] {
			j++
		}
		odd := levels[order[i]]%2 == 1
		var text []rune
		if odd {
			for k := j - 1; k >= i; k-- {
				text = appendVisible(text, line[order[k]])
			}
		} else {
			for k := i; k < j; k++ {
				text = appendVisible(text, line[order[k]])
			}
		}
		if len(text) > 0 {
			// Neighbouring left-to-right runs (such as a number at level 2
			// next to text at level 0) read on as one.
			if n := len(runs); n > 0 && !odd && !runs[n-1].rtl {
				runs[n-1].text = append(runs[n-1].text, text...)
			} else {
				runs = append(runs, dirRun{text, odd})
			}
		}
		i = j
	}
	var out []Run
	for _, r := range runs {
		out = append(out, byScript(string(r.text), r.rtl)...)
	}
	return out
}

// appendVisible appends r unless it is a bidi control, which steers the
// order and is not drawn.
func appendVisible(text []rune, r rune) []rune {
	switch classOf(r) {
	case clsLRE, clsRLE, clsLRO, clsRLO, clsPDF, clsLRI, clsRLI, clsFSI, clsPDI:
		return text
	}
	return append(text, r)
}
