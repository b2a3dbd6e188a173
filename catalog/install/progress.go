package install

import "io"

// Phase is a part of an install, as staff see it while it runs.
type Phase int

const (
	PhaseCopying   Phase = iota // copying the bundle from the stick to the kiosk's disk
	PhaseVerifying              // unpacking the catalogue through its checksum (the signature is checked by then)
	PhaseChecking               // checking the catalogue's database
)

// Progress is how far an install has come: its phase and, while copying
// and verifying, the bytes done of Total.
type Progress struct {
	Phase       Phase
	Done, Total int64
}

// Percent is Done as a whole percentage of Total, 0 without a total.
func (p Progress) Percent() int {
	if p.Total <= 0 {
		return 0
	}
	return int(min(100, p.Done*100/p.Total))
}

// progress tells the install's reporter, if any, how far it has come.
func (s *Store) progress(p Progress) {
	if s.report != nil {
		s.report(p)
	}
}

// counting returns w, reporting the bytes written through it in phase
// whenever their percentage of total grows, when the install has a
// reporter.
func (s *Store) counting(phase Phase, total int64, w io.Writer) io.Writer {
	if s.report == nil {
		return w
	}
	s.progress(Progress{Phase: phase, Total: total})
	return &progressWriter{w: w, p: Progress{Phase: phase, Total: total}, report: s.report, last: -1}
}

type progressWriter struct {
	w      io.Writer
	p      Progress
	last   int // the percentage last reported
	report func(Progress)
}

func (pw *progressWriter) Write(b []byte) (int, error) {
	n, err := pw.w.Write(b)
	pw.p.Done += int64(n)
	if pct := pw.p.Percent(); pct != pw.last {
		pw.last = pct
		pw.report(pw.p)
	}
	return n, err
}
