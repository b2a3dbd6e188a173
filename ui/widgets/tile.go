package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// MinTouch is the smallest side of anything a visitor touches, in
// device-independent pixels.
const MinTouch = 56

// MinKey is the smallest side of a keyboard key: the keys of a full
// keyboard must leave room for results on a 600-pixel-high screen; 48 is
// the touch target guidelines' minimum.
const MinKey = 48

// Tile is a touch target: any content on a raised background, at least
// MinTouch high. Every tap on the kiosk goes through a Tile or the on-screen
// keyboard, so that the kiosk sees each interaction (Fyne has no global
// input hook).
type Tile struct {
	widget.BaseWidget
	Content  fyne.CanvasObject
	OnTapped func()
	Primary  bool // filled with the primary colour: the main action of a screen
	Compact  bool // less padding and MinKey, for keyboard keys
	Disabled bool // shown muted and not tappable, e.g. while its action runs
	// MinHeight makes the tile at least this tall, its content centred:
	// tiles that fill a tall screen.
	MinHeight float32

	pressed bool // a finger is on it
	bg      *canvas.Rectangle
}

// NewTile makes a tile around content.
func NewTile(content fyne.CanvasObject, tapped func()) *Tile {
	t := &Tile{Content: content, OnTapped: tapped}
	t.ExtendBaseWidget(t)
	return t
}

// Tapped runs the tile's action.
func (t *Tile) Tapped(*fyne.PointEvent) {
	t.setPressed(false)
	if t.OnTapped != nil && !t.Disabled {
		t.OnTapped()
	}
}

// MouseDown shows the tile pressed while the finger is on it.
func (t *Tile) MouseDown(*desktop.MouseEvent) {
	if t.Disabled {
		return
	}
	releasePress()
	pressedTile = t
	t.setPressed(true)
}

// MouseUp lets the tile go (Tapped follows when the finger lifted on it).
func (t *Tile) MouseUp(*desktop.MouseEvent) {
	if pressedTile == t {
		pressedTile = nil
	}
	t.setPressed(false)
}

func (t *Tile) setPressed(p bool) {
	if t.pressed != p {
		t.pressed = p
		t.Refresh()
	}
}

// Pressed reports whether a finger is on the tile.
func (t *Tile) Pressed() bool { return t.pressed }

// pressedTile is the tile under the finger between press and release.
// One pointer drives a kiosk, so one is enough.
var pressedTile *Tile

// releasePress lets go of the pressed tile without tapping it: the finger
// turned out to drag.
func releasePress() {
	if pressedTile != nil {
		pressedTile.setPressed(false)
		pressedTile = nil
	}
}

// tapPressed taps the pressed tile: the finger wobbled a little (less
// than TouchSlop) over a scroll area, which the driver took for a drag.
func tapPressed() {
	if t := pressedTile; t != nil {
		pressedTile = nil
		t.Tapped(&fyne.PointEvent{})
	}
}

// Cursor shows a hand over the tile where there is a mouse.
func (t *Tile) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (t *Tile) CreateRenderer() fyne.WidgetRenderer {
	t.bg = canvas.NewRectangle(theme.Color(theme.ColorNameButton))
	t.bg.CornerRadius = 10
	t.bg.StrokeWidth = 2
	r := &tileRenderer{t: t}
	r.Refresh()
	return r
}

type tileRenderer struct{ t *Tile }

func (r *tileRenderer) pad() float32 {
	if r.t.Compact {
		return theme.Padding()
	}
	return theme.Padding() * 2
}

func (r *tileRenderer) Layout(size fyne.Size) {
	r.t.bg.Resize(size)
	p := r.pad()
	inner := fyne.NewSize(size.Width-2*p, size.Height-2*p)
	min := r.t.Content.MinSize()
	y := p + (inner.Height-min.Height)/2 // centred vertically
	r.t.Content.Move(fyne.NewPos(p, y))
	r.t.Content.Resize(fyne.NewSize(inner.Width, min.Height))
}

func (r *tileRenderer) MinSize() fyne.Size {
	m := r.t.Content.MinSize()
	p := r.pad()
	floor := float32(MinTouch)
	if r.t.Compact {
		floor = MinKey
	}
	return fyne.NewSize(max(m.Width+2*p, floor), max(m.Height+2*p, floor, r.t.MinHeight))
}

func (r *tileRenderer) Refresh() {
	switch {
	case r.t.Disabled:
		r.t.bg.FillColor = theme.Color(theme.ColorNameDisabledButton)
		r.t.bg.StrokeColor = theme.Color(theme.ColorNameDisabledButton)
	case r.t.Primary:
		r.t.bg.FillColor = theme.Color(theme.ColorNamePrimary)
		r.t.bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
	default:
		r.t.bg.FillColor = theme.Color(theme.ColorNameButton)
		r.t.bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	}
	if r.t.pressed { // pressed: another fill and a heavier border
		r.t.bg.FillColor = theme.Color(theme.ColorNamePressed)
		if r.t.Primary { // its text is drawn in the colour on primary
			r.t.bg.FillColor = theme.Color(theme.ColorNameForeground)
		}
		r.t.bg.StrokeColor = theme.Color(theme.ColorNameForeground)
		r.t.bg.StrokeWidth = 4
	} else {
		r.t.bg.StrokeWidth = 2
	}
	r.t.bg.Refresh()
	r.Layout(r.t.Size())
}

func (r *tileRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.t.bg, r.t.Content}
}

func (r *tileRenderer) Destroy() {}
