package install

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Timeouts bound each part of a download, so that a dead network or a
// server that stops sending never holds the sync up for long.
type Timeouts struct {
	Connect  time.Duration // to open the connection
	TLS      time.Duration // for the TLS handshake
	Response time.Duration // for the response's headers after the request was sent
	Stall    time.Duration // with no data arriving while the body is read (Store.StallTimeout)
}

// DefaultTimeouts suit a slow office line: a stalled download ends after a
// minute without data, a long one that keeps moving runs to its end.
var DefaultTimeouts = Timeouts{Connect: 15 * time.Second, TLS: 15 * time.Second, Response: 30 * time.Second, Stall: time.Minute}

// ErrRedirect: the server redirected to another host or scheme.
var ErrRedirect = errors.New("the server sent the kiosk to another address, which the kiosk does not follow")

// NewClient is the HTTP client of the sync: the timeouts above, no
// transparent decompression (byte ranges are of the file as stored), and
// redirects followed only on the same scheme and host.
func NewClient(t Timeouts) *http.Client {
	dialer := &net.Dialer{Timeout: t.Connect, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   t.TLS,
		ResponseHeaderTimeout: t.Response,
		DisableCompression:    true,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          2,
		IdleConnTimeout:       90 * time.Second,
	}
	return &http.Client{Transport: transport, CheckRedirect: sameOrigin}
}

// sameOrigin refuses a redirect to another scheme or host (and port).
func sameOrigin(req *http.Request, via []*http.Request) error {
	if len(via) >= 5 {
		return fmt.Errorf("%w: too many redirects", ErrRedirect)
	}
	first := via[0].URL
	if req.URL.Scheme != first.Scheme || req.URL.Host != first.Host {
		return fmt.Errorf("%w (from %s://%s to %s://%s)", ErrRedirect, first.Scheme, first.Host, req.URL.Scheme, req.URL.Host)
	}
	return nil
}

func (s *Store) client() *http.Client {
	if s.Client != nil {
		return s.Client
	}
	return NewClient(DefaultTimeouts)
}

// DownloadDeadline is how long one request of a sync may take at most;
// a partial file confirmed by its ETag is resumed by the next sync.
const DownloadDeadline = 2 * time.Hour

func (s *Store) downloadDeadline() time.Duration {
	if s.Deadline > 0 {
		return s.Deadline
	}
	return DownloadDeadline
}

func (s *Store) stallTimeout() time.Duration {
	if s.StallTimeout > 0 {
		return s.StallTimeout
	}
	return DefaultTimeouts.Stall
}
