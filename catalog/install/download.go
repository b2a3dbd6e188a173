package install

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrCouldNotUpdate: the sync could not fetch a bundle (offline, DNS,
// TLS, a timeout, a server error). The catalogue is unchanged; the sync
// tries again later.
var ErrCouldNotUpdate = errors.New("could not update")

// errStalled ends a download that receives less than MinProgress within
// StallTimeout; errTooSlow one that is not done within its deadline.
var (
	errStalled = errors.New("stalled")
	errTooSlow = errors.New("too slow: not done within its time")
)

// fetched is the outcome of a download.
type fetched struct {
	notModified bool   // 304: the installed bundle is still the server's
	etag        string // the complete file's strong ETag, "" if none
}

// download fetches rawURL into download.partial: conditionally (If-None-Match
// with the ETag of the installed bundle) and, when a partial file from an
// earlier attempt has a strong ETag, from where it ended (Range with
// If-Range). A server that answers 200 instead of 206, or 416, or a 206
// that does not continue the file, gets a download from the start.
func (s *Store) download(ctx context.Context, rawURL string, st *SyncState) (fetched, error) {
	partial := s.partialPath()
	have := int64(0)
	if info, err := os.Stat(partial); err == nil && st.PartialETag != "" && info.Mode().IsRegular() {
		have = info.Size()
	}
	if have > 0 {
		// A partial file longer than its signed size was damaged by an
		// earlier answer: it cannot be continued.
		if newSignedSize(nil, s.trust.Keys, partialPrefix(partial), have, s.maxBundle()).beyond(have) {
			have = 0
		}
	}
	if have == 0 {
		s.dropPartial(st)
	}
	for attempt := 0; ; attempt++ {
		f, restart, err := s.fetchOnce(ctx, rawURL, st, have)
		if !restart || attempt > 0 {
			return f, err
		}
		s.dropPartial(st)
		have = 0
	}
}

// fetchOnce makes one request. restart asks for another one from the start.
func (s *Store) fetchOnce(ctx context.Context, rawURL string, st *SyncState, have int64) (f fetched, restart bool, err error) {
	ctx, stop := context.WithTimeoutCause(ctx, s.downloadDeadline(), errTooSlow)
	defer stop()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return f, false, fmt.Errorf("%w: the address %q is not valid", ErrCouldNotUpdate, rawURL)
	}
	if st.ETag != "" {
		req.Header.Set("If-None-Match", st.ETag)
	}
	if have > 0 {
		req.Header.Set("Range", "bytes="+strconv.FormatInt(have, 10)+"-")
		req.Header.Set("If-Range", st.PartialETag)
	}
	resp, err := s.client().Do(req)
	if err != nil {
		return f, false, networkError(err, ctx)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified && st.ETag != "":
		s.dropPartial(st)
		return fetched{notModified: true}, false, nil
	case resp.StatusCode == http.StatusRequestedRangeNotSatisfiable && have > 0:
		return f, true, nil
	case resp.StatusCode == http.StatusPartialContent && have > 0:
		if !continues(resp, have, st.PartialETag) {
			return f, true, nil
		}
	case resp.StatusCode == http.StatusOK:
		have = 0 // the whole file: start again
	case resp.StatusCode == http.StatusNotFound:
		return f, false, fmt.Errorf("%w: the server has no catalogue at this address (%s)", ErrCouldNotUpdate, resp.Status)
	default:
		return f, false, fmt.Errorf("%w: the server answered %q", ErrCouldNotUpdate, resp.Status)
	}

	etag := strongETag(resp.Header.Get("ETag"))
	if etag == "" && have > 0 {
		etag = st.PartialETag // a 206 to our If-Range confirmed it
	}
	if resp.ContentLength >= 0 && have+resp.ContentLength > s.maxBundle() {
		s.dropPartial(st)
		return f, false, fmt.Errorf("%w: the server offers %s, at most %s", ErrTooLarge, megabytes(have+resp.ContentLength), megabytes(s.maxBundle()))
	}
	// Note the partial file's tag before writing to it: after a crash in the
	// middle of the download, the file is resumed only with its own tag.
	st.PartialETag = etag
	if err := s.writeSyncState(*st); err != nil {
		return f, false, diskError(err)
	}
	flag := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if have > 0 {
		flag = os.O_WRONLY | os.O_APPEND
	}
	out, err := s.disk.OpenFile(s.partialPath(), flag)
	if err != nil {
		return f, false, diskError(err)
	}
	stall := &stallReader{r: resp.Body, timer: time.AfterFunc(s.stallTimeout(), func() { cancel(errStalled) }), after: s.stallTimeout()}
	defer stall.timer.Stop()
	var prefix []byte
	if have > 0 {
		prefix = partialPrefix(s.partialPath())
	}
	body := newSignedSize(stall, s.trust.Keys, prefix, have, s.maxBundle())
	n, err := copyChecked(ctx, out, body, s.maxBundle()-have+1)
	if cerr := out.Close(); err == nil && cerr != nil {
		err = diskError(cerr)
	}
	switch {
	case errors.Is(err, ErrDisk):
		s.dropPartial(st)
		return f, false, err
	case body.over:
		s.dropPartial(st)
		return f, false, fmt.Errorf("%w: %v (%s)", ErrCouldNotUpdate, errBeyondSigned, megabytes(body.limit))
	case err != nil:
		if etag == "" {
			s.dropPartial(st) // a resume could not be confirmed
		}
		return f, false, networkError(err, ctx)
	case have+n > s.maxBundle():
		s.dropPartial(st)
		return f, false, fmt.Errorf("%w: more than %s", ErrTooLarge, megabytes(s.maxBundle()))
	case resp.ContentLength >= 0 && n < resp.ContentLength:
		return f, false, networkError(io.ErrUnexpectedEOF, ctx)
	}
	return fetched{etag: etag}, false, nil
}

