package install

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// bundleServer serves one bundle file as a web server does (http.ServeContent:
// ETag, If-None-Match, Range, If-Range), or misbehaves as told.
type bundleServer struct {
	mu       sync.Mutex
	data     []byte
	etag     string
	mode     string // "": normal; "cut": send half and hang up; "stall": send half and wait; "trickle": a byte every 20 ms; "ignore-range": always 200; "garbage-206", "bad-206": wrong resumes
	requests []request
	release  chan struct{}
}

// request is what the server saw and answered.
type request struct {
	path, rangeHdr, ifRange, ifNoneMatch string
	status                               int
}

func newBundleServer(t *testing.T, data []byte, etag string) (*bundleServer, *httptest.Server) {
	b := &bundleServer{data: data, etag: etag, release: make(chan struct{})}
	srv := httptest.NewServer(b)
	t.Cleanup(func() { close(b.release); srv.Close() })
	return b, srv
}

func (b *bundleServer) set(data []byte, etag, mode string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.data, b.etag, b.mode = data, etag, mode
}

func (b *bundleServer) log() []request {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]request(nil), b.requests...)
}

func (b *bundleServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	data, etag, mode := b.data, b.etag, b.mode
	b.mu.Unlock()
	rec := &statusRecorder{ResponseWriter: w, status: 200}
	defer func() {
		b.mu.Lock()
		b.requests = append(b.requests, request{r.URL.Path, r.Header.Get("Range"), r.Header.Get("If-Range"), r.Header.Get("If-None-Match"), rec.status})
		b.mu.Unlock()
	}()
	if etag != "" {
		w.Header().Set("ETag", etag)
	}
	switch mode {
	case "cut":
		conn, buf, _ := w.(http.Hijacker).Hijack()
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\nETag: %s\r\n\r\n", len(data), etag)
		buf.Write(data[:len(data)/2])
		buf.Flush()
		conn.Close()
		return
	case "stall":
		w.Header().Set("Content-Length", fmt.Sprint(len(data)))
		w.Write(data[:len(data)/2])
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-b.release:
		}
		return
	case "trickle":
		w.Header().Set("Content-Length", fmt.Sprint(len(data)))
		for i := range data {
			if _, err := w.Write(data[i : i+1]); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-b.release:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
		return
	case "ignore-range":
		w.Header().Set("Content-Length", fmt.Sprint(len(data)))
		rec.WriteHeader(200)
		w.Write(data)
		return
	case "garbage-206": // every resume continues with a MiB of noise
		if r.Header.Get("Range") == "" {
			break
		}
		var from int
		fmt.Sscanf(r.Header.Get("Range"), "bytes=%d-", &from)
		noise := bytes.Repeat([]byte{0xA5}, 1<<20)
		w.Header().Set("Content-Range", fmt.Sprintf("bytes %d-%d/*", from, from+len(noise)-1))
		w.Header().Set("Content-Length", fmt.Sprint(len(noise)))
		rec.WriteHeader(206)
		w.Write(noise)
		return
	case "bad-206":
		if r.Header.Get("Range") == "" {
			break
		}
		w.Header().Set("Content-Range", fmt.Sprintf("bytes 0-%d/%d", len(data)-1, len(data)))
		rec.WriteHeader(206)
		w.Write(data)
		return
	}
	http.ServeContent(rec, r, "c.bundle", time.Time{}, bytes.NewReader(data))
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// quietTLSServer is an HTTPS test server that does not log failed handshakes.
func quietTLSServer(h http.Handler) *httptest.Server {
	ts := httptest.NewUnstartedServer(h)
	ts.Config.ErrorLog = log.New(io.Discard, "", 0)
	ts.StartTLS()
	return ts
}

// syncStore is a store with version 5 installed, syncing with short timeouts.
func syncStore(t *testing.T) (*Store, snapshot) {
	s, before := withV5(t)
	s.Client = NewClient(Timeouts{Connect: 2 * time.Second, TLS: 2 * time.Second, Response: 2 * time.Second})
	s.StallTimeout = 300 * time.Millisecond
	return s, before
}

func syncOnce(t *testing.T, s *Store, url string) (SyncResult, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return s.Sync(ctx, url, 6*time.Hour)
}

func partialSize(s *Store) int64 {
	info, err := os.Stat(s.partialPath())
	if err != nil {
		return -1
	}
	return info.Size()
}

func TestSyncInstallsAndThenNotModified(t *testing.T) {
	s, _ := syncStore(t)
	v7 := makeBundle(t, spec{version: 7})
	srv, ts := newBundleServer(t, v7, `"v7"`)
	res, err := syncOnce(t, s, ts.URL+"/c.bundle")
	if err != nil || res.Status != Updated || res.Install.Manifest.Version != 7 || !res.Next.Equal(testNow.Add(6*time.Hour)) {
		t.Fatalf("%+v %v", res, err)
	}
	// sync-threats 23: 304 Not Modified → nothing done, no error.
	before := takeSnapshot(t, s)
	res, err = syncOnce(t, s, ts.URL+"/c.bundle")
	if err != nil || res.Status != NotModified {
		t.Fatalf("second sync: %+v %v", res, err)
	}
	log := srv.log()
	if len(log) != 2 || log[1].ifNoneMatch != `"v7"` || log[1].status != 304 {
		t.Errorf("requests %+v", log)
	}
	assertUnchanged(t, s, before)
	st, _ := s.SyncState()
	if st.ETag != `"v7"` || st.Failures != 0 || st.LastResult != "the catalogue on the server has not changed" {
		t.Errorf("sync state %+v", st)
	}
}

// sync-threats 23 on its own: the 304 changes nothing and is no error.
func TestThreat23NotModified(t *testing.T) {
	s, _ := syncStore(t)
	_, ts := newBundleServer(t, makeBundle(t, spec{version: 7}), `"v7"`)
	if _, err := syncOnce(t, s, ts.URL); err != nil {
		t.Fatal(err)
	}
	before := takeSnapshot(t, s)
	stateBefore, _ := os.ReadFile(s.statePath())
	res, err := syncOnce(t, s, ts.URL)
	stateAfter, _ := os.ReadFile(s.statePath())
	if err != nil || res.Status != NotModified || !bytes.Equal(stateBefore, stateAfter) {
		t.Fatalf("%+v %v", res, err)
	}
	assertUnchanged(t, s, before)
}

// sync-threats 18: a body cut short is refused; the partial file is kept
// only with an ETag, and the next sync resumes it with Range and If-Range.
func TestThreat18BodyCutShort(t *testing.T) {
	s, before := syncStore(t)
	v7 := makeBundle(t, spec{version: 7})
	srv, ts := newBundleServer(t, v7, `"v7"`)
	srv.set(v7, `"v7"`, "cut")
	_, err := syncOnce(t, s, ts.URL)
	if !errors.Is(err, ErrCouldNotUpdate) || !strings.Contains(err.Error(), "cut short") {
		t.Fatalf("got %v", err)
	}
	assertUnchanged(t, s, before)
	if n := partialSize(s); n != int64(len(v7)/2) {
		t.Fatalf("partial file of %d bytes", n)
	}
	srv.set(v7, `"v7"`, "")
	res, err := syncOnce(t, s, ts.URL)
	if err != nil || res.Status != Updated {
		t.Fatalf("resume: %+v %v", res, err)
	}
	last := srv.log()[1]
	if last.rangeHdr != fmt.Sprintf("bytes=%d-", len(v7)/2) || last.ifRange != `"v7"` || last.status != 206 {
		t.Errorf("resume request %+v", last)
	}
	if partialSize(s) != -1 {
		t.Error("the partial file was not removed")
	}

	// Without an ETag the server cannot confirm a resume: nothing is kept.
	s2, _ := syncStore(t)
	srv.set(v7, "", "cut")
	syncOnce(t, s2, ts.URL)
	if n := partialSize(s2); n != -1 {
		t.Errorf("a partial file of %d bytes without an ETag was kept", n)
	}
}

// Issue 11 item 5: a server answering every resume with garbage cannot
// grow download.partial beyond the size the bundle's signed manifest gives;
// the damaged partial file is dropped and the next sync starts afresh.
func TestPartialDownloadBoundedBySignedSize(t *testing.T) {
	s, before := syncStore(t)
	v7 := makeBundle(t, spec{version: 7})
	srv, ts := newBundleServer(t, v7, `"v7"`)
	srv.set(v7, `"v7"`, "cut")
	if _, err := syncOnce(t, s, ts.URL); err == nil {
		t.Fatal("the cut download installed")
	}
	srv.set(v7, `"v7"`, "garbage-206")
	_, err := syncOnce(t, s, ts.URL)
	if !errors.Is(err, ErrCouldNotUpdate) || !strings.Contains(err.Error(), "signed size") {
		t.Fatalf("got %v", err)
	}
	if n := partialSize(s); n != -1 {
		t.Fatalf("a partial file of %d bytes was kept; the bundle has %d", n, len(v7))
	}
	assertUnchanged(t, s, before)
	srv.set(v7, `"v7"`, "")
	if res, err := syncOnce(t, s, ts.URL); err != nil || res.Status != Updated {
		t.Fatalf("after the garbage: %+v %v", res, err)
	}
}

// A partial file longer than the signed bundle (an earlier answer filled
// it with something else) is not continued but fetched anew.
func TestFullLengthPartialIsFetchedAnew(t *testing.T) {
	s, _ := syncStore(t)
	v7 := makeBundle(t, spec{version: 7})
	srv, ts := newBundleServer(t, v7, `"v7"`)
	srv.set(v7, `"v7"`, "cut")
	syncOnce(t, s, ts.URL)
	// Fill the partial to the signed length with noise after the header.
	f, err := os.OpenFile(s.partialPath(), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(bytes.Repeat([]byte{0x5A}, len(v7)))
	f.Close()
	srv.set(v7, `"v7"`, "")
	if res, err := syncOnce(t, s, ts.URL); err != nil || res.Status != Updated {
		t.Fatalf("%+v %v", res, err)
	}
	if last := srv.log()[len(srv.log())-1]; last.rangeHdr != "" {
		t.Errorf("the full-length partial file was continued: %+v", last)
	}
}

// sync-threats 19: a stalled body ends by the progress timeout, quickly,
// and the partial file is kept for a resume.
func TestThreat19BodyStalls(t *testing.T) {
	s, before := syncStore(t)
	v7 := makeBundle(t, spec{version: 7})
	srv, ts := newBundleServer(t, v7, `"v7"`)
	srv.set(v7, `"v7"`, "stall")
	done := make(chan error, 1)
	start := time.Now()
	go func() { _, err := syncOnce(t, s, ts.URL); done <- err }() // as the kiosk's background sync
	select {
	case err := <-done:
		if !errors.Is(err, ErrCouldNotUpdate) || !strings.Contains(err.Error(), "stalled") {
			t.Fatalf("got %v", err)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("took %v with a stall timeout of %v", d, s.StallTimeout)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the stalled download did not end")
	}
	assertUnchanged(t, s, before)
	if n := partialSize(s); n != int64(len(v7)/2) {
		t.Errorf("partial file of %d bytes", n)
	}
}

// A server that sends a byte now and then never stalls outright; a sync
// must still end (it brings less than MinProgress per stall timeout).
func TestTricklingServerEndsTheSync(t *testing.T) {
	s, before := syncStore(t)
	v7 := makeBundle(t, spec{version: 7})
	srv, ts := newBundleServer(t, v7, `"v7"`)
	srv.set(v7, `"v7"`, "trickle")
	start := time.Now()
	_, err := syncOnce(t, s, ts.URL)
	if !errors.Is(err, ErrCouldNotUpdate) || !strings.Contains(err.Error(), "stalled") {
		t.Fatalf("got %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v with a stall timeout of %v", d, s.StallTimeout)
	}
	assertUnchanged(t, s, before)
}

// However fast it trickles, a download ends at its deadline.
func TestDownloadDeadline(t *testing.T) {
	s, before := syncStore(t)
	s.StallTimeout, s.Deadline = time.Minute, 500*time.Millisecond
	v7 := makeBundle(t, spec{version: 7})
	srv, ts := newBundleServer(t, v7, `"v7"`)
	srv.set(v7, `"v7"`, "stall")
	_, err := syncOnce(t, s, ts.URL)
	if !errors.Is(err, ErrCouldNotUpdate) || !strings.Contains(err.Error(), "too slow") {
		t.Fatalf("got %v", err)
	}
	assertUnchanged(t, s, before)
}

// sync-threats 20: a server that ignores Range (200 instead of 206) gets
// the download restarted from zero, never appended.
func TestThreat20ServerIgnoresRange(t *testing.T) {
	s, _ := syncStore(t)
	v7 := makeBundle(t, spec{version: 7})
	srv, ts := newBundleServer(t, v7, `"v7"`)
	srv.set(v7, `"v7"`, "cut")
	syncOnce(t, s, ts.URL)
	srv.set(v7, `"v7"`, "ignore-range")
	res, err := syncOnce(t, s, ts.URL)
	if err != nil || res.Status != Updated || res.Install.Manifest.Version != 7 {
		t.Fatalf("%+v %v", res, err)
	}
	if last := srv.log()[1]; last.rangeHdr == "" || last.status != 200 {
		t.Errorf("request %+v", last)
	}
	// A 206 that does not continue where the file ended: restart too.
	s2, _ := syncStore(t)
	srv.set(v7, `"v7"`, "cut")
	syncOnce(t, s2, ts.URL)
	srv.set(v7, `"v7"`, "bad-206")
	if res, err := syncOnce(t, s2, ts.URL); err != nil || res.Status != Updated {
		t.Fatalf("bad 206: %+v %v", res, err)
	}
}

// sync-threats 21: the content changed between attempts (If-Range does not
// match, the server sends it all), or the range is not satisfiable (416):
// the download restarts.
func TestThreat21ContentChangedOr416(t *testing.T) {
	s, _ := syncStore(t)
	v7 := makeBundle(t, spec{version: 7})
	v8 := makeBundle(t, spec{version: 8})
	srv, ts := newBundleServer(t, v7, `"v7"`)
	srv.set(v7, `"v7"`, "cut")
	syncOnce(t, s, ts.URL)
	srv.set(v8, `"v8"`, "")
	res, err := syncOnce(t, s, ts.URL)
	if err != nil || res.Install.Manifest.Version != 8 {
		t.Fatalf("%+v %v", res, err)
	}
	if last := srv.log()[1]; last.ifRange != `"v7"` || last.status != 200 {
		t.Errorf("request %+v", last)
	}

	// 416: the partial file is as long as the server's file (a crash
	// came between the download and its install).
	s2, _ := syncStore(t)
	os.MkdirAll(s2.syncDir(), 0o755)
	os.WriteFile(s2.partialPath(), v8, 0o644)
	s2.writeSyncState(SyncState{URL: ts.URL, PartialETag: `"v8"`})
	res, err = syncOnce(t, s2, ts.URL)
	if err != nil || res.Install.Manifest.Version != 8 {
		t.Fatalf("after 416: %+v %v", res, err)
	}
	log := srv.log()
	if log[2].status != 416 || log[3].rangeHdr != "" || log[3].status != 200 {
		t.Errorf("requests %+v", log[2:])
	}
}

// sync-threats 22: a redirect to another host or scheme is refused; one
// on the same server is followed.
func TestThreat22Redirects(t *testing.T) {
	s, before := syncStore(t)
	v7 := makeBundle(t, spec{version: 7})
	other, otherTS := newBundleServer(t, v7, `"v7"`)
	tlsTS := quietTLSServer(other)
	defer tlsTS.Close()
	mux := http.NewServeMux()
	mux.Handle("/other-host", http.RedirectHandler(otherTS.URL+"/c.bundle", http.StatusFound))
	mux.Handle("/other-scheme", http.RedirectHandler(tlsTS.URL+"/c.bundle", http.StatusMovedPermanently))
	mux.Handle("/same", http.RedirectHandler("/c.bundle", http.StatusFound))
	mux.HandleFunc("/c.bundle", func(w http.ResponseWriter, r *http.Request) {
		http.ServeContent(w, r, "c.bundle", time.Time{}, bytes.NewReader(v7))
	})
	ts := httptest.NewServer(mux)
	defer ts.Close()
	for _, path := range []string{"/other-host", "/other-scheme"} {
		_, err := syncOnce(t, s, ts.URL+path)
		if !errors.Is(err, ErrRedirect) || !errors.Is(err, ErrCouldNotUpdate) {
			t.Errorf("%s: %v", path, err)
		}
		t.Log(err)
	}
	if len(other.log()) != 0 {
		t.Errorf("the other server was asked: %+v", other.log())
	}
	assertUnchanged(t, s, before)
	if res, err := syncOnce(t, s, ts.URL+"/same"); err != nil || res.Status != Updated {
		t.Errorf("same-host redirect: %+v %v", res, err)
	}
}

// sync-threats 24: offline, a DNS failure, a TLS failure: "could not
// update", the catalogue unchanged, tried again later with back-off.
func TestThreat24OfflineDNSTLS(t *testing.T) {
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	offline := "http://" + closed.Addr().String() + "/c.bundle"
	closed.Close()
	tlsTS := quietTLSServer(http.NotFoundHandler()) // its certificate is trusted by nobody
	defer tlsTS.Close()
	for _, c := range []struct{ name, url, want string }{
		{"offline", offline, "could not be reached"},
		{"DNS", "http://wegweiser-sync-test.invalid/c.bundle", "could not be found"},
		{"TLS", tlsTS.URL + "/c.bundle", "certificate could not be verified"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, before := syncStore(t)
			var nexts []time.Time
			for range 3 {
				res, err := syncOnce(t, s, c.url)
				if !errors.Is(err, ErrCouldNotUpdate) || !strings.HasPrefix(err.Error(), "could not update: ") || !strings.Contains(err.Error(), c.want) {
					t.Fatalf("got %v", err)
				}
				nexts = append(nexts, res.Next)
			}
			if nexts[0] != testNow.Add(time.Minute) || nexts[1] != testNow.Add(2*time.Minute) || nexts[2] != testNow.Add(4*time.Minute) {
				t.Errorf("back-off %v", nexts)
			}
			st, _ := s.SyncState()
			if st.Failures != 3 || !strings.HasPrefix(st.LastResult, "could not update") {
				t.Errorf("sync state %+v", st)
			}
			assertUnchanged(t, s, before)
		})
	}
}

func TestNextAttempt(t *testing.T) {
	at := testNow
	for failures, want := range map[int]time.Duration{
		0: 6 * time.Hour, 1: time.Minute, 2: 2 * time.Minute, 3: 4 * time.Minute, 8: 128 * time.Minute,
		9: 256 * time.Minute, 10: 6 * time.Hour, 1000: 6 * time.Hour,
	} {
		if got := NextAttempt(at, failures, 6*time.Hour); got.Sub(at) != want {
			t.Errorf("%d failures: after %v, want %v", failures, got.Sub(at), want)
		}
	}
	if got := NextAttempt(at, 0, 0); got.Sub(at) != 6*time.Hour {
		t.Errorf("no interval: %v", got.Sub(at))
	}
}

func TestSyncRefusesWhatTheCheckRefuses(t *testing.T) {
	s, before := syncStore(t)
	v4 := makeBundle(t, spec{version: 4})
	_, ts := newBundleServer(t, v4, `"v4"`)
	res, err := syncOnce(t, s, ts.URL)
	if !errors.Is(err, ErrOlder) || errors.Is(err, ErrCouldNotUpdate) || res.Next != testNow.Add(time.Minute) {
		t.Fatalf("%+v %v", res, err)
	}
	assertUnchanged(t, s, before)
	if partialSize(s) != -1 {
		t.Error("the refused download was kept")
	}
	// Too large, by Content-Length and without one.
	s.MaxBundle = 1000
	if _, err := syncOnce(t, s, ts.URL); !errors.Is(err, ErrTooLarge) {
		t.Errorf("too large: %v", err)
	}
	endless := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < 100 && r.Context().Err() == nil; i++ {
			w.Write(make([]byte, 1000))
		}
	}))
	defer endless.Close()
	if _, err := syncOnce(t, s, endless.URL); !errors.Is(err, ErrTooLarge) {
		t.Errorf("endless: %v", err)
	}
	assertUnchanged(t, s, before)
	notFound := httptest.NewServer(http.NotFoundHandler())
	defer notFound.Close()
	if _, err := syncOnce(t, s, notFound.URL); !errors.Is(err, ErrCouldNotUpdate) || !strings.Contains(err.Error(), "404") {
		t.Errorf("404: %v", err)
	}
}

