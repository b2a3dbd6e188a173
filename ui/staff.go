package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wegweiser/catalog/bundle"
	"wegweiser/catalog/install"
	"wegweiser/config"
	"wegweiser/stats"
	"wegweiser/status"
	"wegweiser/translations"
	"wegweiser/ui/widgets"
)

// The staff screen speaks German: the office's language.
const staffLang = "de"

// Catalogues older than this, or expiring within it, are flagged to staff.
const (
	staffOldAge   = 180 * 24 * time.Hour
	staffExpiring = 30 * 24 * time.Hour
)

// openStaff asks for the staff PIN on a 3×4 pad, with a growing wait (at
// most 30 s, kept across restarts) after each wrong one.
func (k *Kiosk) openStaff() {
	str := translations.For(staffLang)
	const width = 360
	if k.opts.Config.AdminPIN == "" {
		var pop *widget.PopUp
		ok := k.button(theme.ConfirmIcon(), str.T("ok"), 200, func() { k.hidePopup(pop) })
		pop = k.showPopup(container.NewVBox(k.text(str.T("staff_no_pin"), width), ok))
		return
	}
	pin := ""
	shown := widgets.NewParagraph(str.T("staff_pin_prompt"), false, width)
	shown.SizeName = theme.SizeNameSubHeadingText
	showPIN := func() {
		shown.Text = strings.Repeat("•", len(pin))
		if pin == "" {
			shown.Text = str.T("staff_pin_prompt")
		}
		shown.Refresh()
	}
	var pop *widget.PopUp
	key := func(label string, tapped func()) fyne.CanvasObject {
		return k.button(nil, label, 96, tapped)
	}
	var keys []fyne.CanvasObject
	for _, d := range "123456789" {
		keys = append(keys, key(string(d), func() { pin += string(d); showPIN() }))
	}
	del := k.button(appIcon("backspace"), "", 96, func() { pin = widgets.DeleteLastRune(pin); showPIN() })
	keys = append(keys, del, key("0", func() { pin += "0"; showPIN() }))
	ok := k.primaryButton(theme.ConfirmIcon(), str.T("ok"), 96, func() {
		now, guard := k.opts.Now(), k.opts.PINGuard
		// During the wait no PIN is checked, and the tap is not counted:
		// staff who wait get in, whatever a visitor typed before.
		if wait := guard.Wait(now); wait > 0 {
			pin = ""
			shown.Text = str.T("staff_pin_wait", map[string]any{"Seconds": int((wait + time.Second - 1) / time.Second)})
			shown.Refresh()
			return
		}
		if !config.CheckPIN(k.opts.Config.AdminPIN, pin) {
			guard.Failed(now)
			pin = ""
			shown.Text = str.T("staff_pin_wrong")
			shown.Refresh()
			return
		}
		guard.Succeeded()
		k.hidePopup(pop)
		k.s.setLanguage(k.cat, staffLang) // the bars speak German too
		k.applyTheme()
		k.push(k.staffPage())
	})
	keys = append(keys, ok)
	cancel := k.button(theme.CancelIcon(), str.T("cancel"), 3*96, func() { k.hidePopup(pop) })
	pop = k.showPopup(container.NewVBox(shown, container.NewGridWithColumns(3, keys...), cancel))
}

