package hours

import (
	"fmt"
	"strings"
)

// String returns the schedule in canonical form, which Parse reads back to
// an equal Schedule. Days with equal hours share one rule, consecutive days
// become ranges (Mo-Fr, never wrapping past Sunday), rules are ordered by
// their first day, and unnamed days are left out. The zero Schedule gives "".
//
//	Mo-Tu,Th-Fr 09:00-17:00; We off
func (s Schedule) String() string {
	var b strings.Builder
	for i, g := range s.groups() {
		if i > 0 {
			b.WriteString("; ")
		}
		for j, r := range g.runs {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(dayCodes[r.first])
			if r.last != r.first {
				b.WriteByte('-')
				b.WriteString(dayCodes[r.last])
			}
		}
		b.WriteByte(' ')
		if len(g.spans) == 0 {
			b.WriteString("off")
			continue
		}
		for j, sp := range g.spans {
			if j > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%02d:%02d-%02d:%02d", sp.From/60, sp.From%60, sp.To/60, sp.To%60)
		}
	}
	return b.String()
}
