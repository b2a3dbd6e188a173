package install

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// nginxConf serves PREFIX/www on a loopback port, logging what the sync
// depends on: the status, and the Range, If-Range and If-None-Match headers.
const nginxConf = `daemon off;
master_process off;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
events { worker_connections 32; }
http {
    default_type application/octet-stream;
    client_body_temp_path %[1]s/tmp;
    proxy_temp_path %[1]s/tmp;
    fastcgi_temp_path %[1]s/tmp;
    uwsgi_temp_path %[1]s/tmp;
    scgi_temp_path %[1]s/tmp;
    log_format sync '$status range="$http_range" if_range="$http_if_range" if_none_match="$http_if_none_match" sent=$body_bytes_sent';
    access_log %[1]s/access.log sync;
    server {
        listen 127.0.0.1:%[2]d;
        root %[1]s/www;
        location /catalog/ {
            etag on;
        }
    }
}
`

// startNginx runs nginx on a free loopback port with a temporary root
// and returns its base URL, its www folder and a function giving the
// access log's lines.
func startNginx(t *testing.T) (base, www string, accessLog func() []string) {
	t.Helper()
	bin, err := exec.LookPath("nginx")
	if err != nil {
		bin = "/usr/sbin/nginx"
		if _, err := os.Stat(bin); err != nil {
			t.Skip("nginx is not installed (Debian: apt-get install nginx); skipping the end-to-end sync test against a real web server")
		}
	}
	prefix := t.TempDir()
	www = filepath.Join(prefix, "www")
	os.MkdirAll(filepath.Join(www, "catalog"), 0o755)
	os.MkdirAll(filepath.Join(prefix, "tmp"), 0o755)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	conf := filepath.Join(prefix, "nginx.conf")
	os.WriteFile(conf, []byte(fmt.Sprintf(nginxConf, prefix, port)), 0o644)
	cmd := exec.Command(bin, "-p", prefix, "-c", conf, "-e", filepath.Join(prefix, "error.log"))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	base = fmt.Sprintf("http://127.0.0.1:%d", port)
	for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
		if conn, err := net.Dial("tcp", base[len("http://"):]); err == nil {
			conn.Close()
			break
		}
		if time.Since(start) > 10*time.Second {
			errLog, _ := os.ReadFile(filepath.Join(prefix, "error.log"))
			t.Fatalf("nginx did not start: %s\n%s", out.String(), errLog)
		}
	}
	return base, www, func() []string {
		b, _ := os.ReadFile(filepath.Join(prefix, "access.log"))
		return strings.Split(strings.TrimSpace(string(b)), "\n")
	}
}

// publish puts a bundle on the server with its own modification time, so
// that nginx gives it a new ETag, and returns that ETag.
func publish(t *testing.T, base, www string, data []byte, mtime time.Time) string {
	t.Helper()
	path := filepath.Join(www, "catalog", "kiosk.bundle")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(path, mtime, mtime)
	resp, err := http.Head(base + "/catalog/kiosk.bundle")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.Header.Get("ETag")
}

// The sync against a real nginx: a full download, 304 with If-None-Match,
// a resume with Range and If-Range (206), a restart when the file changed
// (200 to an If-Range that no longer matches) and after 416.
func TestSyncWithNginx(t *testing.T) {
	base, www, accessLog := startNginx(t)
	url := base + "/catalog/kiosk.bundle"
	s, _ := syncStore(t)
	ctx := context.Background()
	sync := func(want SyncStatus, version int64) {
		t.Helper()
		res, err := s.Sync(ctx, url, 6*time.Hour)
		if err != nil || res.Status != want || (version != 0 && res.Install.Manifest.Version != version) {
			t.Fatalf("sync: %+v %v\n%s", res, err, strings.Join(accessLog(), "\n"))
		}
		if _, v, _ := s.Current(); version != 0 && v != version {
			t.Fatalf("installed version %d, want %d", v, version)
		}
	}
	lastLog := func() string { l := accessLog(); return l[len(l)-1] }

	etag7 := publish(t, base, www, makeBundle(t, spec{version: 7}), testIssued)
	if strongETag(etag7) == "" {
		t.Fatalf("nginx sent no strong ETag: %q", etag7)
	}
	sync(Updated, 7)
	if got := lastLog(); !strings.HasPrefix(got, "200 ") {
		t.Errorf("full download: %s", got)
	}

	sync(NotModified, 0)
	// nginx logs a quote as \x22 and a missing header as "-".
	tag7 := strings.ReplaceAll(etag7, `"`, `\x22`)
	if got := lastLog(); got != `304 range="-" if_range="-" if_none_match="`+tag7+`" sent=0` {
		t.Errorf("conditional request: %s", got)
	}

	// A download of version 9 was interrupted halfway: it resumes.
	v9 := makeBundle(t, spec{version: 9})
	etag9 := publish(t, base, www, v9, testIssued.Add(time.Hour))
	half := len(v9) / 2
	interrupted(t, s, url, v9[:half], etag9)
	sync(Updated, 9)
	if got := lastLog(); !strings.HasPrefix(got, fmt.Sprintf(`206 range="bytes=%d-"`, half)) || !strings.HasSuffix(got, fmt.Sprintf("sent=%d", len(v9)-half)) {
		t.Errorf("resume: %s", got)
	}

	// The file changed since the partial download: If-Range does not match,
	// nginx sends the whole new file.
	v10 := makeBundle(t, spec{version: 10})
	publish(t, base, www, v10, testIssued.Add(2*time.Hour))
	interrupted(t, s, url, v9[:half], etag9)
	sync(Updated, 10)
	if got := lastLog(); !strings.HasPrefix(got, fmt.Sprintf(`200 range="bytes=%d-"`, half)) || !strings.HasSuffix(got, fmt.Sprintf("sent=%d", len(v10))) {
		t.Errorf("changed file: %s", got)
	}

	// A partial file as long as the server's: 416, then a full download.
	// (One longer than its signed size is not continued at all.)
	v11 := makeBundle(t, spec{version: 11})
	etag11 := publish(t, base, www, v11, testIssued.Add(3*time.Hour))
	interrupted(t, s, url, v11, etag11)
	sync(Updated, 11)
	l := accessLog()
	if len(l) < 2 || !strings.HasPrefix(l[len(l)-2], "416 ") || !strings.HasPrefix(l[len(l)-1], `200 range="-"`) {
		t.Errorf("416: %s", strings.Join(l[len(l)-2:], "\n"))
	}
}

// interrupted leaves the data folder as a download cut short leaves it.
func interrupted(t *testing.T, s *Store, url string, partial []byte, etag string) {
	t.Helper()
	st, _ := s.SyncState()
	st.URL, st.PartialETag = url, etag
	if err := s.writeSyncState(st); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.partialPath(), partial, 0o644); err != nil {
		t.Fatal(err)
	}
}
