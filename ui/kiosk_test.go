package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"wegweiser/assets"
	"wegweiser/catalog"
	"wegweiser/catalog/benchdata"
	"wegweiser/catalog/install"
	"wegweiser/catalog/source"
	"wegweiser/config"
	"wegweiser/stats"
	"wegweiser/ui/widgets"
)

// clock is a settable time for the kiosk under test.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// newKiosk opens the sample catalogue in a test window, 1280×800 like the
// kiosk's screen.
func newKiosk(t *testing.T, cfg config.Config) (*Kiosk, *clock) {
	t.Helper()
	a := test.NewTempApp(t)
	path, err := install.CompiledSample(t.TempDir(), assets.SampleSource())
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cat.Close() })
	w := test.NewTempWindow(t, nil)
	w.SetPadded(false) // as the kiosk's window
	w.Resize(fyne.NewSize(1280, 800))
	c := &clock{t: time.Date(2026, 11, 23, 10, 0, 0, 0, catalog.Berlin)} // a Monday
	if cfg.IdleReset == 0 {
		cfg.IdleReset = config.DefaultIdleReset
	}
	k := New(a, w, Options{Catalog: cat, Config: cfg, Now: c.now})
	k.later = func(f func()) { f() } // the test driver has one goroutine
	return k, c
}

// tiles lists the tiles on screen whose text contains s, in drawing order.
func tiles(k *Kiosk, s string) []*widgets.Tile {
	var out []*widgets.Tile
	var walk func(o fyne.CanvasObject, inTile *widgets.Tile)
	walk = func(o fyne.CanvasObject, tile *widgets.Tile) {
		switch o := o.(type) {
		case *widgets.Tile:
			tile = o
			walk(o.Content, tile)
			return
		case *widgets.Paragraph:
			if tile != nil && strings.Contains(o.Text, s) {
				out = append(out, tile)
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c, tile)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok && tile == nil {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c, tile)
			}
		}
	}
	walk(k.win.Content(), nil)
	for _, ov := range k.win.Canvas().Overlays().List() {
		walk(ov, nil)
	}
	return out
}

// tap taps the first tile showing s, failing the test when there is none,
// as a visitor does who looked at the screen first (past TapGuard).
func tap(t *testing.T, k *Kiosk, s string) {
	t.Helper()
	ts := tiles(k, s)
	if len(ts) == 0 {
		t.Fatalf("no tile shows %q on screen %q", s, k.Current())
	}
	settle(k)
	test.Tap(ts[0])
}

// settle lets the tap guard pass, as a visitor who reads the new screen.
func settle(k *Kiosk) { k.guardFrom = time.Time{} }

// texts is every paragraph text on screen.
func texts(k *Kiosk) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widgets.Paragraph:
			b.WriteString(o.Text + "\n")
			return
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(k.win.Content())
	for _, ov := range k.win.Canvas().Overlays().List() {
		walk(ov)
	}
	return b.String()
}

func TestChooseLanguageAndBrowse(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	if k.Current() != "welcome" || !strings.Contains(texts(k), "العربية") || !strings.Contains(texts(k), "ትግርኛ") {
		t.Fatalf("welcome screen: %q\n%s", k.Current(), texts(k))
	}
	tap(t, k, "Deutsch")
	if k.Current() != "home" || !strings.Contains(texts(k), "Landkreis Holzminden") {
		t.Fatalf("after Deutsch: %s\n%s", k.Current(), texts(k))
	}
	if !strings.Contains(texts(k), "6 Angebote") {
		t.Errorf("category counts missing:\n%s", texts(k))
	}
	tap(t, k, "Gründungsberatung")
	if k.Current() != "offers" {
		t.Fatalf("after category: %s", k.Current())
	}
	k.push(k.offerPage("iq-fachstelle-migrantenoekonomie"))
	got := texts(k)
	for _, want := range []string{"IQ Fachstelle Migrantenökonomie", "https://www.wir-gruenden-in-deutschland.de", "Auf meine Liste"} {
		if !strings.Contains(got, want) {
			t.Errorf("offer screen lacks %q:\n%s", want, got)
		}
	}
	tap(t, k, "Auf meine Liste")
	if len(k.s.sheet) != 1 {
		t.Fatalf("sheet = %v", k.s.sheet)
	}
	tap(t, k, "Zurück")
	if k.Current() != "offers" {
		t.Errorf("back went to %s", k.Current())
	}
	tap(t, k, "Startseite")
	if k.Current() != "home" || !strings.Contains(texts(k), "Meine Liste (1)") {
		t.Errorf("home after adding: %s\n%s", k.Current(), texts(k))
	}
}

