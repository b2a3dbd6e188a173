package linkcheck

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"wegweiser/catalog/source"
)

// Issue 14: every website is tried (HEAD, then GET), in bounded time; the
// dead ones are reported with their file and line.
func TestCheck(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ok":
		case "/no-head": // refuses HEAD, serves GET
			if r.Method == http.MethodHead {
				w.WriteHeader(http.StatusMethodNotAllowed)
			}
		case "/slow":
			time.Sleep(2 * time.Second)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	deadAddr := "http://" + closed.Addr().String() + "/"
	closed.Close()

	links := []source.Link{
		{Path: "offers/a.toml", Line: 3, URL: srv.URL + "/ok"},
		{Path: "offers/a.toml", Line: 9, URL: srv.URL + "/no-head"},
		{Path: "offers/b.toml", Line: 4, URL: srv.URL + "/gone"},
		{Path: "offers/b.toml", Line: 7, URL: deadAddr},
		{Path: "offers/c.toml", Line: 2, URL: srv.URL + "/slow"},
		{Path: "offers/c.toml", Line: 5, URL: srv.URL + "/ok"}, // the same address again
	}
	start := time.Now()
	results := Check(context.Background(), links, Options{Timeout: 300 * time.Millisecond})
	if d := time.Since(start); d > 1500*time.Millisecond {
		t.Errorf("took %v", d)
	}
	wantDead := []bool{false, false, true, true, true, false}
	for i, r := range results {
		if r.Dead() != wantDead[i] || r.Path != links[i].Path || r.Line != links[i].Line {
			t.Errorf("%s:%d %s: dead %v (%s), want %v", r.Path, r.Line, r.URL, r.Dead(), r.Reason(), wantDead[i])
		}
	}
	if results[2].Reason() != "the server answered 404 Not Found" {
		t.Errorf("%q", results[2].Reason())
	}
}
