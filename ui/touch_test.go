package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"wegweiser/config"
	"wegweiser/stats"
	"wegweiser/ui/widgets"
)

// The touch issue: a finger drags, taps twice by accident, walks away, and
// the screen is any size from 1024×600 to portrait 1080×1920.

// position is where an object is drawn in the window.
func position(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}

// onlyTile is the single tile showing s; it fails the test otherwise.
func onlyTile(t *testing.T, k *Kiosk, s string) *widgets.Tile {
	t.Helper()
	ts := tiles(k, s)
	if len(ts) != 1 {
		t.Fatalf("%d tiles show %q on screen %s", len(ts), s, k.Current())
	}
	return ts[0]
}

func TestSwipeScrollsTheOfferListAndOpensNothing(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	tap(t, k, "Deutsch")
	tap(t, k, "Gründungsberatung")
	if k.Current() != "offers" || len(k.scrollers) != 1 {
		t.Fatalf("screen %s with %d scroll areas", k.Current(), len(k.scrollers))
	}
	list := k.scrollers[0]
	if list.MaxOffset() <= 0 {
		t.Fatal("the list fits the screen; nothing to swipe")
	}
	settle(k)
	// A finger on the first offer swipes upwards.
	first := tiles(k, "Gründen mit Migrationsgeschichte")[0]
	from := position(first).Add(fyne.NewPos(100, 20))
	test.Drag(k.win.Canvas(), from, 0, -200)
	if got := list.Offset(); got != 200 {
		t.Errorf("list offset after a 200 px swipe = %v", got)
	}
	if k.Current() != "offers" {
		t.Errorf("the swipe opened %s", k.Current())
	}
}

func TestEveryScrollingScreenScrollsByFinger(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	k.win.Resize(fyne.NewSize(1024, 600))
	tap(t, k, "Deutsch")
	for _, p := range []page{k.offerPage("iq-fachstelle-migrantenoekonomie"), k.brochurePage("gruenden-im-landkreis-holzminden"), k.homePage()} {
		k.push(p)
		if len(k.scrollers) == 0 {
			t.Errorf("%s: nothing scrolls", p.name)
			continue
		}
		s := k.scrollers[0]
		if s.MaxOffset() <= 0 {
			continue // fits at this size
		}
		test.Drag(k.win.Canvas(), position(s).Add(fyne.NewPos(300, 200)), 0, -120)
		if s.Offset() != 120 {
			t.Errorf("%s: offset after a 120 px swipe = %v", p.name, s.Offset())
		}
	}
}

func TestFastRepeatedTapsActOnce(t *testing.T) {
	k, c := newKiosk(t, config.Config{District: "03255"})
	tap(t, k, "Deutsch")
	// Five quick taps where the category tile is, 140 ms apart as a
	// finger taps (700 ms in all): the first opens the list; the others
	// are one burst, each within TapGuard of the one before.
	cat := onlyTile(t, k, "Gründungsberatung")
	at := position(cat).Add(fyne.NewPos(60, 30))
	settle(k)
	for range 5 {
		test.TapCanvas(k.win.Canvas(), at)
		c.t = c.t.Add(140 * time.Millisecond)
	}
	if k.Current() != "offers" || len(k.stack) != 3 {
		t.Fatalf("five quick taps reached %s (%d screens deep)", k.Current(), len(k.stack))
	}
	if len(k.s.sheet) != 0 {
		t.Errorf("quick taps put %v on the list", k.s.sheet)
	}
	// After the guard, the next tap acts.
	c.t = c.t.Add(TapGuard)
	test.TapCanvas(k.win.Canvas(), at)
	if k.Current() != "offer" {
		t.Errorf("a tap after the guard: screen %s", k.Current())
	}
}

