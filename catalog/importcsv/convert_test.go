package importcsv

import (
	"fmt"
	"strings"
	"testing"
)

func problemList(ps Problems) string {
	var lines []string
	for _, p := range ps {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

func TestHeader(t *testing.T) {
	res := Convert("h.csv", []byte(" TITLE ;Title_PT-br;title_de;provider;categories;areas;summary;;summary\n"+
		"T;Título;X;P;financing;03;S;stray;S2\n"), fuzzTarget)
	want := strings.Join([]string{
		"h.csv:1: columns 1 (' TITLE ') and 3 ('title_de') both give the title in 'de'",
		"h.csv:1: columns 7 ('summary') and 9 ('summary') both give the summary in 'de'",
		"h.csv:2: 'stray' stands in column 8, which has no name in the header row",
	}, "\n")
	if got := problemList(res.Problems); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}

	res = Convert("h.csv", []byte("Title; Title_PT-br ;provider;categories;areas;summary;;\nT;Título;P;financing;03;S;;\n"), fuzzTarget)
	if len(res.Problems) != 0 || res.Offers[0].Title["pt-BR"] != "Título" {
		t.Errorf("language suffix in other case: %v %+v", res.Problems, res.Offers)
	}
	if !strings.Contains(string(res.TOML), "\n[offer.title]\nde = \"T\"\npt-BR = \"Título\"\n") {
		t.Errorf("TOML:\n%s", res.TOML)
	}
}

func TestMissingColumnsReportedOnce(t *testing.T) {
	res := Convert("m.csv", []byte("title_en,provider\nA,P\nB,Q\n"), fuzzTarget)
	want := strings.Join([]string{
		"m.csv:1: there is no column 'title' (or 'title_de'): every offer needs a title in the source language 'de'",
		"m.csv:1: there is no column 'categories', which every offer needs",
		"m.csv:1: there is no column 'areas', which every offer needs",
		"m.csv:1: there is no column 'summary' (or 'summary_de'): every offer needs a summary in the source language 'de'",
	}, "\n")
	if got := problemList(res.Problems); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

func TestEmptyInputs(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "e.csv:1: the file is empty; its first row must name the columns",
		"\uFEFF":             "e.csv:1: the file is empty; its first row must name the columns",
		"title,provider\n\n": "e.csv:1: there are no offers below the header row",
	} {
		res := Convert("e.csv", []byte(in), fuzzTarget)
		if got := problemList(res.Problems); !strings.Contains(got, want) {
			t.Errorf("%q: %s", in, got)
		}
	}
}

func TestListsAndContact(t *testing.T) {
	res := Convert("l.csv", []byte("title,provider,categories,areas,summary,tags,languages,email,hours_note_en\n"+
		"A,P,\"financing | founding-advice,\",\"03|03255\",S,\"a, b|c\",de|ar,x@example.org,by appointment\n"), fuzzTarget)
	if len(res.Problems) != 0 {
		t.Fatal(problemList(res.Problems))
	}
	o := res.Offers[0]
	got := fmt.Sprint(o.ID, " ", o.Categories, o.Areas, o.Tags, o.Languages, o.Contacts)
	want := "a [financing founding-advice] [03 03255] [a b c] [de ar] [{map[]  x@example.org   map[en:by appointment]}]"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func BenchmarkConvert1000Rows(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("title;title_en;provider;categories;areas;summary;description;phone;email;hours\r\n")
	for i := range 1000 {
		fmt.Fprintf(&sb, "Gründungsberatung Nr. %d;Advice %d;Träger;founding-advice|financing;03255;Kurz.;\"Absatz eins.\r\n\r\n- Punkt\";05531 %d;a@example.org;Mo-Fr 09:00-12:00\r\n", i, i, i)
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if res := Convert("b.csv", data, fuzzTarget); len(res.Problems) != 0 {
			b.Fatal(res.Problems[0])
		}
	}
}

func TestMixedEncodingWarns(t *testing.T) {
	res := Convert("m.csv", []byte("title,provider,categories,areas,summary\nGründung,K\xf6ln,financing,03,S\n"), fuzzTarget)
	if len(res.Problems) != 1 || !res.Problems[0].Warning || res.Problems[0].Line != 1 || len(res.Offers) != 1 {
		t.Fatalf("problems = %v, offers = %d", res.Problems, len(res.Offers))
	}
	if !strings.HasPrefix(res.Problems[0].String(), "m.csv:1: warning: the file is not all UTF-8 (line 2 of the file is not)") {
		t.Errorf("warning = %s", res.Problems[0])
	}
}
