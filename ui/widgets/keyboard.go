package widgets

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	kiosktheme "wegweiser/ui/theme"
)

// KeyLayout is one on-screen keyboard layout: rows of keys, each key one
// character, drawn from the left as on a PC or phone keyboard of that
// script (so in Arabic ض is at the left end of the top row, as people know
// it).
type KeyLayout struct {
	Name string // on the key that switches to it, in its own script
	Rows []string
	RTL  bool
	// HalfSpace adds a key for the zero-width non-joiner (Persian
	// "نیم‌فاصله", in words such as کسب‌وکار).
	HalfSpace bool
	// Syllabic: the keys are consonants of an abugida (Ge'ez); a tap types
	// the consonant's first form and shows a row of all its forms, one of
	// which replaces it: መ, then ም, types ም.
	Syllabic bool
}

// The layouts a kiosk offers, for the scripts of its languages.
var (
	German = KeyLayout{Name: "ABC", Rows: []string{"1234567890", "qwertzuiopü", "asdfghjklöä", "yxcvbnmß-"}}
	// English visitors get the German layout: the catalogue's words are German.
	Turkish = KeyLayout{Name: "TR", Rows: []string{"1234567890", "qwertyuıopğü", "asdfghjklşi", "zxcvbnmöç"}}
	// Arabic is the common PC layout (Arabic 101), as phones mostly copy it.
	Arabic = KeyLayout{Name: "ع", RTL: true, Rows: []string{"١٢٣٤٥٦٧٨٩٠", "ضصثقفغعهخحجد", "شسيبلاتنمكط", "ئءؤرىةوزظذ"}}
	// Persian is ISIRI 9147, the standard Persian layout, with the half-space.
	Persian   = KeyLayout{Name: "فا", RTL: true, HalfSpace: true, Rows: []string{"۱۲۳۴۵۶۷۸۹۰", "ضصثقفغعهخحجچ", "شسیبلاتنمکگ", "ظطزرذدپوژ"}}
	Russian   = KeyLayout{Name: "РУ", Rows: []string{"1234567890", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбюё"}}
	Ukrainian = KeyLayout{Name: "УК", Rows: []string{"1234567890", "йцукенгшщзхї", "фівапролджєґ", "ячсмитьбю'"}}
	// Geez has the consonants of Tigrinya (and Amharic) in the order of the
	// Ge'ez syllabary, and the word and list separators.
	Geez = KeyLayout{Name: "ፊደል", Syllabic: true, Rows: []string{"ሀለሐመረሰሸቀቐበቨ", "ተቸነኘአከኸወዐዘዠ", "የደጀገጠጨጰጸፈፐ፣።"}}
)

// halfSpace is the zero-width non-joiner.
const halfSpace = '\u200c'

// syllableForms are the seven forms of a Ge'ez consonant (ä u i a e ə o),
// or nil when r is not a consonant's first form.
func syllableForms(r rune) []rune {
	if r < 0x1200 || r > 0x1357 || (r-0x1200)%8 != 0 {
		return nil
	}
	forms := make([]rune, 7)
	for i := range forms {
		forms[i] = r + rune(i)
	}
	return forms
}

// LayoutsFor lists the layouts for a visitor language, its own first, then
// the Latin one that the catalogue's source language needs.
func LayoutsFor(lang string) []KeyLayout {
	switch lang {
	case "ar", "ckb", "ps":
		return []KeyLayout{Arabic, German}
	case "fa", "prs":
		return []KeyLayout{Persian, German}
	case "tr", "ku":
		return []KeyLayout{Turkish, German}
	case "ru":
		return []KeyLayout{Russian, German}
	case "uk":
		return []KeyLayout{Ukrainian, German}
	case "ti", "am":
		return []KeyLayout{Geez, German}
	}
	return []KeyLayout{German}
}

// Keyboard is the on-screen keyboard: no kiosk has a physical one.
type Keyboard struct {
	widget.BaseWidget
	Layouts     []KeyLayout
	Current     int
	OnRune      func(rune)
	OnBackspace func()
	OnClear     func()
	Labels      KeyLabels
	Width       float32
	// NoDigits leaves out the row of digits: on a low screen the results
	// need the room more than a search needs digits.
	NoDigits bool

	family rune // Syllabic: the consonant whose forms are shown

	box *fyne.Container
}

// KeyLabels are the words on the keys that are not letters.
type KeyLabels struct{ Space, Delete, Clear, HalfSpace string }

// NewKeyboard makes a keyboard with the layouts, the first shown.
func NewKeyboard(layouts []KeyLayout, labels KeyLabels, width float32) *Keyboard {
	k := &Keyboard{Layouts: layouts, Labels: labels, Width: width, box: container.NewVBox()}
	k.ExtendBaseWidget(k)
	k.build()
	return k
}

// Key returns the key labelled s, for tests.
func (k *Keyboard) Key(s string) *Tile {
	var found *Tile
	walkTiles(k.box, func(t *Tile) {
		content := []fyne.CanvasObject{t.Content}
		if c, ok := t.Content.(*fyne.Container); ok {
			content = c.Objects
		}
		for _, o := range content {
			if p, ok := o.(*Paragraph); ok && p.Text == s {
				found = t
			}
		}
	})
	return found
}

func walkTiles(o fyne.CanvasObject, f func(*Tile)) {
	switch o := o.(type) {
	case *Tile:
		f(o)
	case *fyne.Container:
		for _, c := range o.Objects {
			walkTiles(c, f)
		}
	}
}

func (k *Keyboard) key(label string, rtl bool, width float32, tapped func()) *Tile {
	p := NewParagraph(label, rtl, width)
	p.Center, p.Bold = true, true
	p.SizeName = theme.SizeNameSubHeadingText
	t := NewTile(p, tapped)
	t.Compact = true
	return t
}

func (k *Keyboard) build() {
	l := k.Layouts[k.Current]
	longest := 0
	for _, row := range l.Rows {
		longest = max(longest, len([]rune(row)))
	}
	// A key's text: its tile adds padding on both sides, the row a gap.
	keyWidth := k.Width/float32(longest) - 2*theme.Padding() - theme.Padding() - 1
	k.box.RemoveAll()
	if forms := syllableForms(k.family); l.Syllabic && forms != nil {
		// The forms of the consonant just typed: one replaces it.
		var keys []fyne.CanvasObject
		for _, f := range forms {
			key := k.key(string(f), false, keyWidth, func() { k.replace(f) })
			key.Primary = true
			keys = append(keys, key)
		}
		k.box.Add(container.NewCenter(container.NewHBox(keys...)))
	}
	for _, row := range l.Rows {
		if k.NoDigits && isDigits(row) {
			continue
		}
		var keys []fyne.CanvasObject
		for _, r := range row {
			keys = append(keys, k.key(string(r), l.RTL, keyWidth, func() { k.typed(r) }))
		}
		k.box.Add(container.NewCenter(container.NewHBox(keys...)))
	}
	var bottom []fyne.CanvasObject
	if len(k.Layouts) > 1 {
		next := k.Layouts[(k.Current+1)%len(k.Layouts)]
		bottom = append(bottom, k.key(next.Name, next.RTL, 120, func() {
			k.Current = (k.Current + 1) % len(k.Layouts)
			k.family = 0
			k.build()
			k.Refresh()
		}))
	}
	bottom = append(bottom, k.key(k.Labels.Space, false, k.Width*0.3, func() { k.typed(' ') }))
	if l.HalfSpace {
		bottom = append(bottom, k.key(k.Labels.HalfSpace, true, 150, func() { k.typed(halfSpace) }))
	}
	bottom = append(bottom,
		k.deleteKey(),
		k.key(k.Labels.Clear, false, 160, func() {
			if k.OnClear != nil {
				k.OnClear()
			}
			k.forgetForms()
		}),
	)
	k.box.Add(container.NewCenter(container.NewHBox(bottom...)))
}

// typed sends a key's character; on a syllabic layout a consonant shows
// its forms.
func (k *Keyboard) typed(r rune) {
	if k.OnRune != nil {
		k.OnRune(r)
	}
	if !k.Layouts[k.Current].Syllabic {
		return
	}
	if syllableForms(r) != nil {
		k.family = r
	} else {
		k.family = 0
	}
	k.build()
	k.Refresh()
}

// forgetForms hides the forms row: the consonant it was for is gone.
func (k *Keyboard) forgetForms() {
	if k.family != 0 {
		k.family = 0
		k.build()
		k.Refresh()
	}
}

// replace puts a form of the consonant in place of the character typed last.
func (k *Keyboard) replace(form rune) {
	if k.OnBackspace != nil {
		k.OnBackspace()
	}
	if k.OnRune != nil {
		k.OnRune(form)
	}
}

// deleteKey is the key that deletes the last character: the backspace
// symbol (an icon: the kiosk's fonts have no such character; pointing the
// other way in a right-to-left layout) and the word.
func (k *Keyboard) deleteKey() *Tile {
	const side = 36
	rtl := k.Layouts[k.Current].RTL
	name := "backspace"
	if rtl {
		name = "backspace-rtl"
	}
	icon := NewIcon(kiosktheme.Icon(name), theme.ColorNameForeground, side)
	p := NewParagraph(k.Labels.Delete, false, 200-side-2*theme.Padding())
	p.Center, p.Bold = true, true
	p.SizeName = theme.SizeNameSubHeadingText
	content := container.NewBorder(nil, nil, icon, nil, p)
	if rtl {
		content = container.NewBorder(nil, nil, nil, icon, p)
	}
	t := NewTile(content, func() {
		if k.OnBackspace != nil {
			k.OnBackspace()
		}
		k.forgetForms()
	})
	t.Compact = true
	return t
}

// isDigits reports whether a row holds only digits (of any script).
func isDigits(row string) bool {
	for _, r := range row {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return row != ""
}

// SetNoDigits shows or leaves out the row of digits.
func (k *Keyboard) SetNoDigits(no bool) {
	k.NoDigits = no
	k.build()
	k.Refresh()
}

// LayoutName is the name of the layout shown.
func (k *Keyboard) LayoutName() string { return k.Layouts[k.Current].Name }

func (k *Keyboard) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(k.box) }

// DeleteLastRune removes the last character of s.
func DeleteLastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return string(r[:len(r)-1])
}
