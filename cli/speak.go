package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"wegweiser/atomicfile"
	"wegweiser/catalog"
	"wegweiser/config"
	"wegweiser/speech"
)

// speakCommand writes what the kiosk would say as a WAV file:
//
//	wegweiser speak [--data DIR | --source SRC] --lang L (--offer ID | --brochure ID [--section N] | --text "…") -o FILE.wav
func speakCommand(args []string, env Env) error {
	flags := newFlags("speak")
	choice := addCatalogueChoice(flags, "speak")
	offer := flags.String("offer", "", "offer id: what its screen says")
	brochure := flags.String("brochure", "", "brochure id: what its page says")
	section := flags.Int("section", 1, "the brochure's page, 1 for the first")
	text := flags.String("text", "", "a text to say")
	out := flags.String("o", "", "the WAV file to write")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("speak takes no arguments besides its flags, not '%s'", pos[0])
	}
	if err := choice.check(); err != nil {
		return err
	}
	given := 0
	for _, s := range []string{*offer, *brochure, *text} {
		if s != "" {
			given++
		}
	}
	switch {
	case *out == "":
		return usagef("speak needs -o FILE.wav")
	case given != 1:
		return usagef("speak needs one of --offer ID, --brochure ID or --text \"…\"")
	}
	c, err := choice.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	lang := *choice.lang
	var script speech.Script
	view := c.In(lang)
	switch {
	case *offer != "":
		o, err := view.Offer(*offer)
		if errors.Is(err, catalog.ErrNotFound) {
			return fmt.Errorf("no offer '%s' in the catalogue", *offer)
		} else if err != nil {
			return err
		}
		script = speech.Offer(o, lang)
	case *brochure != "":
		b, err := view.Brochure(*brochure)
		if errors.Is(err, catalog.ErrNotFound) {
			return fmt.Errorf("no brochure '%s' in the catalogue", *brochure)
		} else if err != nil {
			return err
		}
		if *section < 1 || *section > len(b.Sections) {
			return usagef("--section %d: the brochure has pages 1 to %d", *section, len(b.Sections))
		}
		script = speech.Brochure(b, *section, lang)
	default:
		script = speech.Text(*text, lang)
	}

	cfg := config.Default()
	if *choice.data != "" || *choice.source == "" {
		if dir, err := dataDirOrDefault(*choice.data); err == nil {
			cfg, _ = config.Load(dir) // bad settings keep their defaults
		}
	}
	synth, err := speech.DetectSynth(cfg.Speech.Voices, cfg.Speech.Volume)
	if err != nil {
		fmt.Fprintf(env.Stderr, "wegweiser: %v\n", err)
	}
	voice := speech.Voice{Synth: synth, Media: c.Media}
	if !voice.CanSay(script, lang) {
		fmt.Fprintf(env.Stderr, "wegweiser: %s has no voice on this computer and no recording of this text in the catalogue\n", catalog.NativeName(lang)+" ("+lang+")")
		return errRefused
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	audio, used, err := voice.Render(ctx, script)
	if err != nil {
		return err
	}
	if err := atomicfile.Write(*out, audio.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %.1f s of speech (%s)\n", *out, audio.Duration().Seconds(), strings.Join(used, ", "))
	return nil
}