func TestLanguageChangeFromAnyScreenKeepsThePlace(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	tap(t, k, "English")
	k.push(k.offerPage("iq-foerderprogramm"))
	tap(t, k, "English") // the language button in the header
	if k.Current() != "language" {
		t.Fatalf("language button opened %s", k.Current())
	}
	tap(t, k, "Українська")
	if k.Current() != "offer" || k.s.lang != "uk" || !strings.Contains(texts(k), "Назад") {
		t.Errorf("after switching: %s %s\n%s", k.Current(), k.s.lang, texts(k))
	}
}

func TestRightToLeftMirrorsTheLayout(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	tap(t, k, "العربية")
	back, home := tiles(k, "رجوع"), tiles(k, "الرئيسية")
	if len(back) == 0 || len(home) == 0 {
		t.Fatalf("header buttons missing:\n%s", texts(k))
	}
	bx := fyne.CurrentApp().Driver().AbsolutePositionForObject(back[0]).X
	hx := fyne.CurrentApp().Driver().AbsolutePositionForObject(home[0]).X
	if bx <= hx || bx < 640 {
		t.Errorf("back at x=%v, home at x=%v: in Arabic back stands rightmost", bx, hx)
	}
	// The first category stands on the right.
	first := tiles(k, "استشارات")
	if len(first) == 0 || fyne.CurrentApp().Driver().AbsolutePositionForObject(first[0]).X < 640 {
		t.Errorf("first category not on the right")
	}
}

func TestParagraphOrdersMixedLines(t *testing.T) {
	test.NewTempApp(t)
	p := widgets.NewParagraph("شبكة IQ Netzwerk هامبورغ", true, 800)
	if got := strings.Join(p.VisibleLines(), "/"); got != " هامبورغ|IQ Netzwerk|شبكة " {
		t.Errorf("drawn as %q", got)
	}
	list := widgets.NewParagraph("Vorher.\n\n- eins\n- zwei", false, 800)
	if got := strings.Join(list.VisibleLines(), "/"); got != "Vorher.//•|eins/•|zwei" {
		t.Errorf("list drawn as %q", got)
	}
}

func TestFallbackTextIsMarked(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	tap(t, k, "English")
	// Every text of the sample is translated; a text missing in the visitor's
	// language is shown in a fallback language with a note naming it.
	box := k.localized(catalog.Localized{Text: "Gründungsberatung", Lang: "de", Fallback: true}, 600, nil)
	k.win.SetContent(box)
	if !strings.Contains(texts(k), "Deutsch") {
		t.Errorf("fallback note missing: %s", texts(k))
	}
}