func TestSevenTapsOnBackNeverOpenTheStaffPIN(t *testing.T) {
	hash, err := config.HashPIN("2468")
	if err != nil {
		t.Fatal(err)
	}
	k, c := newKiosk(t, config.Config{District: "03255", AdminPIN: hash})
	tap(t, k, "Deutsch")
	tap(t, k, "Gründungsberatung")
	back := tiles(k, "Zurück")[0]
	at := position(back).Add(fyne.NewPos(20, 20))
	for range 7 { // a visitor in a hurry, 400 ms apart: each tap passes the guard
		c.t = c.t.Add(400 * time.Millisecond)
		test.TapCanvas(k.win.Canvas(), at)
	}
	if k.Current() != "welcome" {
		t.Fatalf("seven taps on back: screen %s", k.Current())
	}
	if len(k.popups) != 0 || len(k.win.Canvas().Overlays().List()) != 0 {
		t.Error("taps on back opened a prompt on the welcome screen")
	}
	// The staff corner is far from the navigation.
	cornerAt := position(k.corner)
	if d := at.Subtract(cornerAt); d.X*d.X+d.Y*d.Y < 300*300 {
		t.Errorf("the staff corner at %v is near the back button at %v", cornerAt, at)
	}
}

// dirty makes the session look used in every way a visitor can.
func dirty(t *testing.T, k *Kiosk) {
	t.Helper()
	tap(t, k, "العربية")
	k.s.toggleSheet("iq-fachstelle-migrantenoekonomie")
	k.s.large, k.s.contrast, k.s.withGerman, k.s.keyboardHidden = true, true, true, true
	k.s.printStatus = "old message"
	k.push(k.searchPage())
	k.s.query = "تمويل"
}

func assertFresh(t *testing.T, k *Kiosk, how string) {
	t.Helper()
	s := k.s
	if k.Current() != "welcome" || s.lang != "de" || len(s.sheet) != 0 || s.query != "" || s.large || s.contrast ||
		s.withGerman || s.keyboardHidden || s.printStatus != "" || len(k.popups) != 0 || k.IdlePromptShown() {
		t.Errorf("%s: screen %s, lang %s, list %v, query %q, large %v, contrast %v, German %v, keyboard hidden %v, message %q, prompts %d",
			how, k.Current(), s.lang, s.sheet, s.query, s.large, s.contrast, s.withGerman, s.keyboardHidden, s.printStatus, len(k.popups))
	}
}

func TestEveryWayToTheWelcomeScreenStartsAFreshSession(t *testing.T) {
	hash, err := config.HashPIN("2468")
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Config{District: "03255", AdminPIN: hash, IdleReset: 30 * time.Second}

	k, _ := newKiosk(t, cfg)
	dirty(t, k)
	tap(t, k, "البدء من جديد") // start over, in Arabic
	assertFresh(t, k, "start over")

	k, _ = newKiosk(t, cfg)
	dirty(t, k)
	for k.Current() != "welcome" {
		tap(t, k, "رجوع") // back, in Arabic
	}
	assertFresh(t, k, "back")

	k, c := newKiosk(t, cfg)
	dirty(t, k)
	c.t = c.t.Add(31 * time.Second)
	k.CheckIdle()
	c.t = c.t.Add(IdleCountdown + time.Second)
	k.CheckIdle()
	assertFresh(t, k, "idle")

	// A half-typed PIN on the welcome screen is closed by the idle timer.
	k, c = newKiosk(t, cfg)
	k.openStaff()
	tap(t, k, "2")
	tap(t, k, "4")
	c.t = c.t.Add(31 * time.Second)
	k.CheckIdle()
	assertFresh(t, k, "PIN left half-typed")
	k.openStaff()
	if strings.Contains(texts(k), "••") {
		t.Error("the half-typed PIN survived")
	}
	k.Reset()

	// Staff leaving.
	k, _ = newKiosk(t, cfg)
	dirty(t, k)
	enterStaff(t, k, "2468")
	tap(t, k, "Zurück")
	assertFresh(t, k, "staff leaving")
}

