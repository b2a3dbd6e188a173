package widgets

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	kiosktheme "wegweiser/ui/theme"
)

func newApp(t *testing.T) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(kiosktheme.New(kiosktheme.Options{}))
}

// A clock for the corner, moved by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time       { return c.t }
func (c *clock) pass(d time.Duration) { c.t = c.t.Add(d) }
func newCorner(opened *int) (*Corner, *clock) {
	clk := &clock{t: time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)}
	c := NewCorner(func() { *opened++ })
	c.now = clk.now
	return c, clk
}

func TestCornerOpensOnFiveQuickTaps(t *testing.T) {
	newApp(t)
	opened := 0
	c, clk := newCorner(&opened)
	for range Taps - 1 {
		test.Tap(c)
		clk.pass(400 * time.Millisecond)
	}
	if opened != 0 {
		t.Fatalf("opened after %d taps", Taps-1)
	}
	test.Tap(c)
	if opened != 1 {
		t.Fatalf("not opened after %d quick taps", Taps)
	}
	// Taps spread over more than TapWindow are a visitor touching the
	// corner now and then, not staff.
	for range Taps {
		test.Tap(c)
		clk.pass(TapWindow / 2)
	}
	if opened != 1 {
		t.Errorf("opened by %d slow taps", Taps)
	}
}

func TestCornerOpensOnLongPress(t *testing.T) {
	newApp(t)
	opened := 0
	c, clk := newCorner(&opened)
	c.MouseDown(nil)
	clk.pass(HoldTime - time.Second)
	c.MouseUp(nil)
	if opened != 0 {
		t.Fatal("opened by a short press")
	}
	c.MouseDown(nil)
	clk.pass(HoldTime)
	c.MouseUp(nil)
	if opened != 1 {
		t.Fatal("not opened by a press of HoldTime")
	}
	c.MouseUp(nil) // a release without a press does nothing
	if opened != 1 {
		t.Error("opened by a release alone")
	}
}

func TestKeyboardTypesAndSwitchesLayout(t *testing.T) {
	newApp(t)
	var typed []rune
	backspaces, clears := 0, 0
	k := NewKeyboard(LayoutsFor("ar"), KeyLabels{Space: "مسافة", Delete: "حذف", Clear: "مسح"}, 1200)
	k.OnRune = func(r rune) { typed = append(typed, r) }
	k.OnBackspace = func() { backspaces++ }
	k.OnClear = func() { clears++ }
	for _, key := range []string{"ت", "م", "و", "ي", "ل", "مسافة"} {
		tile := k.Key(key)
		if tile == nil {
			t.Fatalf("no key %q on the Arabic layout", key)
		}
		test.Tap(tile)
	}
	if string(typed) != "تمويل " {
		t.Errorf("typed %q", string(typed))
	}
	test.Tap(k.Key("حذف"))
	test.Tap(k.Key("مسح"))
	if backspaces != 1 || clears != 1 {
		t.Errorf("backspace %d, clear %d", backspaces, clears)
	}
	if k.Key("q") != nil {
		t.Fatal("Latin keys shown before switching")
	}
	test.Tap(k.Key("ABC"))
	if k.LayoutName() != "ABC" || k.Key("q") == nil || k.Key("ع") == nil {
		t.Fatalf("after switching: layout %q", k.LayoutName())
	}
	test.Tap(k.Key("ü"))
	if typed[len(typed)-1] != 'ü' {
		t.Errorf("the German layout typed %q", typed[len(typed)-1])
	}
}

// Arabic and Persian keys stand where PC and phone keyboards have them:
// ض at the left end of the top letter row, the digits 1 … 0 from the left.
func TestKeyboardLayoutsAsPeopleKnowThem(t *testing.T) {
	newApp(t)
	x := func(o fyne.CanvasObject) float32 {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).X
	}
	for _, l := range []KeyLayout{Arabic, Persian} {
		k := NewKeyboard([]KeyLayout{l}, KeyLabels{Space: " ", Delete: "x", Clear: "c", HalfSpace: "نیم\u200cفاصله"}, 1200)
		w := test.NewWindow(k)
		w.Resize(fyne.NewSize(1280, 600))
		one, zero := []rune(l.Rows[0])[0], []rune(l.Rows[0])[9]
		if x(k.Key("ض")) >= x(k.Key("ج")) || x(k.Key(string(one))) >= x(k.Key(string(zero))) {
			t.Errorf("%s: ض at x=%v, ج at x=%v, %c at x=%v, %c at x=%v: want ض and 1 on the left",
				l.Name, x(k.Key("ض")), x(k.Key("ج")), one, x(k.Key(string(one))), zero, x(k.Key(string(zero))))
		}
		w.Close()
	}
	for lang, letters := range map[string]string{"uk": "іїєґ", "tr": "ıişğüöç", "de": "äöüß"} {
		k := NewKeyboard(LayoutsFor(lang), KeyLabels{Space: " ", Delete: "x", Clear: "c"}, 1200)
		for _, r := range letters {
			if k.Key(string(r)) == nil {
				t.Errorf("%s keyboard lacks %q", lang, r)
			}
		}
	}
}

