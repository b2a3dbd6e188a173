package cli

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"wegweiser/atomicfile"
	"wegweiser/catalog"
	"wegweiser/printout"
)

// sheetCommand writes a contact sheet (--offers) or a brochure (--brochure)
// as PDF, as the kiosk prints it:
//
//	wegweiser sheet [--data DIR | --source SRC] --lang L [--district D] (--offers ID,ID,... | --brochure ID) [--with-german] -o FILE.pdf
func sheetCommand(args []string, env Env) error {
	flags := newFlags("sheet")
	choice := addCatalogueChoice(flags, "sheet")
	offers := flags.String("offers", "", "offer ids, separated by commas")
	brochure := flags.String("brochure", "", "brochure id")
	withGerman := flags.Bool("with-german", false, "each part also in German")
	out := flags.String("o", "", "the PDF file to write")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("sheet takes no arguments besides its flags, not '%s'", pos[0])
	}
	if err := choice.check(); err != nil {
		return err
	}
	switch {
	case *out == "":
		return usagef("sheet needs -o FILE.pdf")
	case (*offers == "") == (*brochure == ""):
		return usagef("sheet needs either --offers ID,ID,... or --brochure ID")
	}
	var ids []string
	for _, id := range strings.Split(*offers, ",") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	if *brochure == "" && len(ids) == 0 {
		return usagef("--offers names no offer")
	}

	c, err := choice.open(env)
	if err != nil {
		return err
	}
	defer c.Close()

	view := c.In(*choice.lang)
	for _, id := range ids {
		if _, err := view.Offer(id); errors.Is(err, catalog.ErrNotFound) {
			return fmt.Errorf("no offer '%s' in the catalogue", id)
		} else if err != nil {
			return err
		}
	}
	if *brochure != "" {
		if _, err := view.Brochure(*brochure); errors.Is(err, catalog.ErrNotFound) {
			return fmt.Errorf("no brochure '%s' in the catalogue", *brochure)
		} else if err != nil {
			return err
		}
	}

	var pdf bytes.Buffer
	o := printout.Options{Lang: *choice.lang, WithGerman: *withGerman, District: *choice.district, Now: time.Now()}
	if *brochure != "" {
		err = printout.Brochure(&pdf, c, *brochure, o)
	} else {
		err = printout.Sheet(&pdf, c, ids, o)
	}
	if err != nil {
		return err
	}
	if err := writeSheetFile(*out, pdf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %s\n", *out)
	return nil
}

// writeSheetFile writes data to path through a temporary file in the same
// folder, synced and renamed over path: a reader (a print spooler) sees the
// old file or the whole new one, never a part.
func writeSheetFile(path string, data []byte) error {
	return atomicfile.Write(path, data, 0o644)
}
