package cli

import (
	"os"

	"wegweiser/catalog"
)

// previewCommand runs "preview SRC [--district D]": the kiosk, in a window,
// on a source folder, built again whenever a file in it changes; the
// source's problems stand above the screen. It uses a data folder of its
// own, so nothing of a real kiosk is touched.
func previewCommand(args []string, env Env) error {
	flags := newFlags("preview")
	district := flags.String("district", "", "the district to show (default: the catalogue's first)")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("preview needs one source folder")
	}
	if info, err := os.Stat(pos[0]); err != nil || !info.IsDir() {
		return usagef("preview: %s is not a source folder", pos[0])
	}
	if *district != "" && !catalog.ValidDistrictID(*district) {
		return usagef("--district '%s' is not a district id such as 03255", *district)
	}
	data, err := os.MkdirTemp("", "wegweiser-preview-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(data)
	if code := env.Kiosk(KioskOptions{DataDir: data, Windowed: true, Preview: pos[0], District: *district}); code != 0 {
		return errRefused
	}
	return nil
}
