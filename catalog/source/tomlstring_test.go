package source

import (
	"testing"

	"github.com/BurntSushi/toml"
)

func TestTOMLStringRoundTrip(t *testing.T) {
	for _, s := range []string{
		"plain", `back\slash`, `"quoted"`, `ends with "`, `"""`, `a""""b`,
		"two\nlines", "multi \"\"\" quotes\n\"", "ends with quote\n\"\"", "tab\tand\x01control\x7f",
		"line\n\\", "\"\n\"", "€ – ü العربية",
	} {
		var got struct{ V string }
		doc := "v = " + TOMLString(s) + "\n"
		if _, err := toml.Decode(doc, &got); err != nil || got.V != s {
			t.Errorf("%q: written as %s, read back %q, %v", s, doc, got.V, err)
		}
	}
}
