package widgets

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// tallScroll is a touch scroll area of 40 tiles, 600 high, in a window;
// taps counts the taps on each tile.
func tallScroll(t *testing.T) (*TouchScroll, fyne.Window, []*Tile, []int) {
	t.Helper()
	newApp(t)
	taps := make([]int, 40)
	var tiles []*Tile
	box := container.NewVBox()
	for i := range taps {
		tile := NewTile(NewParagraph(fmt.Sprintf("Angebot %d", i), false, 400), func() { taps[i]++ })
		tiles = append(tiles, tile)
		box.Add(tile)
	}
	s := NewTouchScroll(box)
	w := test.NewTempWindow(t, s)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(500, 600))
	return s, w, tiles, taps
}

func TestDragMovesTheContentWithTheFinger(t *testing.T) {
	s, w, _, taps := tallScroll(t)
	if s.MaxOffset() <= 600 {
		t.Fatalf("content not taller than the screen: max offset %v", s.MaxOffset())
	}
	// A finger on a tile drags upwards by 250: the content follows it.
	test.Drag(w.Canvas(), fyne.NewPos(200, 300), 0, -250)
	if got := s.Offset(); got != 250 {
		t.Errorf("offset after dragging up by 250 = %v", got)
	}
	test.Drag(w.Canvas(), fyne.NewPos(200, 300), 0, 100)
	if got := s.Offset(); got != 150 {
		t.Errorf("offset after dragging back down by 100 = %v", got)
	}
	for i, n := range taps {
		if n != 0 {
			t.Errorf("tile %d tapped %d times by a drag", i, n)
		}
	}
	// Beyond the ends the content stops.
	test.Drag(w.Canvas(), fyne.NewPos(200, 300), 0, 5000)
	if s.Offset() != 0 {
		t.Errorf("dragged above the top: offset %v", s.Offset())
	}
}

func TestDragStartedOnATileDoesNotTapIt(t *testing.T) {
	s, _, tiles, taps := tallScroll(t)
	// Press the tile as the driver does, then drag over the surface.
	tiles[2].MouseDown(&desktop.MouseEvent{})
	if !tiles[2].Pressed() {
		t.Fatal("the tile does not look pressed under the finger")
	}
	s.surface.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, -30)})
	if tiles[2].Pressed() {
		t.Error("the tile still looks pressed once the finger drags")
	}
	s.surface.DragEnd()
	if taps[2] != 0 {
		t.Errorf("a drag that began on a tile tapped it")
	}
	if s.Offset() != 30 {
		t.Errorf("offset = %v, want 30", s.Offset())
	}
}

func TestWobblingFingerStillTaps(t *testing.T) {
	s, _, tiles, taps := tallScroll(t)
	tiles[1].MouseDown(&desktop.MouseEvent{})
	s.surface.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, 3)})
	s.surface.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, -4)})
	s.surface.DragEnd()
	if taps[1] != 1 {
		t.Errorf("a finger that wobbled by 7 px: %d taps, want 1", taps[1])
	}
	if s.Offset() != 0 {
		t.Errorf("a wobble scrolled to %v", s.Offset())
	}
}

func TestFlickGlidesOnAndSlowsDown(t *testing.T) {
	s, _, _, _ := tallScroll(t)
	clk := &clock{t: time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)}
	s.now = clk.now
	// 100 px upwards in 50 ms: 2000 px/s.
	for range 5 {
		s.surface.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, -20)})
		clk.pass(10 * time.Millisecond)
	}
	s.surface.DragEnd() // the test driver runs an animation to its end at once
	want := 100 + glideDistance(2000, glideLength)
	if got := s.Offset(); got < want-20 || got > want+20 {
		t.Errorf("after a 2000 px/s flick the offset is %v, want about %v", got, want)
	}
	// A finger that rests before it lifts does not flick.
	s.ScrollTo(0)
	for range 5 {
		s.surface.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, -20)})
		clk.pass(10 * time.Millisecond)
	}
	clk.pass(200 * time.Millisecond)
	s.surface.DragEnd()
	if got := s.Offset(); got != 100 {
		t.Errorf("after a drag that came to rest the offset is %v, want 100", got)
	}
}