func TestIdleResetClearsEverything(t *testing.T) {
	k, c := newKiosk(t, config.Config{District: "03255", IdleReset: 90 * time.Second})
	tap(t, k, "Türkçe")
	k.s.toggleSheet("iq-foerderprogramm")
	k.s.large = true
	k.push(k.searchPage())
	test.Tap(k.keyboard.Key("a"))
	test.Tap(k.keyboard.Key("b"))
	if k.s.query != "ab" {
		t.Fatalf("query = %q", k.s.query)
	}
	c.t = c.t.Add(89 * time.Second)
	k.CheckIdle()
	if k.IdlePromptShown() {
		t.Fatal("prompt before the idle time")
	}
	c.t = c.t.Add(2 * time.Second)
	k.CheckIdle()
	if !k.IdlePromptShown() {
		t.Fatal("no prompt after the idle time")
	}
	c.t = c.t.Add(IdleCountdown + time.Second)
	k.CheckIdle()
	if k.IdlePromptShown() || k.Current() != "welcome" || k.s.lang != "de" || len(k.s.sheet) != 0 || k.s.query != "" || k.s.large {
		t.Errorf("after reset: screen %s lang %s sheet %v query %q large %v", k.Current(), k.s.lang, k.s.sheet, k.s.query, k.s.large)
	}
}

func TestIdlePromptContinue(t *testing.T) {
	k, c := newKiosk(t, config.Config{District: "03255", IdleReset: 30 * time.Second})
	tap(t, k, "Deutsch")
	c.t = c.t.Add(31 * time.Second)
	k.CheckIdle()
	if !k.IdlePromptShown() {
		t.Fatal("no prompt")
	}
	tap(t, k, "Ja, weiter")
	if k.IdlePromptShown() || k.Current() != "home" {
		t.Errorf("after continue: prompt %v screen %s", k.IdlePromptShown(), k.Current())
	}
}

func TestSearchWithOnScreenKeyboard(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	tap(t, k, "Deutsch")
	tap(t, k, "Suchen")
	for _, key := range []string{"a", "n", "e", "r", "k"} {
		test.Tap(k.keyboard.Key(key))
	}
	got := texts(k)
	if !strings.Contains(got, "Anerkennung in Deutschland") {
		t.Errorf("results for 'anerk':\n%s", got)
	}
	test.Tap(k.keyboard.Key("Löschen"))
	if k.s.query != "aner" {
		t.Errorf("after delete: %q", k.s.query)
	}
}

func TestArabicKeyboardSearches(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	tap(t, k, "العربية")
	tap(t, k, "بحث")
	if k.keyboard.LayoutName() != "ع" {
		t.Fatalf("layout %q", k.keyboard.LayoutName())
	}
	for _, key := range []string{"ت", "م", "و", "ي", "ل"} {
		test.Tap(k.keyboard.Key(key))
	}
	if !strings.Contains(texts(k), "التمويل") && !strings.Contains(texts(k), "تمويل") {
		t.Errorf("Arabic search found nothing:\n%s", texts(k))
	}
}

func TestStatisticsCountViewsPerLanguage(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	store, err := stats.Open(t.TempDir() + "/stats.sqlite")
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	k.opts.Stats = store
	tap(t, k, "العربية")
	tap(t, k, "استشارات")
	k.push(k.offerPage("iq-fachstelle-migrantenoekonomie"))
	k.push(k.offerPage("iq-fachstelle-migrantenoekonomie"))
	for _, want := range []struct {
		kind  stats.Kind
		item  string
		count int64
	}{{stats.Category, "founding-advice", 1}, {stats.Offer, "iq-fachstelle-migrantenoekonomie", 2}} {
		if n, err := store.Total(want.kind, want.item, "ar"); err != nil || n != want.count {
			t.Errorf("%s %s in Arabic counted %d times (%v), want %d", want.kind, want.item, n, err, want.count)
		}
	}
}

