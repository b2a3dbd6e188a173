package source

import "testing"

func TestIndexLines(t *testing.T) {
	text := `# comment [[not]] a table
format = 1
title = { de = "a } b", en = 'x' }
text = """
line with = sign
[[fake]]
"""

[[offer]]
id = "a"
contact = [
  { phone = "1" },
  { email = "e" },
]

[offer.title]
de = "T"

[[offer]]
"id" = "b"

[[offer.contact]]
phone = "2"
[offer.contact.label]
de = "L"
`
	ix := indexLines(text)
	for path, want := range map[string]int{
		"format":                       2,
		"title":                        3,
		"title.en":                     3,
		"text":                         4,
		"offer[0]":                     9,
		"offer[0].id":                  10,
		"offer[0].contact[0].phone":    12,
		"offer[0].contact[1].email":    13,
		"offer[0].title.de":            17,
		"offer[1].id":                  20,
		"offer[1].contact[0]":          22,
		"offer[1].contact[0].label":    24,
		"offer[1].contact[0].label.de": 25,
		"offer[1].summary":             19, // not written: its table's line
		"fake":                         1,  // inside a string: not a table
	} {
		if got := ix.lineOf(path); got != want {
			t.Errorf("lineOf(%q) = %d, want %d", path, got, want)
		}
	}
}
