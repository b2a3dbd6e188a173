package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"wegweiser/atomicfile"
	"wegweiser/catalog"
	"wegweiser/catalog/po"
	"wegweiser/catalog/source"
	"wegweiser/catalog/xlsx"
)

// catalogTranslations runs the translators' commands:
//
//	wegweiser catalog translations export SRC --lang L -o FILE.po
//	wegweiser catalog translations import SRC FILE.po
//	wegweiser catalog translations mark SRC --lang L
func catalogTranslations(args []string, env Env) error {
	if len(args) == 0 {
		return usagef("catalog translations needs a sub-command: export or mark")
	}
	switch args[0] {
	case "export":
		return translationsExport(args[1:], env)
	case "mark":
		return translationsMark(args[1:], env)
	case "import":
		return translationsImport(args[1:], env)
	}
	return usagef("unknown command 'catalog translations %s'", args[0])
}

// translationSource loads a source folder for a translations command and
// checks the language.
func translationSource(command string, args []string, env Env) (dir, lang, out string, content *catalog.Content, err error) {
	flags := newFlags("catalog translations " + command)
	langFlag := flags.String("lang", "", "the language of the translation")
	outFlag := flags.String("o", "", "the file to write")
	pos, err := parse(flags, args)
	if err != nil {
		return "", "", "", nil, err
	}
	if len(pos) != 1 {
		return "", "", "", nil, usagef("catalog translations %s needs one source folder", command)
	}
	content, problems, err := loadSource(pos[0])
	if err != nil {
		return "", "", "", nil, err
	}
	if problems.Errors() > 0 {
		printProblems(env.Stderr, problems)
		return "", "", "", nil, errRefused
	}
	lang = *langFlag
	switch {
	case lang == "":
		return "", "", "", nil, usagef("catalog translations %s needs --lang", command)
	case lang == content.Meta.SourceLanguage:
		return "", "", "", nil, usagef("--lang %s is the source language; translations are made from it", lang)
	case !slices.Contains(content.Meta.Languages, lang):
		return "", "", "", nil, usagef("--lang %s is not one of the catalogue's languages (%s)", lang, strings.Join(content.Meta.Languages, ", "))
	}
	return pos[0], lang, *outFlag, content, nil
}

func translationsExport(args []string, env Env) error {
	_, lang, out, content, err := translationSource("export", args, env)
	if err != nil {
		return err
	}
	switch {
	case strings.HasSuffix(out, ".po"):
		var b bytes.Buffer
		if err := po.Write(&b, content, lang, content.State); err != nil {
			return err
		}
		if err := atomicfile.Write(out, b.Bytes(), 0o644); err != nil {
			return err
		}
	case strings.HasSuffix(out, ".xlsx"):
		if err := xlsx.WriteRows(out, "Übersetzung", translationRows(content, lang), []float64{36, 10, 60, 60, 14}); err != nil {
			return err
		}
	default:
		return usagef("catalog translations export needs -o FILE.po or FILE.xlsx")
	}
	for _, s := range source.Status(content, content.State) {
		if s.Lang == lang {
			fmt.Fprintf(env.Stdout, "%s: %s texts: %d up to date, %d outdated (fuzzy), %d missing, %d not tracked\n",
				out, lang, s.UpToDate, s.Outdated, s.Missing, s.Untracked)
		}
	}
	return nil
}