func TestNavigationStaysInPlaceOnEveryScreen(t *testing.T) {
	for _, lang := range []string{"Deutsch", "العربية"} {
		k, _ := newKiosk(t, config.Config{District: "03255"})
		tap(t, k, lang)
		names := map[string]string{"Deutsch": "Zurück", "العربية": "رجوع"}
		var where fyne.Position
		for i, p := range []page{k.homePage(), k.offersPage(k.s.categories[0]), k.offerPage("iq-fachstelle-migrantenoekonomie"),
			k.brochurePage("gruenden-im-landkreis-holzminden"), k.eventsPage(), k.sheetPage(), k.searchPage(), k.languagePage()} {
			k.push(p)
			at := position(onlyTile(t, k, names[lang]))
			if i == 0 {
				where = at
				if at.Y < k.win.Canvas().Size().Height/2 {
					t.Errorf("%s: back is at the top (%v), not in reach at the bottom", lang, at)
				}
			} else if at != where {
				t.Errorf("%s: back on %s is at %v, on home at %v", lang, p.name, at, where)
			}
		}
	}
}

func TestBrochurePagingStaysInPlace(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	tap(t, k, "Deutsch")
	k.push(k.brochurePage("gruenden-im-landkreis-holzminden"))
	next := onlyTile(t, k, "Nächste Seite")
	where := position(next)
	pages := 1
	for !next.Disabled {
		tap(t, k, "Nächste Seite")
		pages++
		next = onlyTile(t, k, "Nächste Seite")
		if at := position(next); at != where {
			t.Errorf("page %d: next at %v, on page 1 at %v", pages, at, where)
		}
	}
	if pages < 3 {
		t.Fatalf("only %d pages", pages)
	}
	if !strings.Contains(texts(k), "Seite "+string(rune('0'+pages))+" von") {
		t.Errorf("no page number for the last page:\n%s", texts(k))
	}
	// The page number opens the contents; a heading there opens its page.
	tap(t, k, "Seite ")
	if k.Current() != "contents" {
		t.Fatalf("the page number opened %s", k.Current())
	}
	tap(t, k, "2. ")
	if k.Current() != "brochure" || !strings.Contains(texts(k), "Seite 2 von") {
		t.Errorf("contents → page 2: screen %s\n%s", k.Current(), texts(k))
	}
	if len(tiles(k, "Broschüre drucken")) != 1 {
		t.Error("no way to print the brochure")
	}
}

func TestPrintingDisablesItsButtonAndCountsOnlyWhatPrinted(t *testing.T) {
	counts, err := stats.Open(t.TempDir() + "/stats.sqlite")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { counts.Close() })
	k, _ := newKiosk(t, config.Config{District: "03255", Printer: "wegweiser-no-such-printer"})
	k.opts.Stats = counts
	done := make(chan struct{}, 4)
	k.printed = func() { done <- struct{}{} }
	tap(t, k, "Deutsch")
	k.s.toggleSheet("iq-fachstelle-migrantenoekonomie")
	k.push(k.sheetPage())
	settle(k)
	printButton := onlyTile(t, k, "Drucken")
	for range 4 {
		test.Tap(printButton)
		if b := onlyTile(t, k, "Drucken"); !b.Disabled && k.s.printing {
			t.Fatal("the print button is not disabled while printing")
		}
		settle(k)
	}
	<-done
	select {
	case <-done:
		t.Error("four taps on print started more than one printout")
	case <-time.After(300 * time.Millisecond):
	}
	if n, err := counts.Total(stats.Print, "iq-fachstelle-migrantenoekonomie", "de"); err != nil || n != 0 {
		t.Errorf("a failed printout was counted %d times (%v)", n, err)
	}
}

func TestEventsAreOneThing(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	tap(t, k, "Deutsch")
	for _, tile := range tiles(k, "Veranstaltungen") {
		if strings.Contains(texts(k), "1 Angebot\n") {
			t.Errorf("the events category is a tile of its own on the home screen")
		}
		_ = tile
	}
	tap(t, k, "Veranstaltungen")
	if k.Current() != "events" {
		t.Fatalf("screen %s", k.Current())
	}
	if !strings.Contains(texts(k), "Informationsveranstaltungen für Gründungsinteressierte") {
		t.Errorf("the events category's offer is not on the events screen:\n%s", texts(k))
	}
}