// Tigrinya is typed on its own script: a consonant, then its form.
func TestGeezKeyboardTypesTigrinya(t *testing.T) {
	newApp(t)
	var typed []rune
	k := NewKeyboard(LayoutsFor("ti"), KeyLabels{Space: " ", Delete: "ምድምሳስ", Clear: "c"}, 1200)
	k.OnRune = func(r rune) { typed = append(typed, r) }
	k.OnBackspace = func() { typed = typed[:max(0, len(typed)-1)] }
	if k.LayoutName() != "ፊደል" {
		t.Fatalf("Tigrinya visitors get the %q layout first", k.LayoutName())
	}
	for _, key := range []string{"መ", "ም", "ኸ", "ኽ", "ረ", "ሪ"} {
		tile := k.Key(key)
		if tile == nil {
			t.Fatalf("no key %q after %q", key, string(typed))
		}
		test.Tap(tile)
	}
	if string(typed) != "ምኽሪ" {
		t.Errorf("typed %q, want ምኽሪ", string(typed))
	}
	if k.Key("ሩ") == nil {
		t.Error("no forms of ረ shown after typing it")
	}
	test.Tap(k.Key("ምድምሳስ"))
	if k.Key("ሩ") != nil {
		t.Error("the forms row stays after the consonant was deleted")
	}
	if string(typed) != "ምኽ" {
		t.Errorf("after delete: %q", string(typed))
	}
}

func TestPersianHalfSpaceKey(t *testing.T) {
	newApp(t)
	var typed []rune
	k := NewKeyboard(LayoutsFor("fa"), KeyLabels{Space: " ", Delete: "x", Clear: "c", HalfSpace: "نیم\u200cفاصله"}, 1200)
	k.OnRune = func(r rune) { typed = append(typed, r) }
	test.Tap(k.Key("نیم\u200cفاصله"))
	if string(typed) != "\u200c" {
		t.Errorf("the half-space key typed %q", string(typed))
	}
}