// A version staff rolled back is not installed again by the sync, but by
// hand it is.
func TestSyncSkipsWithdrawnVersion(t *testing.T) {
	s, _ := syncStore(t)
	v7 := makeBundle(t, spec{version: 7})
	_, ts := newBundleServer(t, v7, "") // no ETag: every sync downloads
	if res, err := syncOnce(t, s, ts.URL); err != nil || res.Status != Updated {
		t.Fatalf("%+v %v", res, err)
	}
	if _, _, err := s.Rollback(); err != nil {
		t.Fatal(err)
	}
	if _, err := syncOnce(t, s, ts.URL); !errors.Is(err, ErrWithdrawn) {
		t.Fatalf("after rollback: %v", err)
	}
	if res, err := installBundle(t, s, spec{version: 7}); err != nil || !res.Installed {
		t.Fatalf("by hand: %+v %v", res, err)
	}
}

func TestSyncLoop(t *testing.T) {
	s, _ := syncStore(t)
	s.Now = time.Now
	issued := time.Now().UTC().Add(-time.Hour)
	_, ts := newBundleServer(t, makeBundle(t, spec{version: 7, issued: issued}), `"v7"`)
	ctx, cancel := context.WithCancel(context.Background())
	reports := make(chan string, 10)
	done := make(chan struct{})
	go func() {
		s.SyncLoop(ctx, ts.URL, time.Hour, func(r SyncResult, err error) { reports <- fmt.Sprint(r, err) })
		close(done)
	}()
	select {
	case r := <-reports:
		if r != "installed version 7 <nil>" {
			t.Errorf("report %q", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no sync")
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("SyncLoop did not stop")
	}
}
