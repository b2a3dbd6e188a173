package ui

import (
	"fmt"
	"image"
	"io"
	"os/exec"
	"path/filepath"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// The tour walks the real program through its screens, as a visitor would,
// for two purposes: screenshots of every screen at the screen's size (for
// docs/screenshots), and the time from a tap to the frame that shows the
// new screen. A tap's work is what the tile's action does (build the
// screen, lay it out); the frame is detected by a one-pixel raster that
// every screen carries while the tour runs, whose image Fyne asks for when
// it first paints that screen.

// frameMarker is a one-pixel raster that calls drawn when it is first
// painted.
func frameMarker(drawn func(time.Time)) fyne.CanvasObject {
	once := false
	r := canvas.NewRaster(func(w, h int) image.Image {
		if !once {
			once = true
			drawn(time.Now())
		}
		return image.NewNRGBA(image.Rect(0, 0, 1, 1)) // transparent
	})
	r.Resize(fyne.NewSquareSize(1))
	return container.NewWithoutLayout(r)
}

// ProbeBareSwaps is the baseline of the tour's times: a bare Fyne window
// whose content (a label) is swapped n times, each time from the swap to
// its frame.
func ProbeBareSwaps(w fyne.Window, n int) []time.Duration {
	var out []time.Duration
	for i := range n {
		frame := make(chan time.Time, 1)
		var start time.Time
		fyne.DoAndWait(func() {
			start = time.Now()
			label := canvas.NewText(fmt.Sprintf("Bildschirm %d", i), nil)
			w.SetContent(container.NewStack(container.NewCenter(label), frameMarker(func(at time.Time) { frame <- at })))
		})
		out = append(out, (<-frame).Sub(start))
		time.Sleep(100 * time.Millisecond)
	}
	return out
}

// TourStep is one screen change of the tour and how long it took from the
// tap to the frame.
type TourStep struct {
	Lang, Screen string
	TapToFrame   time.Duration
}

// Tour runs on its own goroutine while the kiosk is shown: for each
// language it goes through the screens, waits for each frame, and writes
// dir/LANG-SCREEN.png when dir is not "". It returns every step's time.
func (k *Kiosk) Tour(dir string, langs []string) ([]TourStep, error) {
	var steps []TourStep
	var failed error
	step := func(lang, screen string, action func()) {
		if failed != nil {
			return
		}
		frame := make(chan time.Time, 1)
		var start time.Time
		fyne.DoAndWait(func() {
			k.frameDrawn = func(at time.Time) {
				select {
				case frame <- at:
				default:
				}
			}
			k.guardFrom = time.Time{} // the tour reads each screen before it taps
			start = time.Now()
			action()
		})
		select {
		case at := <-frame:
			steps = append(steps, TourStep{Lang: lang, Screen: screen, TapToFrame: at.Sub(start)})
		case <-time.After(10 * time.Second):
			failed = fmt.Errorf("%s %s: no frame within 10 s", lang, screen)
			return
		}
		time.Sleep(250 * time.Millisecond) // the frame is on screen, and the next tap past the guard
		if dir != "" {
			failed = k.capture(filepath.Join(dir, lang+"-"+screen+".png"))
		}
	}
	still := func(lang, screen string, action func()) { // a change within a screen: no new frame marker
		if failed != nil || dir == "" {
			return
		}
		fyne.DoAndWait(action)
		time.Sleep(400 * time.Millisecond)
		failed = k.capture(filepath.Join(dir, lang+"-"+screen+".png"))
	}

	for _, lang := range langs {
		step(lang, "welcome", func() { k.Reset(); k.attract = k.langIndex(lang); k.redraw() })
		step(lang, "home", func() { k.chooseLanguage(lang) })
		var offerID string
		step(lang, "offers", func() {
			if tiles, err := k.categories(); err == nil && len(tiles) > 0 {
				k.push(k.offersPage(tiles[0]))
			}
		})
		fyne.DoAndWait(func() { // the list's first offer, looked up outside the measured step
			if tiles, err := k.categories(); err == nil && len(tiles) > 0 {
				if offers, err := k.s.view.OffersNearestFirst(k.district, tiles[0].ID, k.opts.Now()); err == nil && len(offers) > 0 {
					offerID = offers[0].ID
				}
			}
		})
		still(lang, "offers-scrolled", func() { k.scrollers[0].ScrollTo(k.scrollers[0].MaxOffset() / 2) })
		step(lang, "offer", func() { k.push(k.offerPage(offerID)) })
		still(lang, "offer-contacts", func() { k.scrollers[0].ScrollTo(k.scrollers[0].MaxOffset()) })
		step(lang, "sheet", func() { k.s.toggleSheet(offerID); k.push(k.sheetPage()) })
		step(lang, "home-again", func() { k.home() })
		step(lang, "brochure", func() { k.openBrochures() })
		step(lang, "events", func() { k.home(); k.push(k.eventsPage()) })
		step(lang, "search", func() {
			k.home()
			k.s.query = tourQuery(lang)
			k.push(k.searchPage())
		})
		step(lang, "language", func() { k.push(k.languagePage()) })
		step(lang, "large", func() { k.home(); k.toggleLarge() })
		step(lang, "contrast", func() { k.toggleLarge(); k.toggleContrast() })
		still(lang, "idle", func() { k.toggleContrast(); k.showIdle(k.opts.Now()) })
		step(lang, "start-over", func() { k.Reset() })
		if lang == "de" { // the staff screen, without its PIN
			step(lang, "staff", func() { k.chooseLanguage(staffLang); k.push(k.staffPage()) })
			step(lang, "welcome-again", func() { k.back() })
		}
	}
	fyne.DoAndWait(func() { k.frameDrawn = nil })
	return steps, failed
}

// tourQuery is a word the sample catalogue has in a language.
func tourQuery(lang string) string {
	switch lang {
	case "ar":
		return "تمويل"
	case "fa":
		return "مشاوره"
	case "ti":
		return "ምኽሪ"
	case "uk":
		return "консультац"
	case "ru":
		return "консультац"
	case "tr":
		return "danış"
	case "en":
		return "advice"
	}
	return "Gründung"
}

func (k *Kiosk) langIndex(lang string) int {
	for i, l := range k.langs {
		if l == lang {
			return i
		}
	}
	return 0
}

// capture writes what the screen shows as a PNG, with ImageMagick's
// import: the OpenGL window's own Capture reads a buffer that is already
// cleared after the frame was shown.
func (k *Kiosk) capture(path string) error {
	out, err := exec.Command("import", "-window", "root", path).CombinedOutput()
	if err != nil {
		return fmt.Errorf("screenshot %s: %v: %s", path, err, out)
	}
	return nil
}

// WriteTourReport prints each screen change's time, then per screen the
// median and the slowest over the languages.
func WriteTourReport(w io.Writer, steps []TourStep) {
	by := map[string][]time.Duration{}
	var order []string
	for _, s := range steps {
		fmt.Fprintf(w, "%-4s %-12s %6.1f ms\n", s.Lang, s.Screen, float64(s.TapToFrame.Microseconds())/1000)
		if _, ok := by[s.Screen]; !ok {
			order = append(order, s.Screen)
		}
		by[s.Screen] = append(by[s.Screen], s.TapToFrame)
	}
	fmt.Fprintln(w, "screen        median   slowest (tap to frame)")
	for _, name := range order {
		d := by[name]
		sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
		fmt.Fprintf(w, "%-12s %6.1f ms %6.1f ms\n", name, ms(d[len(d)/2]), ms(d[len(d)-1]))
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
