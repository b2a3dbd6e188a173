package printout

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"strconv"
	"strings"
)

// The fonts gofpdf embeds are subsets (only the glyphs the document uses),
// but it names them "utf8notosans" without the tag that ISO 32000 (9.6.4)
// asks for: six upper-case letters and a plus sign ("KQWEMB+NotoSans").
// Viewers and archivers use the tag to know that the font is incomplete.
// tagSubsets renames the fonts of a finished document and, since the names
// change length, rewrites the offsets of its cross-reference table.

// subsetName is the tagged name of the font gofpdf calls "utf8"+key.
func subsetName(key string) string {
	fam, bold := key, false
	if strings.HasSuffix(key, "B") {
		fam, bold = strings.TrimSuffix(key, "B"), true
	}
	name := fam
	for _, n := range pdfName {
		if strings.ToLower(n) == fam {
			name = n
		}
	}
	if bold {
		name += "-Bold"
	} else {
		name += "-Regular"
	}
	sum := sha256.Sum256([]byte(name))
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag) + "+" + name
}

// tagSubsets gives every embedded font of pdf its subset tag. A document
// whose cross-reference table it cannot read is returned unchanged.
func tagSubsets(pdf []byte) []byte {
	type edit struct{ pos, delta int }
	var out bytes.Buffer
	var edits []edit
	const prefix = " /utf8"
	rest, done := pdf, 0
	for {
		i := bytes.Index(rest, []byte(prefix))
		if i < 0 {
			break
		}
		end := i + len(prefix)
		for end < len(rest) && isNameChar(rest[end]) {
			end++
		}
		key := string(rest[i+len(prefix) : end])
		name := subsetName(key)
		out.Write(rest[:i+2]) // up to and including "/"
		out.WriteString(name)
		edits = append(edits, edit{done + i + 2, len(name) - len("utf8"+key)})
		done += end
		rest = rest[end:]
	}
	out.Write(rest)
	if len(edits) == 0 {
		return pdf
	}
	shift := func(offset int) int { // an offset in pdf, as an offset in the result
		moved := offset
		for _, e := range edits {
			if e.pos < offset {
				moved += e.delta
			}
		}
		return moved
	}
	b := out.Bytes()
	// The table: "xref\n0 N\n" and N entries of 20 bytes; then
	// "startxref\nOFFSET\n%%EOF".
	x := bytes.LastIndex(b, []byte("\nxref\n"))
	s := bytes.LastIndex(b, []byte("\nstartxref\n"))
	if x < 0 || s < x {
		return pdf
	}
	header := x + len("\nxref\n")
	nl := bytes.IndexByte(b[header:], '\n')
	if nl < 0 {
		return pdf
	}
	var first, count int
	if _, err := fmt.Sscanf(string(b[header:header+nl]), "%d %d", &first, &count); err != nil {
		return pdf
	}
	entries := header + nl + 1
	if entries+20*count > len(b) {
		return pdf
	}
	for k := range count {
		e := b[entries+20*k : entries+20*k+20]
		if e[17] != 'n' {
			continue
		}
		offset, err := strconv.Atoi(string(e[:10]))
		if err != nil {
			return pdf
		}
		copy(e[:10], fmt.Sprintf("%010d", shift(offset)))
	}
	tail := b[s+len("\nstartxref\n"):]
	end := bytes.IndexByte(tail, '\n')
	if end < 0 {
		return pdf
	}
	old, err := strconv.Atoi(string(tail[:end]))
	if err != nil {
		return pdf
	}
	var fixed bytes.Buffer
	fixed.Write(b[:s+len("\nstartxref\n")])
	fixed.WriteString(strconv.Itoa(shift(old)))
	fixed.Write(tail[end:])
	return fixed.Bytes()
}

func isNameChar(c byte) bool {
	return c > ' ' && c < 0x7f && !strings.ContainsRune("/<>[](){}%", rune(c))
}
