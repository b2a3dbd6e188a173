package widgets

import (
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TouchScroll is a vertical scroll area that a finger drives. Fyne's own
// scroll containers follow a drag only on mobile devices; a touch screen
// under X or cage arrives as a mouse, so here:
//
//   - a drag moves the content with the finger, and a flick keeps it moving
//     and slows it down (momentum);
//   - a drag is never a tap: the driver sends no tap once a drag has
//     started, and a finger that wobbles less than TouchSlop before it
//     lifts taps the tile it pressed after all;
//   - when there is more above or below, the edge fades, and large up and
//     down buttons page through it for people who do not swipe.
//
// It wraps a scroll container, or a widget.List so that a list of
// thousands of rows still builds only the rows on screen. A transparent
// surface lies over the content: Fyne gives a drag to the topmost
// draggable object under the finger and a tap to the topmost tappable
// one, so the surface takes the drags while taps still reach the tiles
// beneath it.
type TouchScroll struct {
	widget.BaseWidget
	// OnScrolled is called whenever the content moved (activity).
	OnScrolled func()
	// ButtonsLeft puts the up and down buttons at the left edge (right to
	// left: the end of a line).
	ButtonsLeft bool

	target   scrollTarget
	view     fyne.CanvasObject // the scroll container or list, drawn underneath
	surface  *dragSurface
	up, down *Tile
	fadeTop  *canvas.LinearGradient
	fadeEnd  *canvas.LinearGradient
	now      func() time.Time

	// The drag under way.
	samples   []dragSample // recent positions, for the flick's speed
	travelled float32      // how far the finger went, in total
	scrolling bool         // past TouchSlop: the content follows the finger
	pending   float32      // movement below TouchSlop, applied once it is passed

	glide *fyne.Animation // the flick's momentum while it runs
}

// TouchSlop is how far a finger may wobble during a tap before it is a
// drag, in device-independent pixels.
const TouchSlop = 10

// Momentum: a flick slows down exponentially with this time constant (as
// phone lists do), and is not started below minFlickSpeed.
const (
	glideTau      = 325 * time.Millisecond
	glideLength   = 5 * glideTau // by then it moves at under 1 % of its start speed
	minFlickSpeed = 150          // px/s
	sampleWindow  = 100 * time.Millisecond
)

type dragSample struct {
	at time.Time
	y  float32 // the finger's accumulated movement
}

// scrollTarget is what TouchScroll moves: a scroll container or a list.
type scrollTarget interface {
	offset() float32
	scrollTo(y float32) // clamped to 0 … maxOffset
	maxOffset() float32
}

// NewTouchScroll makes content scroll vertically by finger.
func NewTouchScroll(content fyne.CanvasObject) *TouchScroll {
	s := container.NewVScroll(content)
	return newTouchScroll(s, scrollContainer{s})
}

// NewTouchList makes a list scroll by finger. The list keeps building only
// the rows on screen.
func NewTouchList(l *widget.List) *TouchScroll {
	return newTouchScroll(l, &listTarget{l: l})
}

func newTouchScroll(view fyne.CanvasObject, target scrollTarget) *TouchScroll {
	t := &TouchScroll{view: view, target: target, now: time.Now}
	t.surface = &dragSurface{scroll: t}
	t.surface.ExtendBaseWidget(t.surface)
	t.up = NewTile(NewIcon(theme.MoveUpIcon(), theme.ColorNameForeground, 40), func() { t.Page(-1) })
	t.down = NewTile(NewIcon(theme.MoveDownIcon(), theme.ColorNameForeground, 40), func() { t.Page(1) })
	t.fadeTop = canvas.NewVerticalGradient(color.Transparent, color.Transparent)
	t.fadeEnd = canvas.NewVerticalGradient(color.Transparent, color.Transparent)
	t.ExtendBaseWidget(t)
	return t
}

// Offset is how far the content is scrolled down.
func (t *TouchScroll) Offset() float32 { return t.target.offset() }

// MaxOffset is how far the content can be scrolled down.
func (t *TouchScroll) MaxOffset() float32 { return t.target.maxOffset() }

// ScrollTo moves the content so that y is at the top, within bounds.
func (t *TouchScroll) ScrollTo(y float32) {
	t.target.scrollTo(y)
	t.scrolled()
}

// Page scrolls by most of a screen: dir -1 up, +1 down.
func (t *TouchScroll) Page(dir int) {
	t.Stop()
	t.ScrollTo(t.Offset() + float32(dir)*t.Size().Height*0.8)
}

// Overflows reports whether the content is wider than the area shows: its
// far edge (where right-to-left lines start) would be cut off.
func (t *TouchScroll) Overflows() bool {
	return t.view.MinSize().Width > t.view.Size().Width+0.5
}

// Gliding reports whether a flick is still moving the content.
func (t *TouchScroll) Gliding() bool { return t.glide != nil }

// Stop ends a flick's momentum where the content is.
func (t *TouchScroll) Stop() {
	if t.glide != nil {
		t.glide.Stop()
		t.glide = nil
	}
}

func (t *TouchScroll) scrolled() {
	t.refreshHints()
	if t.OnScrolled != nil {
		t.OnScrolled()
	}
}

// dragged follows the finger: dy is its movement since the last event.
func (t *TouchScroll) dragged(dy float32) {
	now := t.now()
	if len(t.samples) == 0 { // a new drag stops a flick
		t.Stop()
		t.travelled, t.scrolling, t.pending = 0, false, 0
	}
	t.travelled += float32(math.Abs(float64(dy)))
	last := float32(0)
	if n := len(t.samples); n > 0 {
		last = t.samples[n-1].y
	}
	t.samples = append(t.samples, dragSample{at: now, y: last + dy})
	for len(t.samples) > 2 && now.Sub(t.samples[0].at) > sampleWindow {
		t.samples = t.samples[1:]
	}
	if !t.scrolling {
		t.pending += dy
		if t.travelled < TouchSlop {
			return // may still be a tap
		}
		t.scrolling = true
		releasePress() // the tile under the finger is not tapped
		dy, t.pending = t.pending, 0
	}
	t.ScrollTo(t.Offset() - dy)
}

// dragEnded lets go: a wobble taps the pressed tile, a flick glides on.
func (t *TouchScroll) dragEnded() {
	samples := t.samples
	t.samples = nil
	if !t.scrolling {
		tapPressed()
		return
	}
	t.scrolling = false
	if v := flickSpeed(samples, t.now()); math.Abs(float64(v)) >= minFlickSpeed {
		t.startGlide(v)
	}
}

// flickSpeed is the finger's speed (px/s, positive downwards) over its last
// sampleWindow; a finger that rested before it lifted has none.
func flickSpeed(samples []dragSample, now time.Time) float32 {
	if len(samples) < 2 {
		return 0
	}
	first, last := samples[0], samples[len(samples)-1]
	if now.Sub(last.at) > sampleWindow/2 {
		return 0
	}
	dt := last.at.Sub(first.at).Seconds()
	if dt <= 0 {
		return 0
	}
	return float32(float64(last.y-first.y) / dt)
}

// glideDistance is how far a flick at speed v (px/s) has carried the
// content after elapsed.
func glideDistance(v float32, elapsed time.Duration) float32 {
	tau := glideTau.Seconds()
	return float32(float64(v) * tau * (1 - math.Exp(-elapsed.Seconds()/tau)))
}

func (t *TouchScroll) startGlide(v float32) {
	start := t.Offset()
	var a *fyne.Animation
	a = fyne.NewAnimation(glideLength, func(p float32) {
		if t.glide != a {
			return
		}
		elapsed := time.Duration(float64(p) * float64(glideLength))
		t.ScrollTo(start - glideDistance(v, elapsed))
		if y := t.Offset(); p >= 1 || y <= 0 || y >= t.MaxOffset() {
			t.glide = nil // at rest, or at an end
		}
	})
	a.Curve = fyne.AnimationLinear
	t.glide = a
	a.Start()
}

// refreshHints shows the fades and buttons that say there is more.
func (t *TouchScroll) refreshHints() {
	y, maxY := t.Offset(), t.MaxOffset()
	above, below := y > 1, y < maxY-1
	bg := theme.Color(theme.ColorNameBackground)
	r, g, b, _ := bg.RGBA()
	clear := color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8)} // the background, transparent
	t.fadeTop.StartColor, t.fadeTop.EndColor = bg, clear
	t.fadeEnd.StartColor, t.fadeEnd.EndColor = clear, bg
	setShown(t.fadeTop, above)
	setShown(t.fadeEnd, below)
	roomy := t.Size().Height >= 2*MinKey+3*theme.Padding()*2 // a low area (results over the keyboard) has room for no buttons
	setShown(t.up, above && roomy)
	setShown(t.down, below && roomy)
	t.fadeTop.Refresh()
	t.fadeEnd.Refresh()
}

