package printout

import (
	"runtime"
	"strconv"
	"strings"
	"sync"

	"wegweiser/qr"
)

// QR codes cost more than anything else on a sheet (Reed–Solomon and
// eight masks tried for each), and a kiosk prints the same offers again and
// again: codes are kept for reuse, and a document's codes are made in
// parallel before it is laid out.

const qrCacheSize = 512

var qrCache = struct {
	sync.Mutex
	m map[string][][]bool
}{m: map[string][][]bool{}}

// modules returns the modules of a code for content.
func modules(content string) ([][]bool, error) {
	qrCache.Lock()
	m, ok := qrCache.m[content]
	qrCache.Unlock()
	if ok {
		return m, nil
	}
	m, err := qr.Modules(content)
	if err != nil {
		return nil, err
	}
	qrCache.Lock()
	if len(qrCache.m) >= qrCacheSize {
		clear(qrCache.m)
	}
	qrCache.m[content] = m
	qrCache.Unlock()
	return m, nil
}

// prepareModules makes the codes for contents in parallel, into the cache.
func prepareModules(contents []string) {
	work := make(chan string)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(contents)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range work {
				_, _ = modules(c) // an error shows again when the code is laid out
			}
		}()
	}
	seen := map[string]bool{}
	for _, c := range contents {
		if !seen[c] {
			seen[c] = true
			work <- c
		}
	}
	close(work)
	wg.Wait()
}

// drawQR draws a code's modules, its top left corner at x, y and size mm
// wide, as one path of filled squares in module units: sharp on any
// printer, and a few kilobytes.
func (d *doc) drawQR(m [][]bool, x, y, size float64) {
	if len(m) == 0 {
		return
	}
	pdf := d.pdf
	k := pdf.GetConversionRatio()
	_, pageHeight := pdf.GetPageSize()
	s := size / float64(len(m)) * k
	var b strings.Builder
	b.WriteString("q 0 g ")
	for _, v := range []float64{s, 0, 0, -s, x * k, (pageHeight - y) * k} {
		b.WriteString(strconv.FormatFloat(v, 'f', 4, 64))
		b.WriteByte(' ')
	}
	b.WriteString("cm\n")
	for r, row := range m {
		for c := 0; c < len(row); {
			if !row[c] {
				c++
				continue
			}
			e := c
			for e < len(row) && row[e] {
				e++
			}
			// Rows overlap a little: no hairline gaps where a renderer antialiases.
			b.WriteString(strconv.Itoa(c))
			b.WriteByte(' ')
			b.WriteString(strconv.Itoa(r))
			b.WriteByte(' ')
			b.WriteString(strconv.Itoa(e - c))
			b.WriteString(" 1.05 re\n")
			c = e
		}
	}
	b.WriteString("f Q")
	pdf.RawWriteStr(b.String())
}
