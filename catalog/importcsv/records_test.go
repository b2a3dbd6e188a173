package importcsv

import (
	"reflect"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestDecode(t *testing.T) {
	latin1, _ := charmap.Windows1252.NewEncoder().String("Straße;Gründung – 5 €\r\n")
	for _, tc := range []struct {
		name, in, text, enc string
	}{
		{"UTF-8", "Straße;Gründung\n", "Straße;Gründung\n", UTF8},
		{"UTF-8 with BOM and CRLF", "\uFEFFStraße;x\r\ny\r\n", "Straße;x\ny\n", UTF8},
		{"Windows-1252", latin1, "Straße;Gründung – 5 €\n", Windows1252},
		{"old Mac line ends", "a\rb\r", "a\nb\n", UTF8},
		{"decomposed umlaut", "Gru\u0308ndung", "Gründung", UTF8},
	} {
		text, enc, mixed, err := decode([]byte(tc.in))
		if err != nil || text != tc.text || enc != tc.enc || mixed != 0 {
			t.Errorf("%s: %q %s %v; want %q %s", tc.name, text, enc, err, tc.text, tc.enc)
		}
	}
	if _, _, _, err := decode([]byte("\xff\xfei\x00d\x00")); err == nil {
		t.Error("UTF-16 accepted")
	}
	// UTF-8 with one Windows-1252 byte in line 3: read as Windows-1252, with a warning.
	text, enc, mixed, _ := decode([]byte("Gründung\nStraße\nK\xf6ln\n"))
	if enc != Windows1252 || mixed != 3 || text != "GrÃ¼ndung\nStraÃŸe\nKöln\n" {
		t.Errorf("mixed file: %q %s line %d", text, enc, mixed)
	}
}

func TestDetectSeparator(t *testing.T) {
	for in, want := range map[string]byte{
		"id;title;summary\n1,2,3,4\n":  ';',
		"id,title,summary\n1;2;3;4\n":  ',',
		"title\n":                      ',',
		"\"a;b\",title,summary\nx;y\n": ',',
	} {
		if got := detectSeparator(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func TestReadRecords(t *testing.T) {
	text := "a;b;c\n" +
		"\"x;1\";\"line 1\nline 2\";\"say \"\"hi\"\"\"\n" + // separator, line break and quotes inside
		"\n" + // an empty line is a row
		"plain \"quote\";;\n" +
		"last;row"
	c := &collector{file: "f.csv"}
	got := readRecords(text, ';', c)
	want := []record{
		{row: 1, cells: []string{"a", "b", "c"}},
		{row: 2, cells: []string{"x;1", "line 1\nline 2", `say "hi"`}},
		{row: 3, cells: []string{""}},
		{row: 4, cells: []string{`plain "quote"`, "", ""}},
		{row: 5, cells: []string{"last", "row"}},
	}
	if !reflect.DeepEqual(got, want) || len(c.problems) != 0 {
		t.Errorf("records = %+v\nwant      %+v\nproblems %v", got, want, c.problems)
	}
}

func TestReadRecordsReportsBrokenQuotes(t *testing.T) {
	c := &collector{file: "f.csv"}
	got := readRecords("a;b\n\"x\"y;z\n1;\"open\n2;3\n", ';', c)
	if len(got) != 3 || got[1].cells[0] != "xy" || got[2].cells[1] != "open\n2;3\n" {
		t.Errorf("records = %+v", got)
	}
	want := []string{
		`f.csv:2: text 'y' follows the closing quote of a cell; put the whole cell in quotes and double the quotes inside ("")`,
		`f.csv:3: a quoted cell starts in this row and is never closed (a " is missing)`,
	}
	if len(c.problems) != 2 || c.problems[0].String() != want[0] || c.problems[1].String() != want[1] {
		t.Errorf("problems = %v", c.problems)
	}
}