// staffPage shows staff, in plain words, which catalogue is installed, how
// old it is, whether the last update worked, the catalogues found on USB
// sticks; and lets them update, roll back, export the statistics and close
// the kiosk. Leaving it, or idling, returns to the welcome screen.
func (k *Kiosk) staffPage() page {
	str := translations.For(staffLang)
	message := ""                   // the outcome of the last action, shown above the actions
	var found []install.Found       // the bundles on USB sticks; nil until read
	searching := false              // the sticks are being read
	var actionBar fyne.CanvasObject // built with the body, shown fixed at the bottom
	// The outcome and the actions stand at the bottom, in a fixed place: a
	// message never moves a button.
	footer := func(width float32) fyne.CanvasObject {
		line := widgets.NewParagraph("X", false, width)
		line.Bold = true
		p := widgets.NewParagraph(message, false, width)
		p.Bold, p.MaxLines = true, 2
		slot := container.NewStack(gap(2*line.MinSize().Height), p) // two lines, even while empty
		return container.NewVBox(slot, actionBar)
	}
	return page{name: "staff", footer: footer, title: func() string { return str.T("staff_title") }, build: func(width float32) fyne.CanvasObject {
		box := container.NewVBox()
		line := func(s string) { box.Add(widgets.NewParagraph(s, false, width)) }
		heading := func(s string) {
			box.Add(separator())
			p := widgets.NewParagraph(s, false, width)
			p.Bold, p.SizeName = true, theme.SizeNameSubHeadingText
			box.Add(p)
		}

		if p := k.opts.StartupProblem; p != nil {
			line("⚠ Beim Start: " + p.Error())
		}
		if p := k.opts.ConfigProblem; p != nil {
			line("⚠ Fehler in kiosk.toml (diese Einstellungen gelten mit ihrem Standardwert, alle anderen wie eingetragen):")
			for _, l := range strings.Split(p.Error(), "\n") {
				line("    " + l)
			}
		}
		info := k.cat.Info()
		heading(str.T("staff_catalog"))
		line(fmt.Sprintf("%s (%s), Version %d, erstellt am %s", info.Title[info.SourceLanguage], info.ID, info.Version, staffDate(info.Built)))
		line(fmt.Sprintf("%d Bezirke, %d Kategorien, %d Angebote, %d Veranstaltungen, %d Broschüren",
			info.Districts, info.Categories, info.Offers, info.Events, info.Brochures))
		var coverage []string
		for _, c := range info.Coverage {
			coverage = append(coverage, fmt.Sprintf("%s %.0f %%", c.Lang, c.Percent()))
		}
		line("Übersetzt: " + strings.Join(coverage, " · "))
		if info.Sample {
			line(str.T("catalog_sample") + ". Installieren Sie den Katalog Ihrer Koordination.")
		}
		now := k.opts.Now()
		installed, sample := info.Version, info.Sample // what a bundle on a stick is compared with
		if store := k.opts.Store; store != nil {
			if st, err := store.State(); err == nil {
				if st.Current != nil {
					installed, sample = st.Current.Version, false
				}
				if cur := st.Current; cur != nil {
					if cur.CatalogID != info.ID || cur.Version != info.Version {
						line(fmt.Sprintf("Installiert ist %s, Version %d: er wird ab dem nächsten Besuch gezeigt.", cur.CatalogID, cur.Version))
					}
					line(fmt.Sprintf("%s: %s", str.T("staff_expires"), staffDate(cur.Expires)))
					if now.Sub(cur.Issued) > staffOldAge || cur.Expires.Sub(now) < staffExpiring {
						line("⚠ " + str.T("staff_old_warning"))
					}
				}
				if !st.LastAttempt.IsZero() {
					line(fmt.Sprintf("%s: %s (Protokoll: %s)", str.T("staff_last_update"), staffDate(st.LastAttempt), st.LastResult))
				}
			}
			if k.opts.Config.Sync.URL != "" {
				if ss, err := store.SyncState(); err == nil && !ss.LastAttempt.IsZero() {
					line(fmt.Sprintf("Netz: %s (Protokoll: %s)", staffDate(ss.LastAttempt), ss.LastResult))
				}
			}
		}
		for _, key := range k.opts.Config.Trust.PublicKeys {
			line(fmt.Sprintf("%s: %s", str.T("staff_trusted_key"), bundle.Fingerprint(key)))
		}
		if len(k.opts.Config.Trust.PublicKeys) == 0 {
			line("Kein vertrauenswürdiger Schlüssel eingerichtet: wegweiser admin trust-key …")
		}

		var actions []fyne.CanvasObject
		if store := k.opts.Store; store != nil {
			if url := k.opts.Config.Sync.URL; url != "" {
				actions = append(actions, k.button(theme.DownloadIcon(), str.T("staff_update_now"), 320, func() {
					k.staffRun(&message, func(ctx context.Context) string {
						r, err := store.Sync(ctx, url, k.opts.Config.Sync.Interval)
						switch {
						case err != nil:
							return staffReason(err)
						case r.Status == install.Updated:
							return fmt.Sprintf("Version %d ist installiert und wird ab dem nächsten Besuch gezeigt.", r.Install.Manifest.Version)
						}
						return "Der Katalog auf dem Server ist schon installiert."
					})
				}))
			}
			actions = append(actions, k.button(theme.HistoryIcon(), str.T("staff_rollback"), 320, func() {
				k.staffRun(&message, func(context.Context) string {
					from, to, err := store.Rollback()
					if err != nil {
						return staffReason(err)
					}
					return fmt.Sprintf("Zurück von Version %d zu Version %d.", from.Version, to.Version)
				})
			}))
			if k.needsRepair(store, now) {
				line("⚠ Die Angaben zum installierten Katalog sind beschädigt oder eine frühere Installation kam von einem Rechner mit falscher Uhr. „" + str.T("staff_repair") + "“ stellt sie aus den Katalogdateien wieder her.")
				actions = append(actions, k.button(theme.ViewRefreshIcon(), str.T("staff_repair"), 320, func() {
					k.staffRun(&message, func(ctx context.Context) string { return repairOutcome(store.Repair(ctx)) })
				}))
			}
		}
		if k.opts.Quit != nil {
			actions = append(actions, k.button(theme.LogoutIcon(), str.T("staff_quit"), 320, k.confirmQuit))
		}
		for _, a := range actions { // one action at a time
			a.(*widgets.Tile).Disabled = k.staffBusy
		}
		actionBar = container.NewGridWithColumns(k.columns(340, 3), actions...)

		if store := k.opts.Store; store != nil {
			heading(str.T("staff_usb"))
			if found == nil && !searching { // read the sticks off the interface goroutine
				searching = true
				go func() {
					list, _ := store.FindBundles()
					fyne.Do(func() {
						found, searching = append([]install.Found{}, list...), false
						if k.Current() == "staff" {
							k.redraw()
						}
					})
				}()
			}
			switch {
			case searching:
				line("USB-Sticks werden gelesen …")
			case len(found) == 0:
				line(str.T("staff_no_bundles"))
			case len(found) == install.MaxBundlesListed:
				line(fmt.Sprintf("Auf dem Stick sind mehr Kataloge; die ersten %d stehen hier.", install.MaxBundlesListed))
			}
			for _, f := range found {
				f := f
				if f.Err != nil {
					line(fmt.Sprintf("%s: %s", f.Name, staffReason(f.Err)))
					continue
				}
				m := f.Manifest
				newer := str.T("staff_not_newer")
				if m.Version > installed || sample {
					newer = str.T("staff_newer")
				}
				desc := fmt.Sprintf("%s: %s, Version %d vom %s – %s", f.Name, m.CatalogID, m.Version, staffDate(m.Issued), newer)
				installButton := k.button(theme.DownloadIcon(), str.T("staff_install"), 240, func() {
					k.staffRun(&message, func(ctx context.Context) string {
						r, err := store.InstallFound(ctx, f, k.staffProgress(&message))
						switch {
						case err != nil:
							return staffReason(err)
						case !r.Installed:
							return fmt.Sprintf("Version %d ist schon installiert.", r.Manifest.Version)
						}
						return fmt.Sprintf("Version %d ist installiert und wird ab dem nächsten Besuch gezeigt.", r.Manifest.Version)
					})
				})
				installButton.Disabled = k.staffBusy
				box.Add(container.NewBorder(nil, nil, nil, installButton, widgets.NewParagraph(desc, false, width-280)))
			}
			if k.opts.Stats != nil && len(found) > 0 {
				mount := found[0].Mount
				export := k.button(theme.DocumentSaveIcon(), str.T("staff_export_stats"), 420, func() {
					k.staffRun(&message, func(context.Context) string { return k.exportStats(mount) })
				})
				export.Disabled = k.staffBusy
				box.Add(export)
			}
		}
		if k.opts.Status != nil { // the kiosk's report, for the coordinator
			if sticks := k.sticks(); len(sticks) > 0 {
				report := k.button(theme.DocumentSaveIcon(), str.T("staff_usb_report"), 480, func() {
					k.staffRun(&message, func(context.Context) string { return k.writeReport(sticks[0]) })
				})
				report.Disabled = k.staffBusy
				box.Add(report)
			}
		}
		return box
	}}
}

