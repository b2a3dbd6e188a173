package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"wegweiser/catalog"
	"wegweiser/catalog/benchdata"
	"wegweiser/catalog/source"
	"wegweiser/config"
)

// The screen benchmarks run on a generated national catalogue (about 400
// districts, 10,000 offers, 12 languages), made once per process.
var national struct {
	once sync.Once
	path string
	err  error
}

func nationalCatalogue(b *testing.B) *catalog.Catalog {
	b.Helper()
	national.once.Do(func() {
		dir, err := os.MkdirTemp("", "wegweiser-ui-bench-")
		if err != nil {
			national.err = err
			return
		}
		src := filepath.Join(dir, "source")
		if national.err = benchdata.Generate(src, benchdata.National()); national.err != nil {
			return
		}
		content, problems := source.Load(os.DirFS(src))
		if problems.Errors() > 0 {
			national.err = fmt.Errorf("generated catalogue: %v", problems[0])
			return
		}
		national.path = filepath.Join(dir, "national.sqlite")
		national.err = catalog.Compile(content, national.path, catalog.BuildInfo{Version: 1, Built: benchdata.Now})
	})
	if national.err != nil {
		b.Fatal(national.err)
	}
	c, err := catalog.Open(national.path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { c.Close() })
	return c
}

// busiestKreis is the Kreis whose kiosk lists the most offers.
func busiestKreis(b *testing.B, c *catalog.Catalog) string {
	ds, err := c.In("de").Districts()
	if err != nil {
		b.Fatal(err)
	}
	best, bestN := "", -1
	for _, d := range ds {
		if len(d.ID) != 5 {
			continue
		}
		offers, _ := c.In("de").Offers(d.ID, "", benchdata.Now)
		if len(offers) > bestN {
			best, bestN = d.ID, len(offers)
		}
	}
	return best
}

// BenchmarkScreenChange times the screen changes of a visit — home, a
// category's offers, an offer, back, search results — on the national
// catalogue in the test driver. Target: under 50 ms each. With -benchtime
// 1x it is the first visit after start-up: the slowest change is a first
// build.
func BenchmarkScreenChange(b *testing.B) {
	c := nationalCatalogue(b)
	district := busiestKreis(b, c)
	a := test.NewTempApp(b)
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 800))
	k := New(a, w, Options{Catalog: c, Config: config.Config{District: district, IdleReset: time.Hour}, Now: func() time.Time { return benchdata.Now }})
	k.WarmUp() // as the kiosk does a second after it starts, long before a visitor's first tap
	k.chooseLanguage("ar")
	tiles, err := k.s.view.Categories(district, benchdata.Now)
	if err != nil {
		b.Fatal(err)
	}
	biggest := tiles[0]
	for _, t := range tiles {
		if t.Offers > biggest.Offers {
			biggest = t
		}
	}
	offers, _ := k.s.view.Offers(district, biggest.ID, benchdata.Now)
	changes := 0
	var slowest time.Duration
	step := func(f func()) {
		start := time.Now()
		f()
		d := time.Since(start)
		if d > slowest {
			slowest = d
		}
		changes++
	}

	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		step(k.home)
		step(func() { k.push(k.offersPage(biggest)) })
		step(func() { k.push(k.offerPage(offers[i%len(offers)].ID)) })
		step(k.back)
		step(func() { k.push(k.searchPage()) })
		step(func() { k.s.query = "تمويل"; k.render() })
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(changes), "ms/change")
	b.ReportMetric(float64(slowest.Microseconds())/1000, "ms-slowest")
	b.ReportMetric(float64(biggest.Offers), "offers-in-list")
}

// BenchmarkMemoryNational reports the heap in use with the national
// catalogue open and a long list on screen. Target: the kiosk under 200 MB
// resident (measured on the real program: see README).
func BenchmarkMemoryNational(b *testing.B) {
	c := nationalCatalogue(b)
	district := busiestKreis(b, c)
	a := test.NewTempApp(b)
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 800))
	for i := 0; i < b.N; i++ {
		k := New(a, w, Options{Catalog: c, Config: config.Config{District: district, IdleReset: time.Hour}, Now: func() time.Time { return benchdata.Now }})
		k.chooseLanguage("de")
		tiles, _ := k.s.view.Categories(district, benchdata.Now)
		k.push(k.offersPage(tiles[0]))
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapInuse)/(1<<20), "MB-heap")
}
