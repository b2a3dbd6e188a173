package importcsv

import "strings"

// record is one row of the spreadsheet.
type record struct {
	row      int // 1 for the header
	cells    []string
	unclosed bool // a quoted cell ran to the end of the file: the cells are not what was meant
}

// detectSeparator returns ';' or ',', whichever the header row (the text
// up to the first line end outside quotes) holds more of; ',' when neither.
func detectSeparator(text string) byte {
	commas, semicolons := 0, 0
	quoted := false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			i = len(text)
		case c == ',':
			commas++
		case c == ';':
			semicolons++
		}
	}
	if semicolons > commas {
		return ';'
	}
	return ','
}

// readRecords splits text (line ends already "\n") into rows of cells, the
// way spreadsheet programs write CSV (RFC 4180): a cell in double quotes may
// hold separators, line breaks and quotes doubled (""). A quote inside an
// unquoted cell is kept as it is. An empty line is a row with one empty
// cell, so that row numbers stay those of the spreadsheet.
func readRecords(text string, sep byte, c *collector) []record {
	var out []record
	pos, row := 0, 1
	for pos < len(text) {
		r := record{row: row}
		for {
			cell, next := readCell(text, pos, sep, row, c)
			r.cells = append(r.cells, cell)
			r.unclosed = r.unclosed || next > len(text)
			pos = next
			if pos >= len(text) || text[pos] == '\n' {
				pos++
				break
			}
			pos++ // the separator
		}
		out = append(out, r)
		row++
	}
	return out
}

// readCell reads one cell starting at pos and returns it and the position
// of the separator or line end after it; past the end of text for a quoted
// cell that is never closed.
func readCell(text string, pos int, sep byte, row int, c *collector) (string, int) {
	if pos >= len(text) || text[pos] != '"' {
		end := pos
		for end < len(text) && text[end] != sep && text[end] != '\n' {
			end++
		}
		return text[pos:end], end
	}
	var b strings.Builder
	i := pos + 1
	for {
		j := strings.IndexByte(text[i:], '"')
		if j < 0 {
			c.errorf(row, "a quoted cell starts in this row and is never closed (a \" is missing)")
			b.WriteString(text[i:])
			return b.String(), len(text) + 1
		}
		b.WriteString(text[i : i+j])
		i += j + 1
		if i < len(text) && text[i] == '"' { // "" is a quote
			b.WriteByte('"')
			i++
			continue
		}
		break
	}
	cell := b.String()
	if i < len(text) && text[i] != sep && text[i] != '\n' {
		end := i
		for end < len(text) && text[end] != sep && text[end] != '\n' {
			end++
		}
		c.errorf(row, "text %s follows the closing quote of a cell; put the whole cell in quotes and double the quotes inside (\"\")", quote(text[i:end]))
		cell += text[i:end]
		i = end
	}
	return cell, i
}
