package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"wegweiser/catalog"
	"wegweiser/catalog/bundle"
)

func catalogBuild(args []string, env Env) error {
	fs := newFlags("catalog build")
	out := fs.String("o", "", "bundle file to write")
	keyFile := fs.String("key", "", "private key file from catalog keygen")
	version := fs.Int64("version", 0, "catalogue version, at most the default (default: the build time in seconds since 1970, so a later build always has a higher one)")
	expires := fs.String("expires", "180d", "how long kiosks accept the bundle: 180d, 4320h, 90m, 1s")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" || *keyFile == "" {
		return usagef("catalog build needs a source folder, -o FILE and --key KEYFILE")
	}
	validFor, err := parseDuration(*expires)
	if err != nil {
		return usagef("--expires: %v", err)
	}
	keyBytes, err := os.ReadFile(*keyFile)
	if err != nil {
		return fmt.Errorf("cannot read the key: %w", err)
	}
	key, err := bundle.ParsePrivateKey(keyBytes)
	if err != nil {
		return fmt.Errorf("%s: %w", *keyFile, err)
	}

	content, problems, err := loadSource(pos[0])
	if err != nil {
		return err
	}
	printProblems(env.Stderr, problems)
	if problems.Errors() > 0 {
		fmt.Fprintln(env.Stderr, "nothing was built")
		return errRefused
	}

	now := time.Now().UTC().Truncate(time.Second)
	if *version == 0 {
		*version = now.Unix()
	}
	if *version < 0 {
		return usagef("--version must be a positive number")
	}
	// The default version is the build time in seconds since 1970: a given
	// version above it would lock out every later default build (kiosks
	// refuse lower versions), a date-style 20250301120000 for centuries.
	if *version > now.Unix() {
		return usagef("--version %d is higher than a build now would get by default (%d): every later build without --version would be refused as older. Leave --version out, or give a number up to %d", *version, now.Unix(), now.Unix())
	}
	m, err := buildBundle(content, *out, key, bundle.Manifest{
		CatalogID: content.Meta.ID, Version: *version, Issued: now, Expires: now.Add(validFor),
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "built %s: catalogue %s, version %d, %d offers, %d bytes, expires %s\n",
		*out, m.CatalogID, m.Version, len(content.Offers), m.Size, m.Expires.Format(time.RFC3339))
	return nil
}

// buildBundle compiles content and writes it, signed, as one bundle file.
// The file appears only when it is complete.
func buildBundle(content *catalog.Content, out string, key []byte, m bundle.Manifest) (bundle.Manifest, error) {
	dir, err := os.MkdirTemp(filepath.Dir(out), ".wegweiser-build-")
	if err != nil {
		return m, err
	}
	defer os.RemoveAll(dir)
	db := filepath.Join(dir, "catalog.sqlite")
	if err := catalog.Compile(content, db, catalog.BuildInfo{Version: m.Version, Built: m.Issued, Expires: m.Expires}); err != nil {
		return m, err
	}
	payload, err := os.Open(db)
	if err != nil {
		return m, err
	}
	defer payload.Close()
	tmp, err := os.Create(filepath.Join(dir, "bundle"))
	if err != nil {
		return m, err
	}
	defer tmp.Close()
	if m, err = bundle.Write(tmp, m, payload, key); err != nil {
		return m, err
	}
	if err := tmp.Sync(); err != nil {
		return m, err
	}
	if err := tmp.Close(); err != nil {
		return m, err
	}
	return m, os.Rename(tmp.Name(), out)
}

// parseDuration reads 180d, 4320h, 90m, 1s.
func parseDuration(s string) (time.Duration, error) {
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.ParseInt(days, 10, 64)
		if err != nil || n > 100*365 {
			return 0, fmt.Errorf("'%s' is not a duration such as 180d, 4320h, 90m or 1s", s)
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, fmt.Errorf("'%s' is not a duration such as 180d, 4320h, 90m or 1s", s)
		}
	}
	if d <= 0 {
		return 0, fmt.Errorf("'%s' must be longer than zero", s)
	}
	return d, nil
}
