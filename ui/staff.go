package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wegweiser/config"
	"wegweiser/translations"
	"wegweiser/ui/widgets"
)

// The staff screen speaks German: the office's language.
const staffLang = "de"

// openStaff asks for the staff PIN, with a growing wait after each wrong one.
func (k *Kiosk) openStaff() {
	str := translations.For(staffLang)
	const width = 420
	if k.opts.Config.AdminPIN == "" {
		var pop *widget.PopUp
		ok := k.button(theme.ConfirmIcon(), str.T("ok"), 200, func() { pop.Hide() })
		pop = widget.NewModalPopUp(container.NewVBox(k.text(str.T("staff_no_pin"), width), ok), k.win.Canvas())
		pop.Show()
		return
	}
	pin := ""
	shown := widgets.NewParagraph(str.T("staff_pin_prompt"), false, width)
	shown.SizeName = theme.SizeNameSubHeadingText
	var pop *widget.PopUp
	var keys []fyne.CanvasObject
	for _, d := range "1234567890" {
		d := d
		keys = append(keys, k.button(nil, string(d), 80, func() {
			pin += string(d)
			shown.Text = strings.Repeat("•", len(pin))
			shown.Refresh()
		}))
	}
	ok := k.primaryButton(theme.ConfirmIcon(), str.T("ok"), 160, func() {
		if time.Now().Before(k.staffBlockedUntil) || !config.CheckPIN(k.opts.Config.AdminPIN, pin) {
			k.staffFailures++
			k.staffBlockedUntil = time.Now().Add(time.Duration(1<<min(k.staffFailures, 8)) * time.Second)
			pin = ""
			shown.Text = str.T("staff_pin_wrong")
			shown.Refresh()
			return
		}
		k.staffFailures = 0
		pop.Hide()
		k.push(k.staffPage())
	})
	cancel := k.button(theme.CancelIcon(), str.T("cancel"), 160, func() { pop.Hide() })
	pop = widget.NewModalPopUp(container.NewVBox(shown, container.NewGridWithColumns(5, keys...), container.NewHBox(ok, cancel)), k.win.Canvas())
	pop.Show()
}

// staffPage shows staff what is installed and lets them close the kiosk.
func (k *Kiosk) staffPage() page {
	str := translations.For(staffLang)
	return page{name: "staff", title: func() string { return str.T("staff_title") }, build: func(width float32) fyne.CanvasObject {
		info := k.cat.Info()
		lines := []string{
			fmt.Sprintf("%s: %s (%s)", str.T("staff_catalog"), info.Title[info.SourceLanguage], info.ID),
			fmt.Sprintf("Version %d, erstellt %s", info.Version, info.Built.In(time.Local).Format("02.01.2006 15:04")),
			fmt.Sprintf("%d Bezirke, %d Kategorien, %d Angebote, %d Veranstaltungen, %d Broschüren",
				info.Districts, info.Categories, info.Offers, info.Events, info.Brochures),
		}
		if info.Sample {
			lines = append(lines, str.T("catalog_sample"))
		}
		for _, c := range info.Coverage {
			lines = append(lines, fmt.Sprintf("%s: %.0f %%", c.Lang, c.Percent()))
		}
		box := container.NewVBox()
		for _, l := range lines {
			box.Add(widgets.NewParagraph(l, false, width))
		}
		if k.opts.Quit != nil {
			box.Add(k.button(theme.LogoutIcon(), str.T("staff_quit"), 400, k.opts.Quit))
		}
		return box
	}}
}