// continues tells whether a 206 answer continues the partial file: it
// starts at have and is of the same bundle.
func continues(resp *http.Response, have int64, etag string) bool {
	if tag := strongETag(resp.Header.Get("ETag")); tag != "" && tag != etag {
		return false
	}
	rest, ok := strings.CutPrefix(resp.Header.Get("Content-Range"), "bytes ")
	if !ok {
		return false
	}
	start, _, ok := strings.Cut(rest, "-")
	n, err := strconv.ParseInt(start, 10, 64)
	return ok && err == nil && n == have
}

// strongETag returns a strong ETag as sent, "" for a weak or missing one
// (a weak tag cannot confirm a byte range).
func strongETag(tag string) string {
	tag = strings.TrimSpace(tag)
	if len(tag) < 2 || tag[0] != '"' || tag[len(tag)-1] != '"' {
		return ""
	}
	return tag
}

// dropPartial removes the partial download and forgets its tag.
func (s *Store) dropPartial(st *SyncState) {
	os.Remove(s.partialPath())
	st.PartialETag = ""
}

// stallReader restarts its timer whenever data arrives.
// stallReader ends a download (through its timer) that does not bring
// MinProgress bytes within each stall timeout: a server trickling a byte
// every 20 seconds kept a sync alive for ever.
type stallReader struct {
	r     io.Reader
	timer *time.Timer
	after time.Duration
	since int64 // bytes since the timer was last reset
}

// MinProgress is how much a download must bring within each stall timeout
// (a minute by default: about 1 KB/s, a very slow line).
const MinProgress = 64 << 10

func (s *stallReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	s.since += int64(n)
	if s.since >= MinProgress {
		s.timer.Reset(s.after)
		s.since = 0
	}
	return n, err
}

// networkError explains a failed request or download for staff.
func networkError(err error, ctx context.Context) error {
	var (
		dns     *net.DNSError
		unknown x509.UnknownAuthorityError
		host    x509.HostnameError
		invalid x509.CertificateInvalidError
		verify  *tls.CertificateVerificationError
		record  tls.RecordHeaderError
		alert   tls.AlertError
		netErr  net.Error
	)
	var reason string
	switch {
	case errors.Is(context.Cause(ctx), errStalled):
		reason = "the download stalled (almost no data arrived for a while); it continues from there next time"
	case errors.Is(context.Cause(ctx), errTooSlow):
		reason = "the download was too slow to finish in time; it continues from there next time"
	case errors.Is(err, ErrRedirect):
		return fmt.Errorf("%w: %w", ErrCouldNotUpdate, unwrapURLError(err))
	case errors.As(err, &dns):
		reason = fmt.Sprintf("the server's name %q could not be found (is the kiosk offline?)", dns.Name)
	case errors.As(err, &unknown), errors.As(err, &host), errors.As(err, &invalid), errors.As(err, &verify):
		reason = "the server's certificate could not be verified, so the connection is not trusted"
	case errors.As(err, &record), errors.As(err, &alert):
		reason = "the secure (TLS) connection to the server failed"
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		reason = "the server could not be reached (is the kiosk offline?)"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), errors.Is(err, syscall.ECONNRESET):
		reason = "the download was cut short"
	case errors.As(err, &netErr) && netErr.Timeout():
		reason = "the server did not answer in time"
	case ctx.Err() != nil:
		return ctx.Err()
	default:
		reason = unwrapURLError(err).Error()
	}
	return fmt.Errorf("%w: %s", ErrCouldNotUpdate, reason)
}

// unwrapURLError drops the "Get "https://…":" that net/http puts in front.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
