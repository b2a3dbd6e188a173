package deploy

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// unit is a parsed systemd unit file: section → key → values in order.
type unit map[string]map[string][]string

func parseUnit(t *testing.T, path string) unit {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	u := unit{}
	section := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || line[0] == '#' || line[0] == ';':
		case line[0] == '[' && line[len(line)-1] == ']':
			section = line[1 : len(line)-1]
			u[section] = map[string][]string{}
		case section == "":
			t.Fatalf("%s:%d: a key outside any section", path, n)
		case strings.HasSuffix(line, `\`):
			t.Fatalf("%s:%d: continued lines are not expected", path, n)
		default:
			key, value, ok := strings.Cut(line, "=")
			if !ok {
				t.Fatalf("%s:%d: not key=value: %q", path, n, line)
			}
			key = strings.TrimSpace(key)
			u[section][key] = append(u[section][key], strings.TrimSpace(value))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return u
}

// one returns the single value of a key.
func (u unit) one(t *testing.T, section, key string) string {
	t.Helper()
	v := u[section][key]
	if len(v) != 1 {
		t.Errorf("[%s] %s is set %d times, want once", section, key, len(v))
		return ""
	}
	return v[0]
}

func TestServiceUnit(t *testing.T) {
	u := parseUnit(t, "wegweiser.service")
	for _, want := range []struct{ section, key, value string }{
		{"Service", "Type", "notify"},
		{"Service", "NotifyAccess", "all"}, // cage is the main process, the kiosk its child
		{"Service", "WatchdogSec", "30"},
		{"Service", "Restart", "always"},
		{"Service", "User", "kiosk"},
		{"Service", "StateDirectory", "wegweiser"},
		{"Unit", "StartLimitIntervalSec", "0"},
		{"Unit", "Conflicts", "getty@tty1.service"},
		{"Install", "WantedBy", "graphical.target"},
	} {
		if got := u.one(t, want.section, want.key); got != want.value {
			t.Errorf("[%s] %s = %q, want %q", want.section, want.key, got, want.value)
		}
	}
	restart, err := time.ParseDuration(u.one(t, "Service", "RestartSec") + "s")
	if err != nil || restart <= 0 || restart > 10*time.Second {
		t.Errorf("RestartSec %v: want a few seconds", restart)
	}
	cmd := strings.Fields(u.one(t, "Service", "ExecStart"))
	if len(cmd) < 4 || cmd[0] != "/usr/bin/cage" || !contains(cmd, "--") || !contains(cmd, "/usr/local/bin/wegweiser") {
		t.Errorf("ExecStart %q: want cage running /usr/local/bin/wegweiser", cmd)
	}
	if contains(cmd, "--windowed") {
		t.Error("the kiosk must start full screen")
	}
	if i := index(cmd, "--data"); i < 0 || i+1 >= len(cmd) || cmd[i+1] != "/var/lib/"+u.one(t, "Service", "StateDirectory") {
		t.Errorf("ExecStart %q: --data must be the StateDirectory", cmd)
	}
}

// TestSystemdAnalyzeVerify runs systemd's own check where it can: it needs
// systemd-analyze and, since it checks ExecStart, cage installed.
func TestSystemdAnalyzeVerify(t *testing.T) {
	if _, err := exec.LookPath("systemd-analyze"); err != nil {
		t.Skip("no systemd-analyze")
	}
	if _, err := os.Stat("/usr/bin/cage"); err != nil {
		t.Skip("cage is not installed, and verify checks that ExecStart exists")
	}
	out, err := exec.Command("systemd-analyze", "verify", "wegweiser.service").CombinedOutput()
	if err != nil || len(out) != 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}

func contains(list []string, s string) bool { return index(list, s) >= 0 }

func index(list []string, s string) int {
	for i, e := range list {
		if e == s {
			return i
		}
	}
	return -1
}
