package watchdog

import (
	"net"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// fakeSystemd listens on a unix datagram socket as systemd does and sets
// $NOTIFY_SOCKET to it.
func fakeSystemd(t *testing.T, name string) *net.UnixConn {
	t.Helper()
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: name, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

func receive(t *testing.T, conn *net.UnixConn) string {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 256)
	n, err := conn.Read(buf)
	if err != nil {
		t.Fatal(err)
	}
	return string(buf[:n])
}

func TestNotifySendsDatagrams(t *testing.T) {
	dir, err := os.MkdirTemp("", "wd") // short: socket paths are limited to 108 bytes
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	sock := filepath.Join(dir, "notify")
	conn := fakeSystemd(t, sock)
	t.Setenv("NOTIFY_SOCKET", sock)

	for _, tc := range []struct {
		send func() error
		want string
	}{
		{Ready, "READY=1"},
		{Ping, "WATCHDOG=1"},
		{Stopping, "STOPPING=1"},
		{func() error { return Notify("STATUS=installing") }, "STATUS=installing"},
	} {
		if err := tc.send(); err != nil {
			t.Fatalf("%s: %v", tc.want, err)
		}
		if got := receive(t, conn); got != tc.want {
			t.Errorf("received %q, want %q", got, tc.want)
		}
	}
}

func TestAbstractSocket(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("abstract sockets are Linux only")
	}
	name := "wegweiser-test-" + time.Now().Format("150405.000000000")
	conn := fakeSystemd(t, "\x00"+name)
	t.Setenv("NOTIFY_SOCKET", "@"+name)
	if err := Ping(); err != nil {
		t.Fatal(err)
	}
	if got := receive(t, conn); got != "WATCHDOG=1" {
		t.Errorf("received %q", got)
	}
}

func TestWithoutSystemd(t *testing.T) {
	t.Setenv("NOTIFY_SOCKET", "")
	t.Setenv("WATCHDOG_USEC", "")
	if err := Ready(); err != nil {
		t.Errorf("Ready without a socket: %v", err)
	}
	if _, ok := Interval(); ok {
		t.Error("Interval without a watchdog")
	}
}

func TestMissingSocketIsAnError(t *testing.T) {
	t.Setenv("NOTIFY_SOCKET", filepath.Join(t.TempDir(), "gone"))
	if err := Ping(); err == nil {
		t.Error("Ping to a missing socket succeeded")
	}
}

func TestInterval(t *testing.T) {
	t.Setenv("WATCHDOG_USEC", "30000000")
	if d, ok := Interval(); !ok || d != 15*time.Second {
		t.Errorf("Interval = %v, %v; want 15s", d, ok)
	}
	t.Setenv("WATCHDOG_USEC", "nonsense")
	if _, ok := Interval(); ok {
		t.Error("Interval from nonsense")
	}
}