func TestGlideDistanceSlowsDown(t *testing.T) {
	a, b := glideDistance(1000, 100*time.Millisecond), glideDistance(1000, 200*time.Millisecond)
	if !(a > 0 && b > a && b-a < a) {
		t.Errorf("glide after 100 ms %v, after 200 ms %v: not slowing down", a, b)
	}
	if end := glideDistance(1000, glideLength); end > 1000*float32(glideTau.Seconds()) {
		t.Errorf("glide goes %v, further than its limit", end)
	}
}

func TestUpAndDownButtonsPage(t *testing.T) {
	s, _, _, _ := tallScroll(t)
	if s.up.Visible() || !s.down.Visible() || !s.fadeEnd.Visible() {
		t.Fatalf("at the top: up shown %v, down shown %v, fade below %v", s.up.Visible(), s.down.Visible(), s.fadeEnd.Visible())
	}
	test.Tap(s.down)
	if got := s.Offset(); got != 480 {
		t.Errorf("down pages to %v, want 480 (80 %% of 600)", got)
	}
	if !s.up.Visible() || !s.fadeTop.Visible() {
		t.Error("no way up shown after paging down")
	}
	for range 20 {
		test.Tap(s.down)
	}
	if s.Offset() != s.MaxOffset() || s.down.Visible() || s.fadeEnd.Visible() {
		t.Errorf("at the end: offset %v of %v, down shown %v", s.Offset(), s.MaxOffset(), s.down.Visible())
	}
	test.Tap(s.up)
	if s.Offset() >= s.MaxOffset() {
		t.Error("up does not move up")
	}
}

func TestTouchListBuildsOnlyTheRowsOnScreen(t *testing.T) {
	newApp(t)
	created := 0
	l := widget.NewList(func() int { return 5000 },
		func() fyne.CanvasObject { created++; return NewTile(NewParagraph("Angebot", false, 300), nil) },
		func(id widget.ListItemID, o fyne.CanvasObject) {})
	s := NewTouchList(l)
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(400, 600))
	if created > 40 {
		t.Errorf("%d rows built for a screen of about 10", created)
	}
	test.Drag(w.Canvas(), fyne.NewPos(200, 300), 0, -1000)
	if got := s.Offset(); got != 1000 {
		t.Errorf("list offset after dragging by 1000 = %v", got)
	}
	if max := s.MaxOffset(); max < 5000*MinTouch {
		t.Errorf("max offset of 5000 rows = %v", max)
	}
	if s.Offset() != 1000 {
		t.Errorf("measuring the list moved it to %v", s.Offset())
	}
	l.ScrollToBottom() // the list's own idea of its end
	if end := l.GetScrollOffset(); end < s.MaxOffset()-1 || end > s.MaxOffset()+1 {
		t.Errorf("max offset %v, but the list ends at %v", s.MaxOffset(), end)
	}
	if created > 60 {
		t.Errorf("%d rows built after a drag", created)
	}
}

// A mouse wheel (staff with a mouse) scrolls too, and reports once.
func TestMouseWheelScrolls(t *testing.T) {
	s, w, _, _ := tallScroll(t)
	reported := 0
	s.OnScrolled = func() { reported++ }
	test.Scroll(w.Canvas(), fyne.NewPos(200, 300), 0, -90)
	if s.Offset() != 90 || reported != 1 {
		t.Errorf("after a wheel turn of 90: offset %v, reported %d times", s.Offset(), reported)
	}
	test.Drag(w.Canvas(), fyne.NewPos(200, 300), 0, -40)
	if reported != 2 {
		t.Errorf("a drag step reported %d times", reported-1)
	}
}