func TestLocalOffersFirst(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	tap(t, k, "Deutsch")
	tap(t, k, "Gründungsberatung")
	// The first row is the district's own advice; the nationwide ones
	// (the IQ Fachstelle, existenzgruender.de) come after.
	first, _, _ := strings.Cut(texts(k), "\n")
	if !strings.Contains(first, "Wirtschaftsförderung des Landkreises Holzminden") {
		t.Errorf("the first offer is %q, not the district's own", first)
	}
}

func TestStaffQuitAsksFirstAndPINPadHasDelete(t *testing.T) {
	hash, err := config.HashPIN("2468")
	if err != nil {
		t.Fatal(err)
	}
	k, _ := newKiosk(t, config.Config{District: "03255", AdminPIN: hash})
	quit := 0
	k.opts.Quit = func() { quit++ }
	k.openStaff()
	for _, d := range "24689" {
		tap(t, k, string(d))
	}
	settle(k)
	var del *widgets.Tile
	for _, ov := range k.win.Canvas().Overlays().List() { // the key without text: delete
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			switch o := o.(type) {
			case *widgets.Tile:
				if strings.TrimSpace(textsIn(o)) == "" {
					del = o
				}
			case *fyne.Container:
				for _, c := range o.Objects {
					walk(c)
				}
			}
			if w, ok := o.(fyne.Widget); ok {
				if _, isTile := o.(*widgets.Tile); !isTile {
					for _, c := range test.WidgetRenderer(w).Objects() {
						walk(c)
					}
				}
			}
		}
		walk(ov)
	}
	if del == nil {
		t.Fatal("no delete key on the PIN pad")
	}
	test.Tap(del) // 2468
	tap(t, k, "OK")
	if k.Current() != "staff" {
		t.Fatalf("PIN with a deleted digit: screen %s", k.Current())
	}
	tap(t, k, "Kiosk beenden")
	if quit != 0 {
		t.Fatal("closed without asking")
	}
	tap(t, k, "Ja, beenden")
	if quit != 1 {
		t.Errorf("confirmed, but closed %d times", quit)
	}
}

// textsIn is the text of the paragraphs inside o.
func textsIn(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widgets.Paragraph:
			b.WriteString(o.Text)
		case *widgets.Tile:
			walk(o.Content)
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

func TestEveryScreenSizeFitsTheWidth(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1024, Height: 600}, {Width: 1280, Height: 800}, {Width: 1920, Height: 1080}, {Width: 1080, Height: 1920}} {
		k, _ := newKiosk(t, config.Config{District: "03255"})
		k.win.Resize(size)
		k.redraw()
		for _, lang := range []string{"Deutsch", "العربية", "ትግርኛ"} {
			k.Reset()
			tap(t, k, lang)
			for _, p := range []page{k.homePage(), k.offerPage("iq-fachstelle-migrantenoekonomie"), k.sheetPage(), k.searchPage(), k.eventsPage()} {
				k.push(p)
				width := k.win.Canvas().Size().Width
				for _, s := range k.scrollers {
					if s.Overflows() {
						t.Errorf("%v %s %s: the content is wider than its scroll area", size, lang, p.name)
					}
				}
				for _, tile := range tiles(k, "") {
					if !tile.Visible() {
						continue
					}
					if right := position(tile).X + tile.Size().Width; right > width+1 {
						t.Errorf("%v %s %s: a tile ends at %v, beyond the screen's %v (%q)", size, lang, p.name, right, width, textsIn(tile))
						break
					}
				}
			}
		}
	}
}

func TestSmallScreenSearchShowsResultsAndHidesItsKeyboard(t *testing.T) {
	k, _ := newKiosk(t, config.Config{District: "03255"})
	k.win.Resize(fyne.NewSize(1024, 600))
	tap(t, k, "Deutsch")
	k.push(k.searchPage())
	for _, r := range "gründung" {
		test.Tap(k.keyboard.Key(string(r)))
	}
	visible := func() int { // results whose middle is within the results' scroll area
		n := 0
		area := k.scrollers[0]
		top, bottom := position(area).Y, position(area).Y+area.Size().Height
		for _, tile := range tiles(k, "") {
			mid := position(tile).Y + tile.Size().Height/2
			if strings.Contains(textsIn(tile), "Gründ") && mid > top && mid < bottom {
				n++
			}
		}
		return n
	}
	if n := visible(); n < 1 {
		t.Errorf("with the keyboard shown, %d results on a 1024×600 screen", n)
	}
	tap(t, k, "Tastatur ausblenden")
	if k.keyboard != nil && len(tiles(k, "Leerzeichen")) != 0 {
		t.Error("the keyboard is still shown")
	}
	if n := visible(); n < 3 {
		t.Errorf("with the keyboard hidden, %d results on a 1024×600 screen", n)
	}
	tap(t, k, "Tastatur zeigen")
	if len(tiles(k, "Leerzeichen")) != 1 {
		t.Error("the keyboard does not come back")
	}
}

