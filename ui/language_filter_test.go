package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"wegweiser/catalog"
	"wegweiser/catalog/source"
	"wegweiser/config"
)

// validCatalog compiles catalog/source's valid test folder, changed by
// change when it is not nil.
func validCatalog(t *testing.T, change func(*catalog.Content)) *catalog.Catalog {
	t.Helper()
	content, problems := source.Load(os.DirFS("../catalog/source/testdata/valid"))
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	if change != nil {
		change(content)
	}
	path := filepath.Join(t.TempDir(), "c.sqlite")
	if err := catalog.Compile(content, path, catalog.BuildInfo{Version: 1, Built: time.Now()}); err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cat.Close() })
	return cat
}

// kioskOn is a kiosk on cat in a 1280×800 test window, district 03255.
func kioskOn(t *testing.T, cat *catalog.Catalog) *Kiosk {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1280, 800))
	k := New(a, w, Options{Catalog: cat, Config: config.Config{District: "03255", IdleReset: time.Hour},
		Now: func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, catalog.Berlin) }})
	k.later = func(f func()) { f() }
	return k
}

// Issue 14: a visitor can show only the offers where their language is
// spoken, and such offers say so in the language's own name.
func TestOnlyOffersInMyLanguage(t *testing.T) {
	k := kioskOn(t, validCatalog(t, nil))

	k.chooseLanguage("en")
	k.push(k.offersPage(catalog.CategoryTile{ID: "founding-advice"}))
	got := texts(k)
	if !strings.Contains(got, "Only offers with advice in English (1)") || !strings.Contains(got, "Advice in English") ||
		!strings.Contains(got, "Start-up advice in Holzminden district") {
		t.Fatalf("the list:\n%s", got)
	}
	tap(t, k, "Only offers with advice in English")
	got = texts(k)
	if strings.Contains(got, "Start-up advice in Holzminden district") || !strings.Contains(got, "Information platform") {
		t.Errorf("filtered list:\n%s", got)
	}
	k.Reset() // the next visitor sees all offers again
	if k.s.myLanguage {
		t.Error("the filter outlived the session")
	}
}

// Issue 14: the author's preview puts a new build on the screen the author
// is on, and the source's problems above it.
func TestShowPreview(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	k.chooseLanguage("en")
	cat := validCatalog(t, nil)
	k.ShowPreview(cat, "", []string{"offers/national.toml:8: warning: offer 'x' was last checked long ago"})
	got := texts(k)
	if !strings.Contains(got, "offers/national.toml:8: warning") || !strings.Contains(got, "Start-up advice") {
		t.Fatalf("the preview:\n%s", got)
	}
	k.ShowPreview(nil, "", []string{"offers/national.toml:40: offer 'kaputt' has no 'title', which is required"})
	if got := texts(k); !strings.Contains(got, "has no 'title'") || !strings.Contains(got, "Start-up advice") {
		t.Errorf("with errors the last build stays, the problem on top:\n%s", got)
	}
}

// Issue 14: the kiosk shows a translation made from an earlier source text,
// and marks it, as it marks a fallback.
func TestOutdatedTranslationIsMarked(t *testing.T) {
	// The Arabic title was made from another German text than today's.
	cat := validCatalog(t, func(c *catalog.Content) {
		c.State = map[string]map[string]string{"ar": {"offer.iq-fachstelle.title": "000000000000"}}
	})
	o, err := cat.In("ar").Offer("iq-fachstelle")
	if err != nil || !o.Title.Outdated || o.Summary.Outdated {
		t.Fatalf("%+v %v", o, err)
	}
	if o, _ := cat.In("en").Offer("iq-fachstelle"); o.Title.Outdated {
		t.Error("the English title is marked outdated")
	}
	k := kioskOn(t, cat)
	k.chooseLanguage("ar")
	k.push(k.offerPage("iq-fachstelle"))
	if !strings.Contains(texts(k), "قد لا تكون هذه الترجمة محدّثة") {
		t.Errorf("no mark on the offer screen:\n%s", texts(k))
	}
}
