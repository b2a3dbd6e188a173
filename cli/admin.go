package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"wegweiser/catalog/bundle"
	"wegweiser/config"
)

func admin(args []string, env Env) error {
	if len(args) == 0 {
		return usagef("admin needs a sub-command: trust-key or set-pin")
	}
	switch args[0] {
	case "trust-key":
		return adminTrustKey(args[1:], env)
	case "set-pin":
		return adminSetPIN(args[1:], env)
	}
	return usagef("unknown command 'admin %s'", args[0])
}

// adminTrustKey adds a public key (and the catalogue id) to kiosk.toml's
// [trust], keeping everything else in the file as it was.
func adminTrustKey(args []string, env Env) error {
	flags := newFlags("admin trust-key")
	dataDir := flags.String("data", "", "data folder of the kiosk")
	catalogID := flags.String("catalog", "", "the catalogue id this kiosk accepts")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("admin trust-key needs one PUBLIC_KEY (the line printed by catalog keygen, or its .pub file)")
	}
	dir, err := dataDirOrDefault(*dataDir)
	if err != nil {
		return err
	}
	pub, err := readPublicKey(pos[0])
	if err != nil {
		return err
	}
	text, err := config.ReadText(dir)
	if err != nil {
		return err
	}
	out, added, err := config.TrustKey(text, pub, *catalogID)
	if err != nil {
		return err
	}
	if err := config.Save(dir, out); err != nil {
		return err
	}
	cfg, _ := config.Parse(out)
	if added {
		fmt.Fprintf(env.Stdout, "kiosk.toml: now trusting key %s (%d trusted keys)\n", bundle.Fingerprint(pub), len(cfg.Trust.PublicKeys))
	} else {
		fmt.Fprintf(env.Stdout, "kiosk.toml: key %s was trusted already\n", bundle.Fingerprint(pub))
	}
	if cfg.Trust.Catalog == "" {
		fmt.Fprintln(env.Stderr, "note: no catalogue id is set yet; the kiosk installs nothing until it is: add --catalog ID")
	} else {
		fmt.Fprintf(env.Stdout, "kiosk.toml: accepting catalogue %s\n", cfg.Trust.Catalog)
	}
	return nil
}

// adminSetPIN reads the new staff PIN from standard input and stores its
// hash in kiosk.toml.
func adminSetPIN(args []string, env Env) error {
	flags := newFlags("admin set-pin")
	dataDir := flags.String("data", "", "data folder of the kiosk")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("admin set-pin reads the PIN from standard input and takes no arguments")
	}
	dir, err := dataDirOrDefault(*dataDir)
	if err != nil {
		return err
	}
	pin, err := readLine(env.Stdin)
	if err != nil {
		return err
	}
	if pin == "" {
		return fmt.Errorf("no PIN was given: type it on standard input, e.g. echo 4711 | wegweiser admin set-pin")
	}
	if err := config.CheckNewPIN(pin); err != nil {
		return err
	}
	text, err := config.ReadText(dir)
	if err != nil {
		return err
	}
	hash, err := config.HashPIN(pin)
	if err != nil {
		return err
	}
	out, err := config.SetPIN(text, hash)
	if err != nil {
		return err
	}
	if err := config.Save(dir, out); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "kiosk.toml: the staff PIN is set (only its hash is stored)")
	return nil
}

// readLine reads the first line of r, without its line break.
func readLine(r io.Reader) (string, error) {
	if r == nil {
		return "", nil
	}
	sc := bufio.NewScanner(io.LimitReader(r, 1024))
	if !sc.Scan() {
		return "", sc.Err()
	}
	return strings.TrimRight(sc.Text(), "\r"), nil
}
