package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"wegweiser/catalog/bundle"
)

func catalogKeygen(args []string, env Env) error {
	flags := newFlags("catalog keygen")
	out := flags.String("o", "", "private key file to write")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if *out == "" || len(pos) > 0 {
		return usagef("catalog keygen needs -o KEYFILE and nothing else")
	}
	pub, priv, err := bundle.GenerateKey()
	if err != nil {
		return err
	}
	pubLine := bundle.FormatPublicKey(pub)
	for _, name := range []string{*out, *out + ".pub"} {
		if _, err := os.Lstat(name); err == nil {
			return fmt.Errorf("%s already exists; refusing to overwrite a key", name)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := writeNew(*out, bundle.EncodePrivateKey(priv), 0o600); err != nil {
		return err
	}
	if err := writeNew(*out+".pub", []byte(pubLine+"\n"), 0o644); err != nil {
		os.Remove(*out)
		return err
	}
	fmt.Fprintln(env.Stdout, pubLine)
	return nil
}

// writeNew creates a file that must not exist yet.
func writeNew(name string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(name)
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(name)
		return err
	}
	return f.Close()
}
