package ui

import (
	"log/slog"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wegweiser/catalog"
	"wegweiser/catalog/install"
	"wegweiser/config"
	"wegweiser/speech"
	"wegweiser/stats"
	"wegweiser/status"
	kiosktheme "wegweiser/ui/theme"
	"wegweiser/ui/widgets"
)

// Options is what the kiosk is started with.
type Options struct {
	Catalog     *catalog.Catalog
	CatalogPath string         // the file Catalog was opened from
	Store       *install.Store // the data folder's catalogues; nil when the kiosk shows a given file
	Config      config.Config
	Now         func() time.Time // the clock; time.Now when nil
	Quit        func()           // closes the program, for staff
	Stats       *stats.Store     // anonymous counts for funders; nil counts nothing
	// ConfigProblem lists the settings of kiosk.toml that are wrong (each
	// with its line) and use their defaults; staff see it.
	ConfigProblem error
	// StartupProblem is why the kiosk does not show the installed
	// catalogue (it fell back to the previous one or the sample); staff see it.
	StartupProblem error
	// PINGuard slows down guessing of the staff PIN, across restarts; nil
	// keeps one in memory.
	PINGuard *config.PINGuard
	// Voice and Player read screens aloud; without a player there is no
	// read-aloud button.
	Voice  speech.Voice
	Player SoundPlayer
	// Status gathers the kiosk's status, for the report staff write onto
	// a USB stick; nil offers no report.
	Status func() status.Status
	// Sticks lists the mounted USB sticks; nil means install.Sticks.
	Sticks func() ([]string, error)
}

// Kiosk is the visitor interface in one window.
type Kiosk struct {
	app      fyne.App
	win      fyne.Window
	opts     Options
	cat      *catalog.Catalog
	catPath  string
	district string
	langs    []string // the visitor languages offered, in menu order

	s     *session
	stack []page // the screens the visitor came through; the last is shown

	lastActivity time.Time
	guardFrom    time.Time       // the last screen change, or a tap ignored since: taps within TapGuard of it are ignored
	laidOut      fyne.Size       // the size the screen was last laid out in
	idle         *idlePrompt     // the "still there?" prompt while it is shown
	popups       []*widget.PopUp // prompts open over the screen (PIN, confirmations)
	scrollers    []*widgets.TouchScroll
	attract      int               // which language the welcome screen greets in
	keyboard     *widgets.Keyboard // the search screen's keyboard, while it is shown
	later        func(func())      // runs a function after the current event; tests run it at once
	frameDrawn   func(time.Time)   // the tour: called when a new screen is first painted
	theme        *kiosktheme.Theme // the look set last

	corner    *widgets.Corner              // the hidden staff entry
	staffBusy bool                         // a staff action (install, rollback, export) runs
	reading   *reading                     // the read-aloud in progress, nil when silent
	preview   []string                     // the preview command: the source's problems, shown on top
	alive     atomic.Int64                 // unix seconds: when the interface last ran its timer (status)
	shown     atomic.Pointer[catalog.Info] // the catalogue shown, for other goroutines (status)

	printed func() // tests: called when a printout has finished and its outcome is shown
}

// page is one screen: its title and how to build its body for a width.
type page struct {
	name  string // for tests and statistics: "welcome", "home", "offer", ...
	title func() string
	build func(width float32) fyne.CanvasObject
	// ownScroll: the body scrolls by itself (a virtual list) and fills the
	// screen, instead of being put in a scroll container.
	ownScroll bool
	// footer, when set, is a bar fixed above the navigation (the brochure's
	// paging), so that its buttons never move.
	footer func(width float32) fyne.CanvasObject
	// speak, when set, is what the screen says when read aloud.
	speak func() speech.Script
}

// TapGuard is how long after a screen changes taps are ignored: a finger
// that taps twice by accident, or keeps tapping where a button was, must
// not act on what the new screen put there.
const TapGuard = 300 * time.Millisecond

// New sets up the kiosk in win and shows the welcome screen.
func New(a fyne.App, win fyne.Window, opts Options) *Kiosk {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.PINGuard == nil {
		opts.PINGuard = config.OpenPINGuard("")
	}
	k := &Kiosk{app: a, win: win, opts: opts, later: func(f func()) { go fyne.Do(f) }}
	k.useCatalog(opts.Catalog, opts.CatalogPath)
	k.Reset()
	return k
}

