#!/usr/bin/env bash
# Drives the real kiosk as a finger does, under Xvfb at 1280×800, with
# xdotool (press, move in steps, release) and saves what the screen shows
# after each gesture into docs/screenshots/finger/:
#   1 home        after a tap on "Deutsch"
#   2 list        five quick taps on the first category: the list opens, nothing more
#   3 swiped      a slow swipe up: the list follows the finger
#   4 flicked     a quick flick: the list glides on and slows down
#   5 welcome     seven quick taps on "back": the welcome screen, no staff PIN
# and says whether each swipe moved the picture. Needs xvfb, xdotool and
# imagemagick.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/screenshots/finger
mkdir -p "$out"
go build -o /tmp/wegweiser-finger .
data=$(mktemp -d)
Xvfb :96 -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb $kiosk 2>/dev/null; rm -rf "$data"' EXIT
sleep 1
export DISPLAY=:96
LANG=de_DE.UTF-8 /tmp/wegweiser-finger --data "$data" >/dev/null 2>&1 &
kiosk=$!
sleep 3

tap() { xdotool mousemove "$1" "$2" mousedown 1; sleep 0.06; xdotool mouseup 1; }
swipe() { # x y dy steps pause
	xdotool mousemove "$1" "$2" mousedown 1
	for i in $(seq 1 "$4"); do xdotool mousemove "$1" $(($2 + $3 * i / $4)); sleep "$5"; done
	xdotool mouseup 1
}
shot() { sleep "${2:-0.8}"; import -window root "$out/$1.png"; }
moved() { # did the picture change between two shots?
	local d
	d=$(compare -metric AE "$out/$1.png" "$out/$2.png" null: 2>&1 || true)
	echo "$2: ${d%% *} pixels changed since $1"
}

tap 205 429
shot 1-home
for _ in 1 2 3 4 5; do tap 200 175; sleep 0.08; done
shot 2-list
swipe 640 620 -360 24 0.02
shot 3-swiped
moved 2-list 3-swiped
swipe 640 600 -200 5 0.01
shot 4-flicked 1.8
moved 3-swiped 4-flicked
for _ in 1 2 3 4 5 6 7; do tap 120 760; sleep 0.4; done
shot 5-welcome