// confirmQuit asks staff whether to close the kiosk.
func (k *Kiosk) confirmQuit() {
	str := translations.For(staffLang)
	var pop *widget.PopUp
	yes := k.primaryButton(theme.LogoutIcon(), str.T("staff_quit_yes"), 240, func() { k.hidePopup(pop); k.opts.Quit() })
	no := k.button(theme.CancelIcon(), str.T("cancel"), 240, func() { k.hidePopup(pop) })
	pop = k.showPopup(container.NewVBox(k.text(str.T("staff_quit_confirm"), 500), container.NewHBox(yes, no)))
}

// staffRun runs a staff action off the interface goroutine, shows
// "please wait", then its outcome.
func (k *Kiosk) staffRun(message *string, action func(context.Context) string) {
	if k.staffBusy {
		return
	}
	k.staffBusy = true
	*message = "Bitte warten …"
	k.render()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		out := action(ctx)
		fyne.Do(func() {
			k.staffBusy = false
			*message = out
			if k.Current() == "staff" {
				k.render()
			}
		})
	}()
}

// staffProgress returns a reporter that shows how far an install from a
// stick has come, at most about five times a second. The reporter is
// called from the installing goroutine.
func (k *Kiosk) staffProgress(message *string) func(install.Progress) {
	var shown time.Time
	return func(p install.Progress) {
		if time.Since(shown) < 200*time.Millisecond && p.Percent() < 100 && p.Done > 0 {
			return
		}
		shown = time.Now()
		var text string
		switch p.Phase {
		case install.PhaseCopying:
			text = fmt.Sprintf("Katalog wird vom Stick kopiert … %d %%", p.Percent())
		case install.PhaseVerifying:
			text = fmt.Sprintf("Signatur geprüft; Katalog wird ausgepackt und geprüft … %d %%", p.Percent())
		default:
			text = "Datenbank des Katalogs wird geprüft …"
		}
		fyne.Do(func() {
			*message = text
			if k.Current() == "staff" {
				k.render()
			}
		})
	}
}