func TestStaffEntryNeedsThePIN(t *testing.T) {
	hash, err := config.HashPIN("2468")
	if err != nil {
		t.Fatal(err)
	}
	k, c := newKiosk(t, config.Config{District: "03255", AdminPIN: hash})
	corner := func() *widgets.Corner {
		var found *widgets.Corner
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			switch o := o.(type) {
			case *widgets.Corner:
				found = o
			case *fyne.Container:
				for _, ch := range o.Objects {
					walk(ch)
				}
			}
		}
		walk(k.win.Content())
		return found
	}()
	if corner == nil {
		t.Fatal("no hidden corner on the welcome screen")
	}
	for i := 0; i < widgets.Taps; i++ {
		test.Tap(corner)
	}
	enter := func(pin string) {
		for _, d := range pin {
			tap(t, k, string(d))
		}
		tap(t, k, "OK")
	}
	enter("1111")
	if k.Current() == "staff" || !strings.Contains(texts(k), "Falsche PIN") {
		t.Fatalf("wrong PIN let staff in, or said nothing:\n%s", texts(k))
	}
	enter("2468") // right, but within the wait after a wrong one
	if k.Current() == "staff" {
		t.Fatal("no wait after a wrong PIN")
	}
	c.t = c.t.Add(time.Minute)
	enter("2468")
	if k.Current() != "staff" || !strings.Contains(texts(k), "wegweiser-beispiel") {
		t.Fatalf("right PIN: screen %s\n%s", k.Current(), texts(k))
	}
	tap(t, k, "Zurück")
	if k.Current() != "welcome" {
		t.Errorf("leaving staff went to %s", k.Current())
	}
}

func TestOfferShowsQRCodes(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "02000"})
	tap(t, k, "Deutsch")
	k.push(k.offerPage("iq-netzwerk-hamburg"))
	got := texts(k)
	if !strings.Contains(got, "Kontakt speichern") {
		t.Errorf("no vCard code on the offer screen:\n%s", got)
	}
	images := 0
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *canvas.Image:
			if o.Image != nil {
				images++
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		default:
			if w, ok := o.(fyne.Widget); ok {
				for _, c := range test.WidgetRenderer(w).Objects() {
					walk(c)
				}
			}
		}
	}
	walk(k.win.Content())
	if images < 2 {
		t.Errorf("%d QR images on screen, want one per contact and one for the website", images)
	}
}

func TestPrintingSaysPlainlyWhenThePrinterIsMissing(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255", Printer: "no-such-printer-at-all"})
	tap(t, k, "English")
	k.s.toggleSheet("iq-foerderprogramm")
	k.push(k.sheetPage())
	tap(t, k, "Also in German")
	if !k.s.withGerman {
		t.Fatal("German toggle did nothing")
	}
	printed := make(chan struct{})
	k.printed = func() { close(printed) }
	tap(t, k, "Print")
	select {
	case <-printed:
	case <-time.After(time.Minute):
		t.Fatal("the printout did not end within a minute")
	}
	if !strings.Contains(texts(k), "Please ask the staff") {
		t.Errorf("no plain message after a failed printout:\n%s", texts(k))
	}
}

// A German visitor's sheet is German already: no "also in German".
func TestGermanSheetHasNoGermanCopyOption(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	tap(t, k, "Deutsch")
	k.s.toggleSheet("iq-foerderprogramm")
	k.push(k.sheetPage())
	if got := texts(k); strings.Contains(got, "Auch auf Deutsch") || !strings.Contains(got, "Drucken") {
		t.Errorf("German sheet screen:\n%s", got)
	}
}

func TestNoPrinterHidesPrinting(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255", Printer: "none"})
	tap(t, k, "Deutsch")
	k.s.toggleSheet("iq-foerderprogramm")
	k.push(k.sheetPage())
	if strings.Contains(texts(k), "Drucken") {
		t.Error("a kiosk without a printer offers printing")
	}
}

