#!/usr/bin/env bash
# Renews docs/screenshots from the real program under Xvfb: at 1280×800 every
# screen in German, Arabic and Tigrinya and the main ones in Persian and
# Ukrainian (this folder), and the main screens at 1024×600, 1920×1080 and
# portrait 1080×1920 (sub-folders). The kiosk walks
# itself through its screens (--probe-taps) and ImageMagick's import takes
# each picture. Needs xvfb and imagemagick (.ci/setup installs both).
set -euo pipefail
cd "$(dirname "$0")/../.."
go build -o /tmp/wegweiser-shots .
here=docs/screenshots
shoot() { # size folder languages
	local size=$1 out=$2 langs=$3 data
	data=$(mktemp -d)
	Xvfb :97 -screen 0 "${size}x24" >/dev/null 2>&1 &
	local xvfb=$!
	sleep 1
	mkdir -p "$out"
	DISPLAY=:97 LANG=de_DE.UTF-8 /tmp/wegweiser-shots --data "$data" --probe-taps --tour-langs "$langs" --screenshots "$out" >/dev/null
	kill "$xvfb"
	rm -rf "$data"
}
tmp=$(mktemp -d)
shoot 1280x800 "$tmp/1280x800" de,ar,fa,uk,ti
for s in welcome home offers offers-scrolled offer offer-contacts sheet brochure events search language large contrast idle; do
	for l in de ar ti; do cp "$tmp/1280x800/$l-$s.png" "$here/$l-$s.png"; done
done
for s in offers offer search sheet; do
	for l in fa uk; do cp "$tmp/1280x800/$l-$s.png" "$here/$l-$s.png"; done
done
cp "$tmp/1280x800/de-staff.png" "$here/de-staff.png"
for size in 1024x600 1920x1080 1080x1920; do
	shoot "$size" "$tmp/$size" de,ar,ti
	mkdir -p "$here/$size"
	for s in welcome home offers offer search brochure; do
		for l in de ar ti; do cp "$tmp/$size/$l-$s.png" "$here/$size/$l-$s.png"; done
	done
done
rm -rf "$tmp"
