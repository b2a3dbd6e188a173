package status

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// Issue 15: the kiosk PUTs its status (and once a day its statistics) to
// the report url with the catalogue and kiosk filled in; a failing server
// gets the next attempt after 1, 2, 4 … minutes; success resets it.
func TestUploadWithBackOff(t *testing.T) {
	var mu sync.Mutex
	got := map[string]string{}
	failing := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.Method != http.MethodPut || failing {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		b, _ := io.ReadAll(r.Body)
		got[r.URL.Path] = string(b)
		w.WriteHeader(http.StatusCreated)
	}))
	defer srv.Close()
	u := &Uploader{URL: srv.URL + "/reports/{catalog}/{kiosk}/"}
	s := sampleStatus()
	now := s.Written
	statsCalls := 0
	stats := func() ([]byte, error) { statsCalls++; return []byte("day,kind,item,lang,count\n"), nil }
	if err := u.Upload(context.Background(), s, stats, now); err != nil {
		t.Fatal(err)
	}
	base := "/reports/suedniedersachsen/holzminden-1/"
	if r, err := Read(writeTemp(t, got[base+"status.json"])); err != nil || r.Kiosk != "holzminden-1" || got[base+"statistik.csv"] == "" {
		t.Fatalf("uploaded %v (%v)", got, err)
	}
	u.Upload(context.Background(), s, stats, now.Add(time.Hour))
	if statsCalls != 1 {
		t.Errorf("the statistics were sent %d times on one day", statsCalls)
	}

	mu.Lock()
	failing = true
	mu.Unlock()
	at := now.Add(2 * time.Hour)
	for i, wait := range []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute} {
		if err := u.Upload(context.Background(), s, stats, at); err == nil {
			t.Fatalf("attempt %d: no error from a failing server", i)
		}
		if u.Due(at.Add(wait-time.Second)) || !u.Due(at.Add(wait)) {
			t.Errorf("attempt %d: the next one is not %v later", i, wait)
		}
		at = at.Add(wait)
	}
	mu.Lock()
	failing = false
	mu.Unlock()
	if err := u.Upload(context.Background(), s, stats, at); err != nil || !u.Due(at) {
		t.Errorf("after the server is back: %v", err)
	}
}

func writeTemp(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	p := dir + "/" + FileName
	if err := writeFile(p, text); err != nil {
		t.Fatal(err)
	}
	return p
}