// While a catalogue is installed from a stick, the staff screen says how
// far it has come, without redrawing for every percent.
func TestStaffSeesInstallProgress(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	message := ""
	report := k.staffProgress(&message)
	steps := []struct {
		p    install.Progress
		want string
	}{
		{install.Progress{Phase: install.PhaseCopying, Total: 1000}, "vom Stick kopiert … 0 %"},
		{install.Progress{Phase: install.PhaseCopying, Done: 400, Total: 1000}, "vom Stick kopiert … 0 %"}, // too soon to redraw
		{install.Progress{Phase: install.PhaseCopying, Done: 1000, Total: 1000}, "vom Stick kopiert … 100 %"},
		{install.Progress{Phase: install.PhaseVerifying, Total: 900}, "ausgepackt und geprüft … 0 %"},
		{install.Progress{Phase: install.PhaseVerifying, Done: 900, Total: 900}, "ausgepackt und geprüft … 100 %"},
		{install.Progress{Phase: install.PhaseChecking}, "Datenbank des Katalogs wird geprüft"},
	}
	for _, s := range steps {
		report(s.p)
		if !strings.Contains(message, s.want) {
			t.Errorf("after %+v: %q, want %q", s.p, message, s.want)
		}
	}
}

// A search that finds more than the screen lists says so, in the
// visitor's digits, instead of claiming results it does not show.
func TestSearchSaysWhenItShowsOnlyTheBest(t *testing.T) {
	src := filepath.Join(t.TempDir(), "source")
	few := benchdata.Params{Seed: 1, Kreise: 4, Offers: 300, Events: 10, Brochures: 2, Languages: 3,
		Translated: 0.5, TextLength: 200, OffersPerFile: 100} // many offers for each Kreis
	if err := benchdata.Generate(src, few); err != nil {
		t.Fatal(err)
	}
	content, problems := source.Load(os.DirFS(src))
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	path := filepath.Join(t.TempDir(), "small.sqlite")
	if err := catalog.Compile(content, path, catalog.BuildInfo{Version: 1, Built: benchdata.Now}); err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer cat.Close()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.SetPadded(false) // as the kiosk's window
	w.Resize(fyne.NewSize(1280, 800))
	// The Kreis that sees the most offers, and a word that most of them have.
	busiest, most := "", 0
	ds, _ := cat.In("de").Districts()
	for _, d := range ds {
		if offers, _ := cat.In("de").Offers(d.ID, "", benchdata.Now); len(d.ID) == 5 && len(offers) > most {
			busiest, most = d.ID, len(offers)
		}
	}
	k := New(a, w, Options{Catalog: cat, Config: config.Config{District: busiest, IdleReset: time.Hour}, Now: func() time.Time { return benchdata.Now }})
	for lang, want := range map[string]string{"de": "Gezeigt: 30 von ", "ar": "المعروض ٣٠ من "} {
		k.chooseLanguage(lang)
		k.push(k.searchPage())
		k.s.query = "ung" // Beratung, Förderung, Gründung, …
		k.render()
		hits, _ := k.s.view.Search(k.s.query, catalog.Filter{District: k.district, Now: benchdata.Now})
		if len(hits) <= maxShownHits {
			t.Fatalf("%s: only %d hits; the test needs more than %d", lang, len(hits), maxShownHits)
		}
		got := texts(k)
		if !strings.Contains(got, want) || strings.Count(got, "\n") > maxShownHits+60 {
			t.Errorf("%s: the screen does not say that it shows %d of %d:\n%s", lang, maxShownHits, len(hits), got)
		}
	}
}

// Numbers on screen are in the visitor's digits: Arabic-Indic in Arabic.
func TestArabicNumbersInArabicDigits(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	tap(t, k, "العربية")
	k.s.toggleSheet("iq-foerderprogramm")
	k.home()
	brochures, err := k.s.view.Brochures("03255")
	if err != nil || len(brochures) == 0 {
		t.Fatal(brochures, err)
	}
	home := texts(k)
	k.push(k.brochurePage(brochures[0].ID))
	brochure := texts(k)
	for screen, want := range map[string]string{home: "(١)", brochure: "صفحة ١ من"} {
		if !strings.Contains(screen, want) {
			t.Errorf("no %q on screen:\n%s", want, screen)
		}
	}
}
