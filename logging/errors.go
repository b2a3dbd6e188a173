package logging

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// ErrorCounter is a slog handler that passes records on and remembers when
// errors were logged, by message, for the kiosk's status ("errors in the
// last 24 hours by kind"). It keeps at most maxPerKind times per message.
type ErrorCounter struct {
	slog.Handler
	state *errorTimes
}

type errorTimes struct {
	mu    sync.Mutex
	times map[string][]time.Time
}

const maxPerKind = 1000

// CountErrors wraps h.
func CountErrors(h slog.Handler) *ErrorCounter {
	return &ErrorCounter{Handler: h, state: &errorTimes{times: map[string][]time.Time{}}}
}

// Handle counts an error, then passes the record on.
func (c *ErrorCounter) Handle(ctx context.Context, r slog.Record) error {
	if r.Level >= slog.LevelError {
		c.state.mu.Lock()
		ts := append(c.state.times[r.Message], r.Time)
		if len(ts) > maxPerKind {
			ts = ts[len(ts)-maxPerKind:]
		}
		c.state.times[r.Message] = ts
		c.state.mu.Unlock()
	}
	return c.Handler.Handle(ctx, r)
}

// WithAttrs and WithGroup keep the count shared.
func (c *ErrorCounter) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &ErrorCounter{Handler: c.Handler.WithAttrs(attrs), state: c.state}
}

func (c *ErrorCounter) WithGroup(name string) slog.Handler {
	return &ErrorCounter{Handler: c.Handler.WithGroup(name), state: c.state}
}

// Last24h counts the errors logged within 24 hours before now, by message.
func (c *ErrorCounter) Last24h(now time.Time) map[string]int {
	c.state.mu.Lock()
	defer c.state.mu.Unlock()
	out := map[string]int{}
	for msg, ts := range c.state.times {
		var kept []time.Time
		for _, t := range ts {
			if now.Sub(t) <= 24*time.Hour {
				kept = append(kept, t)
			}
		}
		c.state.times[msg] = kept
		if len(kept) > 0 {
			out[msg] = len(kept)
		} else {
			delete(c.state.times, msg)
		}
	}
	return out
}