func setShown(o fyne.CanvasObject, shown bool) {
	if shown {
		o.Show()
	} else {
		o.Hide()
	}
}

// MinSize: a scroll area asks for little height; it takes what it is given.
func (t *TouchScroll) MinSize() fyne.Size {
	return fyne.NewSize(t.view.MinSize().Width+Gutter, MinTouch*2)
}

func (t *TouchScroll) CreateRenderer() fyne.WidgetRenderer {
	return &touchScrollRenderer{t: t}
}

type touchScrollRenderer struct{ t *TouchScroll }

// fadeHeight is how tall the fade at an edge with more content is.
const fadeHeight = 28

// Gutter is the width of the strip beside the content where the up and
// down buttons stand, so that they never cover content.
const Gutter = buttonSide + 4*4

const buttonSide = MinTouch + 8

func (r *touchScrollRenderer) Layout(size fyne.Size) {
	t := r.t
	viewX, x := float32(0), size.Width-Gutter+(Gutter-buttonSide)/2
	if t.ButtonsLeft {
		viewX, x = Gutter, (Gutter-buttonSide)/2
	}
	view := fyne.NewSize(size.Width-Gutter, size.Height)
	t.view.Resize(view)
	t.view.Move(fyne.NewPos(viewX, 0))
	t.surface.Resize(size)
	t.fadeTop.Resize(fyne.NewSize(view.Width, fadeHeight))
	t.fadeTop.Move(fyne.NewPos(viewX, 0))
	t.fadeEnd.Resize(fyne.NewSize(view.Width, fadeHeight))
	t.fadeEnd.Move(fyne.NewPos(viewX, size.Height-fadeHeight))
	gap := theme.Padding() * 2
	side := max(MinKey, min(float32(buttonSide), (size.Height-3*gap)/2)) // two fit, down to MinKey
	t.up.Resize(fyne.NewSquareSize(side))
	t.down.Resize(fyne.NewSquareSize(side))
	t.down.Move(fyne.NewPos(x, size.Height-side-gap))
	t.up.Move(fyne.NewPos(x, size.Height-2*side-2*gap))
	t.refreshHints()
}