func TestDeleteLastRune(t *testing.T) {
	for in, want := range map[string]string{"": "", "ab": "a", "تمويل": "تموي", "ምኽሪ": "ምኽ", "Grü": "Gr"} {
		if got := DeleteLastRune(in); got != want {
			t.Errorf("DeleteLastRune(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParagraphWrapsWithinItsWidth(t *testing.T) {
	newApp(t)
	text := "Die Gründungsberatung hilft kostenlos beim Businessplan, bei der Finanzierung und bei der Anmeldung des Gewerbes."
	p := NewParagraph(text, false, 300)
	lines := p.VisibleLines()
	if len(lines) < 3 {
		t.Fatalf("%d lines at width 300: %q", len(lines), lines)
	}
	if got := strings.Join(lines, " "); got != text {
		t.Errorf("the lines do not give back the text:\n%q\n%q", got, text)
	}
	for _, l := range lines {
		if w := p.measure(l); w > 300 {
			t.Errorf("line %q is %v wide", l, w)
		}
	}
	p.MaxLines = 2
	p.Refresh()
	cut := p.VisibleLines()
	if len(cut) != 2 || !strings.HasSuffix(cut[1], "…") {
		t.Errorf("MaxLines 2: %q", cut)
	}
}

// Right-to-left lines end at the right edge; Latin words inside them keep
// their own order; left-to-right lines start at the left.
func TestParagraphRightToLeft(t *testing.T) {
	newApp(t)
	p := NewParagraph("برنامج IQ Netzwerk للاندماج", true, 600)
	lines := p.VisibleLines()
	if len(lines) != 1 || !strings.Contains(lines[0], "IQ Netzwerk") {
		t.Fatalf("lines = %q", lines)
	}
	// Visual order: the Arabic that is read first stands on the right.
	if i, j := strings.Index(lines[0], "برنامج"), strings.Index(lines[0], "للاندماج"); i < j {
		t.Errorf("visual line %q: the first word is not on the right", lines[0])
	}
	w := test.NewWindow(p)
	defer w.Close()
	w.Resize(fyne.NewSize(640, 100))
	p.Resize(fyne.NewSize(600, 60))
	right, left := edges(p)
	if 600-right > 1 || left < 100 {
		t.Errorf("right-to-left line spans x %v..%v of 600: want it against the right edge", left, right)
	}
	p.RTL = false
	p.Text = "Gründungsberatung Holzminden"
	p.Refresh()
	if right, left := edges(p); left > 1 || right > 400 {
		t.Errorf("left-to-right line spans x %v..%v: want it from the left edge", left, right)
	}
}

// edges are the leftmost and rightmost x of a paragraph's drawn texts.
func edges(p *Paragraph) (right, left float32) {
	left = 1e9
	for _, o := range test.WidgetRenderer(p).Objects() {
		if t, ok := o.(*canvas.Text); ok && t.Text != "" {
			left = min(left, t.Position().X)
			right = max(right, t.Position().X+t.Size().Width)
		}
	}
	return right, left
}

// A label whose longest word is wider than its width is drawn smaller, so
// that the word fits; not smaller than minFit of its size.
func TestParagraphFitsItsLongestWord(t *testing.T) {
	newApp(t)
	p := NewParagraph("Gründungsberatung", false, 0)
	full := p.measure(p.Text)
	p.Width = full * 0.85 // a little too narrow
	p.Fit = true
	p.build()
	if w := p.measure(p.Text); w > p.Width || p.textSize() >= p.themeSize() {
		t.Errorf("with Fit the word is %v wide in %v at size %v", w, p.Width, p.textSize())
	}
	p.Width = 20 // far too narrow: no smaller than minFit
	p.build()
	if got, want := p.textSize(), p.themeSize()*minFit; got != want {
		t.Errorf("size %v, want the floor %v", got, want)
	}
	p.Width = 400 // room enough: the theme's size
	p.build()
	if p.textSize() != p.themeSize() {
		t.Errorf("size %v with room to spare, want %v", p.textSize(), p.themeSize())
	}
}

func TestIconsAreDrawnOnceInTheirColour(t *testing.T) {
	newApp(t)
	pix := iconPixels(theme.HomeIcon(), theme.ColorNamePrimary, 64)
	if pix == nil {
		t.Fatal("the home icon was not drawn")
	}
	want := theme.Color(theme.ColorNamePrimary)
	wr, wg, wb, _ := want.RGBA()
	inked := 0
	b := pix.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := pix.At(x, y).RGBA()
			if a == 0xffff && r == wr && g == wg && bl == wb {
				inked++
			}
		}
	}
	if inked < 64*64/10 {
		t.Errorf("only %d pixels in the primary colour", inked)
	}
	if again := iconPixels(theme.HomeIcon(), theme.ColorNamePrimary, 64); again != pix {
		t.Error("the icon was drawn again instead of shared")
	}
	if other := iconPixels(theme.HomeIcon(), theme.ColorNameForeground, 64); other == pix {
		t.Error("another colour shares the drawing")
	}
}

// In right-to-left text brackets and guillemets are drawn mirrored: the
// reader sees "(١)" and «…» open towards the text they enclose.
func TestRightToLeftBracketsAreMirrored(t *testing.T) {
	newApp(t)
	for text, want := range map[string]string{
		// Pieces from the left; a right-to-left piece is in logical
		// order (it is shaped right to left), so "قائمتي " keeps its
		// space at its end, drawn on its left.
		"قائمتي (١)":         "(|١|)|قائمتي ",
		"«مرحبا» (BMAS)":     "(|BMAS|)| |«|مرحبا|»",
		"وزارة العمل (BMAS)": "(|BMAS|)|وزارة العمل ",
		"a < b":              "a < b", // left to right: as stored
	} {
		p := NewParagraph(text, text != "a < b", 800)
		if got := strings.Join(p.VisibleLines(), "/"); got != want {
			t.Errorf("%q drawn as %q, want %q", text, got, want)
		}
	}
}

// A long e-mail address or URL breaks at its allowed places instead of
// running out of its card; the screen and paper break lines alike
// (package linebreak).
func TestLongAddressesStayWithinTheWidth(t *testing.T) {
	newApp(t)
	for _, text := range []string{
		"E-Mail: gruendungsberatung.holzminden@landkreis-holzminden.de",
		"https://www.iq-netzwerk-niedersachsen.de/fachstelle-migrantenoekonomie/gruendungsberatung",
	} {
		p := NewParagraph(text, false, 260)
		lines := p.VisibleLines()
		if len(lines) < 2 {
			t.Errorf("%q not broken: %q", text, lines)
		}
		for _, l := range lines {
			if w := p.measure(strings.ReplaceAll(l, "|", "")); w > 260 {
				t.Errorf("line %q is %v wide, more than 260", l, w)
			}
		}
	}
}
