package cli

import (
	"bytes"
	"fmt"
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
		return fmt.Errorf("catalog translations import is not implemented yet: enter the translations in the source's TOML files, then run 'catalog translations mark'")
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
