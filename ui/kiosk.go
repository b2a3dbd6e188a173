package ui

import (
	"log/slog"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"wegweiser/catalog"
	"wegweiser/catalog/install"
	"wegweiser/config"
	"wegweiser/stats"
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
	// StartupProblem is why the kiosk does not show the installed
	// catalogue (it fell back to the previous one or the sample); staff see it.
	StartupProblem error
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
	idle         *idlePrompt       // the "still there?" prompt while it is shown
	attract      int               // which language the welcome screen greets in
	keyboard     *widgets.Keyboard // the search screen's keyboard, while it is shown

	corner            *widgets.Corner // the hidden staff entry
	staffFailures     int             // wrong PINs in a row
	staffBlockedUntil time.Time       // no PIN is accepted before this

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
}

// New sets up the kiosk in win and shows the welcome screen.
func New(a fyne.App, win fyne.Window, opts Options) *Kiosk {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	k := &Kiosk{app: a, win: win, opts: opts}
	k.useCatalog(opts.Catalog, opts.CatalogPath)
	k.Reset()
	return k
}

// useCatalog makes c the catalogue the kiosk shows, with the district and
// languages it offers.
func (k *Kiosk) useCatalog(c *catalog.Catalog, path string) {
	k.cat, k.catPath = c, path
	info := c.Info()
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
// prompts, text size and contrast are all forgotten.
func (k *Kiosk) Reset() {
	k.hideIdle()
	k.refreshCatalog()
	k.s = newSession(k.cat, k.cat.Info().SourceLanguage)
	k.applyTheme()
	k.stack = []page{k.welcomePage()}
	k.lastActivity = k.opts.Now()
	k.render()
}

// count adds one to the anonymous statistics: what was looked at, in which
// language, on which day. Nothing about the visitor.
func (k *Kiosk) count(kind stats.Kind, item string) {
	if k.opts.Stats != nil {
		_ = k.opts.Stats.Count(k.opts.Now(), kind, item, k.s.lang) // statistics never stop a visit
	}
}

// touch records that the visitor did something.
func (k *Kiosk) touch() {
	k.lastActivity = k.opts.Now()
	k.hideIdle()
}

// act wraps an action so that it counts as activity.
func (k *Kiosk) act(f func()) func() {
	return func() {
		k.touch()
		if f != nil {
			f()
		}
	}
}

func (k *Kiosk) applyTheme() {
	k.app.Settings().SetTheme(kiosktheme.New(kiosktheme.Options{Lang: k.s.lang, Large: k.s.large, Contrast: k.s.contrast}))
}

// push opens a screen on top of the current one.
func (k *Kiosk) push(p page) {
	k.stack = append(k.stack, p)
	k.render()
}

// back returns to the previous screen. Leaving the staff screen starts
// over, so that the next visitor finds the welcome screen and the newest
// catalogue.
func (k *Kiosk) back() {
	if k.Current() == "staff" {
		k.Reset()
		return
	}
	if len(k.stack) > 1 {
		k.stack = k.stack[:len(k.stack)-1]
	}
	k.render()
}

// home returns to the district's home screen.
func (k *Kiosk) home() {
	if k.Current() == "staff" {
		k.Reset()
		return
	}
	k.stack = []page{k.stack[0], k.homePage()}
	k.render()
}

// Current names the screen shown.
func (k *Kiosk) Current() string { return k.stack[len(k.stack)-1].name }

// contentWidth is the width screens lay their text out in.
func (k *Kiosk) contentWidth() float32 {
	w := k.win.Canvas().Size().Width
	if w < 400 {
		w = 1280
	}
	return min(w, 1400) - 80
}

// render builds the current screen.
func (k *Kiosk) render() {
	p := k.stack[len(k.stack)-1]
	width := k.contentWidth()
	body := p.build(width)
	var content fyne.CanvasObject
	switch {
	case p.name == "welcome":
		content = body
	case p.ownScroll:
		content = container.NewBorder(k.header(p.title()), nil, nil, nil, container.NewPadded(body))
	default:
		content = container.NewBorder(k.header(p.title()), nil, nil, nil, k.scroll(body))
	}
	k.win.SetContent(content)
}
