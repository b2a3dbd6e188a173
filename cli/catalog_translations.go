package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"wegweiser/atomicfile"
	"wegweiser/catalog"
	"wegweiser/catalog/po"
	"wegweiser/catalog/source"
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
	case !contains(content.Meta.Languages, lang):
		return "", "", "", nil, usagef("--lang %s is not one of the catalogue's languages (%s)", lang, strings.Join(content.Meta.Languages, ", "))
	}
	return pos[0], lang, *outFlag, content, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func translationsExport(args []string, env Env) error {
	_, lang, out, content, err := translationSource("export", args, env)
	if err != nil {
		return err
	}
	if !strings.HasSuffix(out, ".po") {
		return usagef("catalog translations export needs -o FILE.po (xlsx is not implemented yet)")
	}
	var b bytes.Buffer
	if err := po.Write(&b, content, lang, content.State); err != nil {
		return err
	}
	if err := atomicfile.Write(out, b.Bytes(), 0o644); err != nil {
		return err
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
	if len(pos) != 2 || !strings.HasSuffix(pos[1], ".po") {
		return usagef("catalog translations import needs a source folder and a FILE.po (xlsx is not implemented yet)")
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
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	header, entries, err := po.Read(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	lang := header["Language"]
	src := content.Meta.SourceLanguage
	if lang == "" || lang == src || !contains(content.Meta.Languages, lang) {
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