func translationsMark(args []string, env Env) error {
	dir, lang, _, content, err := translationSource("mark", args, env)
	if err != nil {
		return err
	}
	st := source.Marked(content, content.State, lang)
	path := filepath.Join(dir, source.StatusFile)
	if err := atomicfile.Write(path, []byte(source.Format(st)), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %d %s translations recorded as made from the current %s texts\n", path, len(st[lang]), lang, content.Meta.SourceLanguage)
	return nil
}

// translationsImport writes the translations of a PO file into the source's
// TOML files, where each text stands, and records them as made from the
// source texts they were translated from. Every problem is reported with
// its line, and then nothing is written. Entries marked fuzzy and empty
// ones are left out (the translator has not confirmed them).
func translationsImport(args []string, env Env) error {
	flags := newFlags("catalog translations import")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || !(strings.HasSuffix(pos[1], ".po") || strings.HasSuffix(pos[1], ".xlsx")) {
		return usagef("catalog translations import needs a source folder and a FILE.po or FILE.xlsx")
	}
	dir, file := pos[0], pos[1]
	content, problems, err := loadSource(dir)
	if err != nil {
		return err
	}
	if problems.Errors() > 0 {
		printProblems(env.Stderr, problems)
		return errRefused
	}
	lang, entries, err := readTranslations(file, content)
	if err != nil {
		return err
	}
	src := content.Meta.SourceLanguage
	if lang == "" || lang == src || !slices.Contains(content.Meta.Languages, lang) {
		return fmt.Errorf("%s: its Language %q is not one of the catalogue's languages to translate into (%s)", file, lang, strings.Join(content.Meta.Languages, ", "))
	}
	places := map[string]catalog.Place{}
	for _, p := range catalog.Places(content) {
		places[p.Key] = p
	}
	var ts []source.Translation
	var bad []string
	fuzzy := 0
	for _, e := range entries {
		p, ok := places[e.Context]
		switch {
		case !ok:
			bad = append(bad, fmt.Sprintf("%s:%d: there is no text %q in the catalogue", file, e.Line, e.Context))
		case strings.TrimSpace(e.ID) != p.Text[src]:
			bad = append(bad, fmt.Sprintf("%s:%d: the %s text of %s changed since this file was exported: export it again", file, e.Line, src, e.Context))
		case e.Fuzzy:
			fuzzy++
		case strings.TrimSpace(e.Str) != "":
			ts = append(ts, source.Translation{Place: e.Context, Lang: lang, Text: e.Str, Line: e.Line})
		}
	}
	if len(bad) > 0 {
		for _, b := range bad {
			fmt.Fprintln(env.Stderr, b)
		}
		fmt.Fprintf(env.Stderr, "wegweiser: %d problems; nothing was written\n", len(bad))
		return errRefused
	}
	files, err := source.WriteTranslations(os.DirFS(dir), ts)
	if err != nil {
		fmt.Fprintf(env.Stderr, "wegweiser: %s: %v\nNothing was written.\n", file, err)
		return errRefused
	}
	st := source.State{}
	for l, m := range content.State {
		st[l] = m
	}
	if st[lang] == nil {
		st[lang] = map[string]string{}
	}
	for _, t := range ts {
		st[lang][t.Place] = source.SourceHash(places[t.Place].Text[src])
	}
	files[source.StatusFile] = []byte(source.Format(st))
	for name, b := range files {
		if err := atomicfile.Write(filepath.Join(dir, filepath.FromSlash(name)), b, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "%s: %d %s translations written into %d files", file, len(ts), lang, len(files)-1)
	if fuzzy > 0 {
		fmt.Fprintf(env.Stdout, "; %d fuzzy entries left out (confirm them in the PO editor first)", fuzzy)
	}
	fmt.Fprintln(env.Stdout)
	return nil
}

// The translators' sheet: one row per text with a source text.
var sheetHeader = []string{"place", "required", "", "", "status"}

// translationRows are the rows of the translators' sheet for lang: place,
// required, the source text, the translation, its state. The header names
// the two languages' codes.
func translationRows(c *catalog.Content, lang string) [][]string {
	src := c.Meta.SourceLanguage
	head := append([]string{}, sheetHeader...)
	head[2], head[3] = src, lang
	rows := [][]string{head}
	for _, p := range catalog.Places(c) {
		if p.Text[src] == "" {
			continue
		}
		req := ""
		if p.Required {
			req = "yes"
		}
		rows = append(rows, []string{p.Key, req, p.Text[src], p.Text[lang], source.TextState(p, lang, src, c.State)})
	}
	return rows
}

// readTranslations reads a translator's PO file or sheet as entries, and
// the language it translates into. A sheet's row that still says
// "outdated" and whose translation was not changed is taken as fuzzy: the
// translator has not confirmed it.
func readTranslations(file string, c *catalog.Content) (string, []po.Entry, error) {
	if strings.HasSuffix(file, ".po") {
		f, err := os.Open(file)
		if err != nil {
			return "", nil, err
		}
		defer f.Close()
		header, entries, err := po.Read(f)
		if err != nil {
			return "", nil, fmt.Errorf("%s: %w", file, err)
		}
		return header["Language"], entries, nil
	}
	rows, err := xlsx.ReadRows(file)
	if err != nil {
		return "", nil, err
	}
	if len(rows) == 0 || len(rows[0]) < 4 || rows[0][0] != "place" || rows[0][2] != c.Meta.SourceLanguage {
		return "", nil, fmt.Errorf("%s: the first row must be: place, required, %s, the language, status (as 'catalog translations export' writes it)", file, c.Meta.SourceLanguage)
	}
	lang := rows[0][3]
	current := map[string]string{}
	for _, p := range catalog.Places(c) {
		current[p.Key] = p.Text[lang]
	}
	var entries []po.Entry
	for i, r := range rows[1:] {
		cell := func(j int) string {
			if j < len(r) {
				return r[j]
			}
			return ""
		}
		if cell(0) == "" {
			continue
		}
		e := po.Entry{Context: cell(0), ID: cell(2), Str: cell(3), Line: i + 2}
		e.Fuzzy = cell(4) == source.Outdated && strings.TrimSpace(e.Str) == current[e.Context]
		entries = append(entries, e)
	}
	return lang, entries, nil
}
