package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Corner is the hidden staff entry: an invisible square in a corner of the
// welcome screen that opens the staff PIN prompt when held for HoldTime, or
// tapped Taps times within TapWindow (for touch screens that report no
// long press).
type Corner struct {
	widget.BaseWidget
	OnActivate func()

	now     func() time.Time
	pressed time.Time
	taps    []time.Time
}

// Gestures that open the staff entry.
const (
	HoldTime   = 3 * time.Second
	Taps       = 5
	TapWindow  = 3 * time.Second
	CornerSide = 96
)

// NewCorner makes the hidden entry, placed at the top left.
func NewCorner(activate func()) *Corner {
	c := &Corner{OnActivate: activate, now: time.Now}
	c.ExtendBaseWidget(c)
	c.Resize(fyne.NewSquareSize(CornerSide))
	return c
}

// Tapped counts quick taps.
func (c *Corner) Tapped(*fyne.PointEvent) {
	now := c.now()
	c.taps = append(c.taps, now)
	for len(c.taps) > 0 && now.Sub(c.taps[0]) > TapWindow {
		c.taps = c.taps[1:]
	}
	if len(c.taps) >= Taps {
		c.taps = nil
		c.activate()
	}
}

// MouseDown starts a long press.
func (c *Corner) MouseDown(*desktop.MouseEvent) { c.pressed = c.now() }

// MouseUp ends a long press.
func (c *Corner) MouseUp(*desktop.MouseEvent) {
	if !c.pressed.IsZero() && c.now().Sub(c.pressed) >= HoldTime {
		c.taps = nil
		c.activate()
	}
	c.pressed = time.Time{}
}

// Reset forgets the taps and press so far.
func (c *Corner) Reset() {
	c.taps, c.pressed = nil, time.Time{}
}

func (c *Corner) activate() {
	if c.OnActivate != nil {
		c.OnActivate()
	}
}

func (c *Corner) MinSize() fyne.Size { return fyne.NewSquareSize(CornerSide) }

func (c *Corner) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}
