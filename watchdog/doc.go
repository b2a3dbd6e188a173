// Package watchdog tells systemd that the kiosk is up and still alive: the
// sd_notify protocol (a datagram such as "READY=1" or "WATCHDOG=1" sent to
// the unix socket named in $NOTIFY_SOCKET), in pure Go.
//
// The kiosk's unit (deploy/wegweiser.service) has Type=notify and
// WatchdogSec=30: systemd counts the start as done at Ready and restarts
// the kiosk when no Ping came for 30 seconds. Ping must therefore be sent
// from the UI loop itself (a ticker whose callback runs through fyne.Do),
// not from a goroutine of its own, so that a frozen interface stops the
// pings. Interval says how often: half the watchdog time.
//
// Without $NOTIFY_SOCKET (started by hand, in tests, on Windows) every
// function does nothing and returns nil.
package watchdog