// useCatalog makes c the catalogue the kiosk shows, with the district and
// languages it offers.
func (k *Kiosk) useCatalog(c *catalog.Catalog, path string) {
	k.cat, k.catPath = c, path
	info := c.Info()
	k.shown.Store(&info)
	k.district = k.opts.Config.District
	if k.district == "" {
		if ds, err := c.In(info.SourceLanguage).Districts(); err == nil && len(ds) > 0 {
			k.district = ds[0].ID
		}
	}
	k.langs = offeredLanguages(info.Languages, k.opts.Config.Languages)
}

// refreshCatalog switches to a catalogue that was installed (or rolled back
// to) since the kiosk opened its own: when a visitor session starts, never
// in the middle of a visit.
func (k *Kiosk) refreshCatalog() {
	if k.opts.Store == nil {
		return
	}
	path, version, err := k.opts.Store.Current()
	if err != nil || path == k.catPath {
		return // none installed (the sample stays), or nothing new
	}
	c, err := catalog.Open(path)
	if err != nil {
		slog.Error("the installed catalogue does not open; keeping the one shown", "file", path, "error", err)
		return
	}
	old := k.cat
	k.useCatalog(c, path)
	old.Close()
	slog.Info("showing a newly installed catalogue", "version", version)
	k.WarmUp()
}

// offeredLanguages is the catalogue's languages, narrowed to the kiosk's
// configured ones when it has any.
func offeredLanguages(catalogLangs, configured []string) []string {
	if len(configured) == 0 {
		return catalogLangs
	}
	var out []string
	for _, l := range catalogLangs {
		for _, c := range configured {
			if l == c {
				out = append(out, l)
			}
		}
	}
	if len(out) == 0 {
		return catalogLangs
	}
	return out
}

// Reset ends the visitor's session: language, list, search, screens, open
// prompts, text size, contrast, print options and scroll positions are all
// forgotten. Every way back to the welcome screen comes through here.
func (k *Kiosk) Reset() {
	k.stopSpeech()
	k.hideIdle()
	k.closePopups()
	k.keyboard = nil
	if k.corner != nil {
		k.corner.Reset() // taps before the welcome screen showed do not count
	}
	k.refreshCatalog()
	k.s = newSession(k.cat, k.cat.Info().SourceLanguage)
	k.applyTheme()
	k.stack = []page{k.welcomePage()}
	k.lastActivity = k.opts.Now()
	k.render()
}

// count adds one to the anonymous statistics: what was looked at, in which
// language, on which day. Nothing about the visitor.
func (k *Kiosk) count(kind stats.Kind, item string) { k.countIn(k.s.lang, kind, item) }

// countIn counts in a given language: a printout that ends after its
// visitor's session did still counts in that visitor's language.
func (k *Kiosk) countIn(lang string, kind stats.Kind, item string) {
	if k.opts.Stats != nil {
		_ = k.opts.Stats.Count(k.opts.Now(), kind, item, lang) // statistics never stop a visit
	}
}

// touch records that the visitor did something.
func (k *Kiosk) touch() {
	k.lastActivity = k.opts.Now()
	k.hideIdle()
}

// act wraps an action so that it counts as activity. A tap within
// TapGuard of a screen change is ignored, and so is every further tap of
// the same burst (each within TapGuard of the one before); a tap on content
// that a flick still moves stops it instead.
func (k *Kiosk) act(f func()) func() {
	return func() {
		if now := k.opts.Now(); now.Sub(k.guardFrom) < TapGuard {
			k.guardFrom = now // a burst of taps counts as one, however long it goes on
			return
		}
		if k.stopGlides() {
			return
		}
		k.touch()
		if f != nil {
			f()
		}
	}
}

// stopGlides stops every flick still moving the screen's content, and
// reports whether there was one.
func (k *Kiosk) stopGlides() bool {
	stopped := false
	for _, s := range k.scrollers {
		if s.Gliding() {
			s.Stop()
			stopped = true
		}
	}
	return stopped
}

// showPopup shows a prompt over the screen; a reset closes it.
func (k *Kiosk) showPopup(content fyne.CanvasObject) *widget.PopUp {
	pop := widget.NewModalPopUp(content, k.win.Canvas())
	k.popups = append(k.popups, pop)
	pop.Show()
	return pop
}

// hidePopup closes a prompt.
func (k *Kiosk) hidePopup(pop *widget.PopUp) {
	pop.Hide()
	for i, p := range k.popups {
		if p == pop {
			k.popups = append(k.popups[:i], k.popups[i+1:]...)
			break
		}
	}
}

func (k *Kiosk) closePopups() {
	for _, p := range k.popups {
		p.Hide()
	}
	k.popups = nil
}

