package ui

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"wegweiser/catalog"
	"wegweiser/printout"
	"wegweiser/speech"
	"wegweiser/stats"
)

// sheetPage is the visitor's list: the offers they collected to take home,
// printed in their language and, if they like, in German too.
func (k *Kiosk) sheetPage() page {
	speak := func() speech.Script {
		var titles []catalog.Localized
		for _, id := range k.s.sheet {
			if o, err := k.s.view.Offer(id); err == nil {
				titles = append(titles, o.Title)
			}
		}
		return listScript(k.s.lang, k.s.str.T("sheet_title"), titles)
	}
	return page{name: "sheet", speak: speak, title: func() string { return k.s.str.T("sheet_title") }, build: func(width float32) fyne.CanvasObject {
		str := k.s.str
		if len(k.s.sheet) == 0 {
			return k.text(str.T("sheet_empty"), width)
		}
		box := container.NewVBox(k.heading(str.N("sheet_items", len(k.s.sheet)), width, theme.SizeNameSubHeadingText))
		for _, id := range k.s.sheet {
			id := id
			o, err := k.s.view.Offer(id)
			if err != nil {
				continue
			}
			open := k.button(appIcon("info"), o.Title.Text, width-420, func() { k.push(k.offerPage(id)) })
			remove := k.button(theme.DeleteIcon(), str.T("sheet_remove"), 340, func() { k.s.toggleSheet(id); k.render() })
			box.Add(k.row(open, remove))
		}
		if k.opts.Config.Printer == "none" {
			return box // a kiosk without a printer: the QR codes on each offer remain
		}
		box.Add(separator())
		printButton := k.primaryButton(theme.DocumentPrintIcon(), str.T("sheet_print"), 360, k.printSheet)
		printButton.Disabled = k.s.printing // one printout at a time
		if k.s.lang == "de" {               // the sheet is in German already
			box.Add(k.row(printButton))
		} else {
			check := theme.CheckButtonIcon()
			if k.s.withGerman {
				check = theme.CheckButtonCheckedIcon()
			}
			german := k.button(check, str.T("sheet_with_german"), 360, func() {
				k.s.withGerman = !k.s.withGerman
				k.render()
			})
			box.Add(k.row(printButton, german))
		}
		if k.s.printStatus != "" {
			status := k.heading(k.s.printStatus, width, theme.SizeNameSubHeadingText)
			box.Add(status)
		}
		return box
	}}
}

// printSheet prints the visitor's list.
func (k *Kiosk) printSheet() {
	ids := append([]string(nil), k.s.sheet...)
	k.printDocument(ids, func(w io.Writer, cat *catalog.Catalog, opts printout.Options) error {
		return printout.Sheet(w, cat, ids, opts)
	})
}

// printDocument makes a PDF (the list, or a brochure) and sends it to the
// printer, off the interface goroutine; the screen says "printing", then
// done or, in plain words, to ask staff. One printout runs at a time, and
// only one that reached the printer counts, for items, in the statistics.
func (k *Kiosk) printDocument(items []string, write func(io.Writer, *catalog.Catalog, printout.Options) error) {
	if k.s.printing {
		return
	}
	s := k.s // the session this printout belongs to
	s.printing = true
	s.printStatus = s.str.T("sheet_printing")
	k.render()
	opts := printout.Options{Lang: s.lang, WithGerman: s.withGerman && s.lang != "de", District: k.district, Now: k.opts.Now()}
	cat, printer, screen := k.cat, k.opts.Config.Printer, k.Current()
	release := cat.Hold() // the visitor may leave and a new catalogue come meanwhile
	go func() {
		err := printPDF(func(w io.Writer) error { defer release(); return write(w, cat, opts) }, printer)
		fyne.Do(func() {
			s.printing = false
			if err != nil {
				s.printStatus = s.str.T("sheet_print_failed")
				slog.Warn("printing failed", "error", err) // staff find the reason in the log
			} else {
				s.printStatus = s.str.T("sheet_printed")
				for _, id := range items {
					k.countIn(s.lang, stats.Print, id)
				}
			}
			if k.s == s && k.Current() == screen {
				k.redraw()
			}
			if k.printed != nil {
				k.printed()
			}
		})
	}()
}

// printPDF writes a document to a temporary file and prints it.
func printPDF(write func(io.Writer) error, printer string) error {
	dir, err := os.MkdirTemp("", "wegweiser-print-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "wegweiser.pdf")
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return printout.Print(context.Background(), printer, path)
}