// exportStats writes the statistics as CSV onto a USB stick, into a file
// of its own: it never writes through a name that exists already (a
// symbolic link on the stick named like the export, pointing at
// kiosk.toml, overwrote the kiosk's settings), and a second export of the
// day gets a new name.
// sticks are the mounted USB sticks.
func (k *Kiosk) sticks() []string {
	find := k.opts.Sticks
	if find == nil {
		find = install.Sticks
	}
	sticks, _ := find()
	return sticks
}

// writeReport writes the kiosk's status and statistics onto a stick, for
// the coordinator (wegweiser fleet report), and says in German what it did.
func (k *Kiosk) writeReport(mount string) string {
	var csv bytes.Buffer
	if k.opts.Stats != nil {
		if err := k.opts.Stats.ExportCSV(&csv, k.opts.Now()); err != nil {
			return "Die Statistik konnte nicht gelesen werden: " + err.Error()
		}
	} else {
		csv.WriteString(strings.Join(stats.Header, ",") + "\n")
	}
	dir, err := status.WriteUSBReport(mount, k.opts.Config.KioskID, k.opts.Status(), csv.Bytes(), k.opts.Now())
	switch {
	case errors.Is(err, status.ErrReadOnly):
		return "Der USB-Stick ist schreibgeschützt: der Bericht wurde nicht geschrieben."
	case err != nil:
		return "Der Bericht konnte nicht geschrieben werden: " + err.Error()
	}
	return "Bericht gespeichert: " + dir
}

func (k *Kiosk) exportStats(mount string) string {
	f, name, err := createNew(mount, "wegweiser-statistik-"+k.opts.Now().Format("2006-01-02"), ".csv")
	if err != nil {
		return "Die Statistik konnte nicht gespeichert werden: " + err.Error()
	}
	err = k.opts.Stats.ExportCSV(f, k.opts.Now())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return "Die Statistik konnte nicht gespeichert werden: " + err.Error()
	}
	return "Statistik gespeichert: " + name
}

// createNew creates dir/base.ext, or dir/base-2.ext and so on when that
// name exists, as a new file (O_EXCL: an existing name, a symbolic link
// included, is never opened).
func createNew(dir, base, ext string) (*os.File, string, error) {
	for i := 1; i <= 100; i++ {
		name := filepath.Join(dir, base+ext)
		if i > 1 {
			name = filepath.Join(dir, fmt.Sprintf("%s-%d%s", base, i, ext))
		}
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			return f, name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, "", err
		}
	}
	return nil, "", fmt.Errorf("%s: too many exports with this name", dir)
}

func staffDate(t time.Time) string { return t.Local().Format("02.01.2006 15:04") }

// needsRepair tells whether the staff screen offers the repair: the record
// cannot be read, the catalogue did not open at start, or the time floor
// lies in the future (a bundle from a computer with a wrong clock).
func (k *Kiosk) needsRepair(store *install.Store, now time.Time) bool {
	st, err := store.State()
	return err != nil || k.opts.StartupProblem != nil || st.TimeFloor.After(now.Add(install.MaxClockLead))
}

// repairOutcome says in German what the repair did.
func repairOutcome(rep install.Repaired, err error) string {
	switch {
	case err != nil:
		return staffReason(err)
	case !rep.Changed:
		return "Nichts zu reparieren: die Angaben und Katalogdateien sind in Ordnung."
	case rep.Current != nil:
		return fmt.Sprintf("Repariert: Version %d wird ab dem nächsten Besuch gezeigt.", rep.Current.Version)
	}
	return "Repariert: Es gab keine brauchbare Katalogdatei; der Kiosk zeigt den Beispielkatalog, bis ein Katalog installiert wird."
}