func TestOfferRowsHoldTheirText(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1080, Height: 1920}, {Width: 1024, Height: 600}} {
		for _, lang := range []string{"العربية", "Deutsch", "ትግርኛ"} {
			k, _ := newKiosk(t, config.Config{District: "03255"})
			k.win.Resize(size)
			tap(t, k, lang)
			k.push(k.offersPage(k.s.categories[0]))
			rows := tiles(k, "")
			if len(rows) < 3 {
				t.Fatalf("%v %s: %d rows", size, lang, len(rows))
			}
			for _, r := range rows {
				if need, has := r.Content.MinSize().Height, r.Size().Height; need > has {
					t.Errorf("%v %s: a row needs %v of height and has %v: %q", size, lang, need, has, textsIn(r))
				}
			}
		}
	}
}

// The statistics export onto a stick never writes through an existing
// name: a symbolic link named like the export and pointing at kiosk.toml
// stays as it was, and so does kiosk.toml.
func TestStatisticsExportNeverWritesThroughALink(t *testing.T) {
	counts, err := stats.Open(t.TempDir() + "/stats.sqlite")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { counts.Close() })
	k, c := newKiosk(t, config.Config{District: "03255"})
	k.opts.Stats = counts
	stick, data := t.TempDir(), t.TempDir()
	settings := filepath.Join(data, "kiosk.toml")
	os.WriteFile(settings, []byte("district = \"03255\"\n"), 0o600)
	link := filepath.Join(stick, "wegweiser-statistik-"+c.t.Format("2006-01-02")+".csv")
	if err := os.Symlink(settings, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	msg := k.exportStats(stick)
	if got, _ := os.ReadFile(settings); string(got) != "district = \"03255\"\n" {
		t.Fatalf("kiosk.toml was overwritten: %q (%s)", got, msg)
	}
	if !strings.Contains(msg, "-2.csv") {
		t.Errorf("export: %s", msg)
	}
	if _, err := os.Lstat(strings.TrimPrefix(msg, "Statistik gespeichert: ")); err != nil {
		t.Errorf("no export file: %v (%s)", err, msg)
	}
}

func TestStaffSeeTheProblemsOfKioskToml(t *testing.T) {
	hash, err := config.HashPIN("2468")
	if err != nil {
		t.Fatal(err)
	}
	cfg, cerr := config.Parse("district = \"03255\"\nidle_reset = \"5s\"\n[admin]\npin = \"" + hash + "\"\n")
	if cerr == nil || cfg.AdminPIN == "" {
		t.Fatalf("setup: %v, %+v", cerr, cfg)
	}
	k, _ := newKiosk(t, cfg)
	k.opts.ConfigProblem = cerr
	enterStaff(t, k, "2468") // the PIN of a kiosk.toml with a bad idle_reset still works
	if !strings.Contains(texts(k), "kiosk.toml:2: idle_reset") {
		t.Errorf("the problem is not shown with its line:\n%s", texts(k))
	}
}

// enterStaff opens the staff screen with pin on the PIN pad, failing the
// test when it does not open.
func enterStaff(t *testing.T, k *Kiosk, pin string) {
	t.Helper()
	k.openStaff()
	for _, d := range pin {
		tap(t, k, string(d))
	}
	tap(t, k, "OK")
	if k.Current() != "staff" {
		t.Fatalf("the PIN %s did not open the staff screen: %s", pin, k.Current())
	}
}
