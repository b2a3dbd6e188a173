package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"wegweiser/catalog"
	"wegweiser/ui/widgets"
)

// The building blocks every screen uses, so that text direction, mirroring
// and activity tracking are the same everywhere.

// text is a paragraph in the visitor's language.
func (k *Kiosk) text(s string, width float32) *widgets.Paragraph {
	return widgets.NewParagraph(s, k.s.rtl, width)
}

// heading is a bold paragraph in a larger size.
func (k *Kiosk) heading(s string, width float32, size fyne.ThemeSizeName) *widgets.Paragraph {
	p := k.text(s, width)
	p.SizeName, p.Bold = size, true
	return p
}

// caption is small muted text.
func (k *Kiosk) caption(s string, width float32) *widgets.Paragraph {
	p := k.text(s, width)
	p.SizeName, p.Color = theme.SizeNameCaptionText, theme.ColorNamePlaceHolder
	return p
}

// localized is a catalogue text in the direction of the language it is
// written in, with a note when that is not the visitor's language.
func (k *Kiosk) localized(l catalog.Localized, width float32, style func(*widgets.Paragraph)) fyne.CanvasObject {
	p := widgets.NewParagraph(l.Text, catalog.IsRightToLeft(l.Lang), width)
	if style != nil {
		style(p)
	}
	switch {
	case l.Fallback:
		return container.NewVBox(p, k.fallbackNote(l.Lang, width))
	case l.Outdated: // the source text changed since it was translated
		return container.NewVBox(p, k.caption("⤷ "+k.s.str.T("translation_outdated"), width))
	}
	return p
}

// fallbackNote says in which language a text is shown.
func (k *Kiosk) fallbackNote(lang string, width float32) fyne.CanvasObject {
	note := k.caption("⤷ "+k.s.str.T("shown_in_language", map[string]any{"Language": catalog.NativeName(lang)}), width)
	return note
}

// row lays objects out side by side from the reading side: from the left,
// or for right-to-left languages mirrored and from the right.
func (k *Kiosk) row(objs ...fyne.CanvasObject) *fyne.Container {
	if !k.s.rtl {
		return container.NewHBox(objs...)
	}
	return container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, k.mirror(objs)...)...)
}

func (k *Kiosk) mirror(objs []fyne.CanvasObject) []fyne.CanvasObject {
	if !k.s.rtl {
		return objs
	}
	out := make([]fyne.CanvasObject, len(objs))
	for i, o := range objs {
		out[len(objs)-1-i] = o
	}
	return out
}

// grid lays objects out in rows of cols, each row mirrored for
// right-to-left languages so that the first item stands on the right.
func (k *Kiosk) grid(cols int, objs []fyne.CanvasObject) *fyne.Container {
	if !k.s.rtl {
		return container.NewGridWithColumns(cols, objs...)
	}
	var out []fyne.CanvasObject
	for start := 0; start < len(objs); start += cols {
		row := make([]fyne.CanvasObject, cols)
		for i := range row {
			row[i] = layout.NewSpacer()
		}
		for i := start; i < min(start+cols, len(objs)); i++ {
			row[cols-1-(i-start)] = objs[i]
		}
		out = append(out, row...)
	}
	return container.NewGridWithColumns(cols, out...)
}

// button is a tile with an icon and a label, the icon on the reading side.
func (k *Kiosk) button(icon fyne.Resource, label string, width float32, tapped func()) *widgets.Tile {
	return k.tile(icon, label, width, false, tapped)
}

// primaryButton is a button for the main action of a screen, or a switch
// that is on.
func (k *Kiosk) primaryButton(icon fyne.Resource, label string, width float32, tapped func()) *widgets.Tile {
	return k.tile(icon, label, width, true, tapped)
}

func (k *Kiosk) tile(icon fyne.Resource, label string, width float32, primary bool, tapped func()) *widgets.Tile {
	fg := theme.ColorNameForeground
	iconColor := theme.ColorNamePrimary
	if primary {
		fg, iconColor = theme.ColorNameForegroundOnPrimary, theme.ColorNameForegroundOnPrimary
	}
	p := k.text(label, width)
	p.Bold, p.Color, p.Fit = true, fg, true
	var content fyne.CanvasObject = p
	if icon != nil {
		const side = 32
		ic := widgets.NewIcon(icon, iconColor, side)
		p.Width = width - side - theme.Padding()*6
		if k.s.rtl {
			content = container.NewBorder(nil, nil, nil, ic, p)
		} else {
			content = container.NewBorder(nil, nil, ic, nil, p)
		}
	}
	t := widgets.NewTile(content, k.act(tapped))
	t.Primary = primary
	return t
}

// separator is a thin line between parts of a screen.
func separator() fyne.CanvasObject {
	r := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	r.SetMinSize(fyne.NewSize(1, 2))
	return r
}

// gap is empty vertical space.
func gap(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(1, h))
	return r
}

// scroll makes content scroll vertically by finger, keeping its right edge
// clear of the scroll bar, which is drawn over it (right-to-left lines
// start there).
func (k *Kiosk) scroll(content fyne.CanvasObject) *widgets.TouchScroll {
	pad := theme.Padding()
	padded := container.New(layout.NewCustomPaddedLayout(pad, 4*pad, 3*pad, pad+theme.ScrollBarSize()), content)
	// On a screen wider than a comfortable line the column stands centred.
	centred := container.NewHBox(layout.NewSpacer(), padded, layout.NewSpacer())
	return k.track(widgets.NewTouchScroll(centred))
}

// track makes a scroll area count as activity and stop on a reset.
func (k *Kiosk) track(s *widgets.TouchScroll) *widgets.TouchScroll {
	s.OnScrolled = k.touch
	s.ButtonsLeft = k.s.rtl
	k.scrollers = append(k.scrollers, s)
	return s
}
