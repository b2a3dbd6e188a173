package watchdog

import (
	"net"
	"os"
	"strconv"
	"time"
)

// Ready tells systemd that the kiosk has started (its window is open).
func Ready() error { return Notify("READY=1") }

// Ping tells systemd's watchdog that the kiosk is still alive.
func Ping() error { return Notify("WATCHDOG=1") }

// Stopping tells systemd that the kiosk is shutting down on purpose.
func Stopping() error { return Notify("STOPPING=1") }

// Notify sends one sd_notify message, such as "READY=1" or
// "STATUS=installing a catalogue", to the socket in $NOTIFY_SOCKET. It
// does nothing without one.
func Notify(state string) error {
	name := os.Getenv("NOTIFY_SOCKET")
	if name == "" {
		return nil
	}
	if name[0] == '@' { // an abstract socket (Linux)
		name = "\x00" + name[1:]
	}
	conn, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: name, Net: "unixgram"})
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write([]byte(state))
	return err
}

// Interval is how often to Ping: half of the watchdog time that systemd
// set in $WATCHDOG_USEC. It reports false when no watchdog is set.
//
// $WATCHDOG_PID is not compared with the process id on purpose: under the
// cage compositor the kiosk is cage's child, and the unit allows its
// notifications with NotifyAccess=all.
func Interval() (time.Duration, bool) {
	usec, err := strconv.ParseInt(os.Getenv("WATCHDOG_USEC"), 10, 64)
	if err != nil || usec <= 0 {
		return 0, false
	}
	return time.Duration(usec) * time.Microsecond / 2, true
}
