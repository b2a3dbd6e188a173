package cli

import (
	"crypto/ed25519"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/bundle"
)

func catalogVerify(args []string, env Env) error {
	flags := newFlags("catalog verify")
	pubArg := flags.String("pubkey", "", "public key line, or a file holding it")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *pubArg == "" {
		return usagef("catalog verify needs a bundle FILE and --pubkey")
	}
	pub, err := readPublicKey(*pubArg)
	if err != nil {
		return err
	}
	m, err := verifyBundle(pos[0], pub)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	w := env.Stdout
	fmt.Fprintf(w, "catalogue: %s\nversion:   %d\nissued:    %s\nexpires:   %s\nsize:      %d bytes\nsha256:    %s\nsigned by: %s\n",
		m.CatalogID, m.Version, m.Issued.Format(time.RFC3339), m.Expires.Format(time.RFC3339), m.Size, m.SHA256, m.KeyID)
	if now := time.Now(); !now.Before(m.Expires) {
		fmt.Fprintf(w, "note:      this bundle expired on %s; kiosks will refuse it\n", m.Expires.Format("2006-01-02"))
	}
	return nil
}

// readPublicKey takes a key line or the name of a file holding one.
func readPublicKey(arg string) (ed25519.PublicKey, error) {
	text := arg
	if !strings.HasPrefix(arg, "wegweiser-") {
		b, err := os.ReadFile(arg)
		if err != nil {
			return nil, fmt.Errorf("--pubkey is neither a public key nor a readable file: %w", err)
		}
		text = strings.TrimSpace(string(b))
	}
	return bundle.ParsePublicKey(text)
}

// verifyBundle checks a bundle completely: signature, manifest, payload
// hash, and that the payload is the catalogue the manifest names.
func verifyBundle(path string, pub ed25519.PublicKey) (bundle.Manifest, error) {
	f, err := os.Open(path)
	if err != nil {
		return bundle.Manifest{}, err
	}
	defer f.Close()
	r, err := bundle.Open(f, []ed25519.PublicKey{pub})
	if err != nil {
		return bundle.Manifest{}, err
	}
	m := r.Manifest()
	dir, err := os.MkdirTemp("", "wegweiser-verify-")
	if err != nil {
		return m, err
	}
	defer os.RemoveAll(dir)
	staged := filepath.Join(dir, "catalog.sqlite")
	out, err := os.Create(staged)
	if err != nil {
		return m, err
	}
	_, err = r.CopyPayload(out)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return m, err
	}
	c, err := catalog.Open(staged)
	if err != nil {
		return m, err
	}
	defer c.Close()
	if info := c.Info(); info.ID != m.CatalogID || info.Version != m.Version {
		return m, fmt.Errorf("the catalogue inside (%s, version %d) is not the one the signed description names", info.ID, info.Version)
	}
	return m, nil
}
