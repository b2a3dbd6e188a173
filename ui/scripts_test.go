package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"wegweiser/config"
	"wegweiser/ui/widgets"
)

// The scripts issue: every visitor types in their own script and finds
// what the catalogue has in it; right-to-left text is drawn mirrored.

// typeKeys taps keys of the search keyboard by their labels.
func typeKeys(t *testing.T, k *Kiosk, keys ...string) {
	t.Helper()
	for _, key := range keys {
		tile := k.keyboard.Key(key)
		if tile == nil {
			t.Fatalf("no key %q on the %s keyboard (typed so far %q)", key, k.keyboard.LayoutName(), k.s.query)
		}
		test.Tap(tile)
	}
}

func TestTigrinyaTypedOnItsKeyboardAndFound(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	tap(t, k, "ትግርኛ")
	k.push(k.searchPage())
	typeKeys(t, k, "መ", "ም", "ኸ", "ኽ", "ረ", "ሪ")
	if k.s.query != "ምኽሪ" {
		t.Fatalf("typed %q, want ምኽሪ", k.s.query)
	}
	results := 0
	for _, tile := range tiles(k, "ምኽሪ") {
		if tile.OnTapped != nil {
			results++
		}
	}
	if results == 0 {
		t.Errorf("a search for ምኽሪ found no Tigrinya title:\n%s", texts(k))
	}
}

func TestPersianFindsWithAndWithoutHalfSpace(t *testing.T) {
	for _, keys := range [][]string{
		{"ک", "س", "ب", "و", "ک", "ا", "ر"},                   // as many type it
		{"ک", "س", "ب", "نیم\u200cفاصله", "و", "ک", "ا", "ر"}, // with the half-space, as written
	} {
		k, _ := newKiosk(t, config.Config{District: "03255"})
		tap(t, k, "فارسی")
		k.push(k.searchPage())
		typeKeys(t, k, keys...)
		if strings.Contains(texts(k), k.s.str.T("search_none")) || len(tiles(k, "کسب\u200cوکار")) == 0 {
			t.Errorf("%q found nothing:\n%s", k.s.query, texts(k))
		}
	}
}

func TestMirroredBracketsOnScreen(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	tap(t, k, "العربية")
	k.s.toggleSheet("iq-fachstelle-migrantenoekonomie")
	k.redraw()
	// "قائمتي (١)" in the navigation: drawn from the left "(", "١", ")".
	var drawn string
	for _, tile := range tiles(k, "قائمتي") {
		for _, p := range paragraphsIn(tile) {
			drawn = strings.Join(p.VisibleLines(), "/")
		}
	}
	if !strings.HasPrefix(drawn, "(|١|)") {
		t.Errorf("my list's count drawn as %q, want (١) with its brackets facing the number", drawn)
	}
}

// paragraphsIn lists the paragraphs inside a tile.
func paragraphsIn(tile *widgets.Tile) []*widgets.Paragraph {
	var out []*widgets.Paragraph
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widgets.Paragraph:
			out = append(out, o)
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		}
	}
	walk(tile.Content)
	return out
}

func TestDateLineInTheLanguagesPunctuation(t *testing.T) {
	k, c := newKiosk(t, config.Config{District: "03255"})
	for lang, want := range map[string]string{"العربية": "، ", "فارسی": "، ", "Deutsch": ", "} {
		k.Reset()
		tap(t, k, lang)
		line := k.formatDate(c.t, true)
		if !strings.Contains(line, want) || (want != ", " && strings.Contains(line, ",")) {
			t.Errorf("%s: %q, want the separator %q", lang, line, want)
		}
	}
}

func TestWelcomeGreetingKeepsItsPlace(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	var where []float32
	for range k.langs {
		k.NextGreeting()
		where = append(where, position(onlyTile(t, k, "Deutsch")).Y)
	}
	for i, y := range where {
		if y != where[0] {
			t.Errorf("greeting %d: the language tiles at y=%v, first at %v", i, y, where[0])
		}
	}
}