func (r *touchScrollRenderer) MinSize() fyne.Size { return r.t.MinSize() }

func (r *touchScrollRenderer) Refresh() {
	r.t.view.Refresh()
	r.Layout(r.t.Size())
}

// Objects: the content, the fades, the drag surface, then the buttons on
// top of it all (so that they, not the surface, are tapped).
func (r *touchScrollRenderer) Objects() []fyne.CanvasObject {
	t := r.t
	return []fyne.CanvasObject{t.view, t.fadeTop, t.fadeEnd, t.surface, t.up, t.down}
}

func (r *touchScrollRenderer) Destroy() { r.t.Stop() }

// dragSurface is the transparent layer that takes a finger's drags.
type dragSurface struct {
	widget.BaseWidget
	scroll *TouchScroll
}

func (d *dragSurface) Dragged(e *fyne.DragEvent) { d.scroll.dragged(e.Dragged.DY) }
func (d *dragSurface) DragEnd()                  { d.scroll.dragEnded() }

// Scrolled takes a mouse wheel's turn (staff with a mouse), as the scroll
// container beneath would: the surface lies on top of it.
func (d *dragSurface) Scrolled(e *fyne.ScrollEvent) {
	d.scroll.Stop()
	d.scroll.ScrollTo(d.scroll.Offset() - e.Scrolled.DY)
}

func (d *dragSurface) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

// scrollContainer moves a container.Scroll.
type scrollContainer struct{ s *container.Scroll }

func (c scrollContainer) offset() float32 { return c.s.Offset.Y }
func (c scrollContainer) scrollTo(y float32) {
	c.s.ScrollToOffset(fyne.NewPos(0, max(0, min(y, c.maxOffset()))))
}
func (c scrollContainer) maxOffset() float32 {
	return max(0, c.s.Content.MinSize().Height-c.s.Size().Height)
}

// listTarget moves a widget.List whose rows are all as tall as its
// template (no SetItemHeight). The list does not say how tall its rows are
// together; it is worked out as widget.List does: rows and the padding
// between them.
type listTarget struct {
	l         *widget.List
	rowHeight float32 // the template's height, measured once
}

func (t *listTarget) offset() float32 { return t.l.GetScrollOffset() }
func (t *listTarget) scrollTo(y float32) {
	t.l.ScrollToOffset(max(0, min(y, t.maxOffset())))
}
func (t *listTarget) maxOffset() float32 {
	if t.l.Length == nil || t.l.CreateItem == nil {
		return 0
	}
	if t.rowHeight == 0 {
		t.rowHeight = t.l.CreateItem().MinSize().Height
	}
	n := float32(t.l.Length())
	pad := theme.Padding()
	return max(0, (t.rowHeight+pad)*n-pad-t.l.Size().Height)
}
