// Package linkcheck tries the web addresses of a catalogue source, for
// coordinators who must know which offers' websites have gone: HEAD first,
// GET when a server refuses HEAD, several at a time, each within a time
// limit. It reads the network; nothing else in the catalogue's build does.
package linkcheck

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"wegweiser/catalog/source"
)

// Result is what trying one address gave.
type Result struct {
	source.Link
	Status int   // the final HTTP status, 0 when none came
	Err    error // why it could not be fetched
}

// Dead reports whether the address does not lead to a page.
func (r Result) Dead() bool { return r.Err != nil || r.Status >= 400 }

// Reason says in words why an address is dead.
func (r Result) Reason() string {
	if r.Err != nil {
		return r.Err.Error()
	}
	return fmt.Sprintf("the server answered %d %s", r.Status, http.StatusText(r.Status))
}

// Options bound the check.
type Options struct {
	Timeout  time.Duration // per address; 0 means 15 s
	Parallel int           // addresses tried at once; 0 means 8
	Client   *http.Client  // nil means a client with Timeout
}

// Check tries every link (each address once, however often it appears)
// and returns a result per link, in the order given.
func Check(ctx context.Context, links []source.Link, o Options) []Result {
	if o.Timeout == 0 {
		o.Timeout = 15 * time.Second
	}
	if o.Parallel == 0 {
		o.Parallel = 8
	}
	client := o.Client
	if client == nil {
		client = &http.Client{Timeout: o.Timeout}
	}
	type outcome struct {
		status int
		err    error
	}
	byURL := map[string]*outcome{}
	var urls []string
	for _, l := range links {
		if _, ok := byURL[l.URL]; !ok {
			byURL[l.URL] = &outcome{}
			urls = append(urls, l.URL)
		}
	}
	var wg sync.WaitGroup
	slots := make(chan struct{}, o.Parallel)
	for _, u := range urls {
		wg.Add(1)
		slots <- struct{}{}
		go func(u string) {
			defer wg.Done()
			defer func() { <-slots }()
			out := byURL[u]
			out.status, out.err = try(ctx, client, o.Timeout, u)
		}(u)
	}
	wg.Wait()
	results := make([]Result, len(links))
	for i, l := range links {
		results[i] = Result{Link: l, Status: byURL[l.URL].status, Err: byURL[l.URL].err}
	}
	return results
}

// try fetches an address: HEAD, then GET when HEAD fails or is refused
// (many servers answer HEAD with 403, 404 or 405 but GET with 200).
func try(ctx context.Context, client *http.Client, timeout time.Duration, u string) (int, error) {
	status, err := fetch(ctx, client, timeout, http.MethodHead, u)
	if err == nil && status < 400 {
		return status, nil
	}
	return fetch(ctx, client, timeout, http.MethodGet, u)
}

func fetch(ctx context.Context, client *http.Client, timeout time.Duration, method, u string) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("User-Agent", "Wegweiser link check (catalogue upkeep)")
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
