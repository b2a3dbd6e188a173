package status

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Uploader puts a kiosk's report to a web server (kiosk.toml [report]
// url): status.json every time, statistik.csv once a day (closed days
// only, so it changes once a day). It works with any server that accepts
// HTTP PUT: nginx with WebDAV (dav_methods PUT), or an S3-compatible store
// behind such a gateway. Only the newest report waits to be sent (a queue
// of one): a kiosk offline for a week sends one report, not thousands.
type Uploader struct {
	URL    string // with {catalog} and {kiosk}, ending in /
	Client *http.Client

	lastStats string        // the day statistik.csv was last sent
	failures  int           // in a row
	next      time.Time     // no attempt before this (back-off)
	MaxWait   time.Duration // longest back-off; 0 means an hour
}

// Base is the folder URL of a kiosk's reports.
func (u *Uploader) Base(s Status) string {
	kiosk := s.Kiosk
	if kiosk == "" {
		kiosk = "kiosk"
	}
	r := strings.NewReplacer("{catalog}", url.PathEscape(s.Catalog.ID), "{kiosk}", url.PathEscape(kiosk))
	return r.Replace(u.URL)
}

// Due reports whether an upload may be tried at now (not backing off).
func (u *Uploader) Due(now time.Time) bool { return !now.Before(u.next) }

// Upload puts the status, and the statistics when the day changed since
// they were last sent. A failure backs off (1, 2, 4 … minutes, at most
// MaxWait); success resets it.
func (u *Uploader) Upload(ctx context.Context, s Status, statsCSV func() ([]byte, error), now time.Time) error {
	if !u.Due(now) {
		return nil
	}
	err := u.upload(ctx, s, statsCSV, now)
	if err != nil {
		u.failures++
		wait := time.Minute << min(u.failures-1, 10)
		maxWait := u.MaxWait
		if maxWait == 0 {
			maxWait = time.Hour
		}
		u.next = now.Add(min(wait, maxWait))
		return err
	}
	u.failures, u.next = 0, time.Time{}
	return nil
}

func (u *Uploader) upload(ctx context.Context, s Status, statsCSV func() ([]byte, error), now time.Time) error {
	b, err := jsonOf(s)
	if err != nil {
		return err
	}
	base := u.Base(s)
	if err := u.put(ctx, base+FileName, "application/json", b); err != nil {
		return err
	}
	today := now.Format("2006-01-02")
	if statsCSV != nil && u.lastStats != today {
		csv, err := statsCSV()
		if err != nil {
			return err
		}
		if err := u.put(ctx, base+"statistik.csv", "text/csv", csv); err != nil {
			return err
		}
		u.lastStats = today
	}
	return nil
}

func (u *Uploader) put(ctx context.Context, target, contentType string, body []byte) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, target, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", contentType)
	client := u.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("sending the report: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("sending the report to %s: the server answered %s", target, resp.Status)
	}
	return nil
}