// applyTheme sets the look of the session: fonts of its script, text size,
// contrast. Fyne refreshes every object on screen when the theme changes;
// the screen is about to be built anew, so it is cleared first, and the
// theme is set only when it changes.
func (k *Kiosk) applyTheme() {
	t := kiosktheme.New(kiosktheme.Options{Lang: k.s.lang, Large: k.s.large, Contrast: k.s.contrast})
	if k.theme != nil && t.Same(k.theme) {
		return
	}
	k.theme = t
	k.win.SetContent(canvas.NewRectangle(t.Color(theme.ColorNameBackground, theme.VariantLight)))
	k.app.Settings().SetTheme(t)
}

// push opens a screen on top of the current one. The language and list
// screens, asked for again from their own navigation button, stay as they are.
func (k *Kiosk) push(p page) {
	if p.name == k.Current() && (p.name == "language" || p.name == "sheet") {
		return
	}
	k.stopSpeech()
	k.stack = append(k.stack, p)
	k.render()
}

// back returns to the previous screen. Back to the welcome screen, and
// leaving the staff screen, start over: the next visitor finds the welcome
// screen, a fresh session and the newest catalogue.
func (k *Kiosk) back() {
	if k.Current() == "staff" || len(k.stack) <= 2 {
		k.Reset()
		return
	}
	k.stopSpeech()
	k.stack = k.stack[:len(k.stack)-1]
	k.render()
}

// home returns to the district's home screen.
func (k *Kiosk) home() {
	if k.Current() == "staff" {
		k.Reset()
		return
	}
	k.stopSpeech()
	k.stack = []page{k.stack[0], k.homePage()}
	k.render()
}

// Current names the screen shown.
func (k *Kiosk) Current() string { return k.stack[len(k.stack)-1].name }

// windowSize is the size of the kiosk's window (1280×800 before it has one).
func (k *Kiosk) windowSize() fyne.Size {
	s := k.win.Canvas().Size()
	if s.Width < 300 || s.Height < 300 {
		return fyne.NewSize(1280, 800)
	}
	return s
}

// portrait reports whether the screen is taller than wide.
func (k *Kiosk) portrait() bool {
	s := k.windowSize()
	return s.Height > s.Width
}

// contentWidth is the width screens lay their text out in: the window less
// its margins, the scroll bar and the scroll buttons' strip, and no wider
// than a comfortable line.
func (k *Kiosk) contentWidth() float32 {
	return min(k.windowSize().Width, 1600) - 64 - widgets.Gutter
}

// columns is how many tiles stand side by side, for tiles of about
// minWidth: from 1 on a narrow screen up to most.
func (k *Kiosk) columns(minWidth float32, most int) int {
	return max(1, min(most, int(k.contentWidth()/minWidth)))
}

// render shows the current screen as new: taps are ignored for TapGuard.
func (k *Kiosk) render() {
	k.redraw()
	k.guardFrom = k.opts.Now()
}

// redraw builds the current screen for the window's size: the bars and
// the screen's body.
func (k *Kiosk) redraw() {
	k.scrollers = nil
	p := k.stack[len(k.stack)-1]
	width := k.contentWidth()
	body := p.build(width)
	var content fyne.CanvasObject
	if p.name == "welcome" {
		content = body
	} else {
		if p.ownScroll {
			body = container.NewPadded(body)
		} else {
			body = k.scroll(body)
		}
		bottom := k.navBar()
		if p.footer != nil {
			bottom = container.NewVBox(separator(), p.footer(width), bottom)
		}
		var top fyne.CanvasObject
		if title := p.title(); title != "" {
			top = k.titleBar(title)
		}
		content = container.NewBorder(top, bottom, nil, nil, body)
	}
	if len(k.preview) > 0 { // the author's preview: the source's problems on top
		content = container.NewBorder(k.previewBanner(width), nil, nil, nil, content)
	}
	if k.frameDrawn != nil {
		content = container.NewStack(content, frameMarker(k.frameDrawn))
	}
	k.win.SetContent(container.New(&resizeWatch{k: k}, content))
}

// resizeWatch lays the screen out over the whole window and builds it
// anew when the window's size changes (full screen taking effect, a screen
// turned to portrait), since screens lay their text out for a width.
type resizeWatch struct{ k *Kiosk }

func (r *resizeWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	last := r.k.laidOut
	r.k.laidOut = size
	if last != (fyne.Size{}) && size != last && size.Width >= 300 && size.Height >= 300 {
		r.k.later(r.k.redraw)
	}
}

// MinSize asks for nothing: a screen is made for the window, and must never
// make the window grow beyond the screen.
func (r *resizeWatch) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }
