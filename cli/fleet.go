package cli

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"html/template"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"wegweiser/stats"
	"wegweiser/status"
)

// fleetCommand runs "fleet report DIR... [-o report.html|report.csv]": one
// row per kiosk from the reports collected from sticks or uploaded, the
// kiosks out of touch first; the HTML report adds a chart of views per
// language and month from the statistics beside each kiosk's newest report.
func fleetCommand(args []string, env Env) error {
	if len(args) == 0 || args[0] != "report" {
		return usagef("fleet needs the sub-command report")
	}
	flags := newFlags("fleet report")
	out := flags.String("o", "", "report.html or report.csv; without it, a table on standard output")
	dirs, err := parse(flags, args[1:])
	if err != nil {
		return err
	}
	if len(dirs) == 0 {
		return usagef("fleet report needs the folders of the collected reports")
	}
	now := time.Now()
	kiosks, bad := status.ReadFleet(dirs, now)
	for p, err := range bad {
		fmt.Fprintf(env.Stderr, "wegweiser: %s: %v\n", p, err)
	}
	if len(kiosks) == 0 {
		return fmt.Errorf("no status.json found under %s", strings.Join(dirs, ", "))
	}
	var b bytes.Buffer
	switch {
	case *out == "":
		writeFleetText(&b, kiosks, now)
		_, err := env.Stdout.Write(b.Bytes())
		return err
	case strings.HasSuffix(*out, ".csv"):
		err = writeFleetCSV(&b, kiosks)
	case strings.HasSuffix(*out, ".html"):
		var rows []stats.Row
		for _, name := range status.StatisticsFiles(kiosks) {
			f, err := os.Open(name)
			if err != nil {
				return err
			}
			r, err := stats.ReadCSV(f, name)
			f.Close()
			if err != nil {
				fmt.Fprintf(env.Stderr, "wegweiser: %v (left out)\n", err)
				continue
			}
			rows = append(rows, r...)
		}
		err = writeFleetHTML(&b, kiosks, stats.Suppress(rows), now)
	default:
		return usagef("-o must name a .html or .csv file")
	}
	if err != nil {
		return err
	}
	if err := statsWriteFile(*out, b.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %d kiosks, %d out of touch\n", *out, len(kiosks), countStale(kiosks))
	return nil
}

func countStale(ks []status.Kiosk) int {
	n := 0
	for _, k := range ks {
		if k.Stale {
			n++
		}
	}
	return n
}

func catalogueOf(s status.Status) string {
	if s.Catalog.Sample {
		return "sample"
	}
	return fmt.Sprintf("%s %d", s.Catalog.ID, s.Catalog.Version)
}

func catalogueAge(s status.Status, now time.Time) string {
	if s.Catalog.Issued.IsZero() || s.Catalog.Sample {
		return ""
	}
	return fmt.Sprintf("%d days", int(now.Sub(s.Catalog.Issued).Hours()/24))
}

func writeFleetText(w io.Writer, ks []status.Kiosk, now time.Time) {
	fmt.Fprintf(w, "%-20s %-10s %-26s %-10s %-17s %s\n", "kiosk", "program", "catalogue", "age", "last report", "problems")
	for _, k := range ks {
		s := k.Status
		fmt.Fprintf(w, "%-20s %-10s %-26s %-10s %-17s %s\n", k.Name, s.Program, catalogueOf(s), catalogueAge(s, now),
			s.Written.Local().Format("2006-01-02 15:04"), strings.Join(k.Problems, "; "))
	}
}

func writeFleetCSV(w io.Writer, ks []status.Kiosk) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"kiosk", "program_version", "catalog", "catalog_version", "catalog_issued", "catalog_expires", "last_report", "out_of_touch", "problems"})
	for _, k := range ks {
		s := k.Status
		cw.Write([]string{k.Name, s.Program, s.Catalog.ID, fmt.Sprint(s.Catalog.Version), day(s.Catalog.Issued), day(s.Catalog.Expires),
			s.Written.UTC().Format(time.RFC3339), fmt.Sprint(k.Stale), strings.Join(k.Problems, "; ")})
	}
	cw.Flush()
	return cw.Error()
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// monthViews sums the views (every kind but prints and QR codes) per month
// and language.
type monthViews struct {
	Month string
	Langs []langViews
	Total int64
}

type langViews struct {
	Lang  string
	Views int64
	Width float64 // of the bar, in px
}

func viewsByMonth(rows []stats.Row) []monthViews {
	sum := map[string]map[string]int64{}
	for _, r := range rows {
		if r.Kind == string(stats.Print) || r.Kind == string(stats.QR) || len(r.Day) < 7 {
			continue
		}
		m := r.Day[:7]
		if sum[m] == nil {
			sum[m] = map[string]int64{}
		}
		sum[m][r.Lang] += r.Count
	}
	var months []string
	for m := range sum {
		months = append(months, m)
	}
	slices.Sort(months)
	var out []monthViews
	var most int64 = 1
	for _, m := range months {
		mv := monthViews{Month: m}
		for l, n := range sum[m] {
			mv.Langs = append(mv.Langs, langViews{Lang: l, Views: n})
			mv.Total += n
			most = max(most, n)
		}
		slices.SortFunc(mv.Langs, func(a, b langViews) int { return strings.Compare(a.Lang, b.Lang) })
		out = append(out, mv)
	}
	for i := range out {
		for j := range out[i].Langs {
			out[i].Langs[j].Width = 400 * float64(out[i].Langs[j].Views) / float64(most)
		}
	}
	return out
}

var fleetPage = template.Must(template.New("fleet").Funcs(template.FuncMap{
	"catalogue": catalogueOf, "day": day, "join": strings.Join,
	"add": func(a, b int) int { return a + b }, "mul": func(a, b int) int { return a * b },
}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Wegweiser kiosks – {{.Date}}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left}
tr.stale{background:#fde2e2}tr.problem{background:#fff4d6}svg text{font-size:12px;font-family:sans-serif}</style></head>
<body><h1>Wegweiser kiosks</h1><p>Report of {{.Date}}: {{len .Kiosks}} kiosks, {{.Stale}} out of touch (no report for more than 7 days).</p>
<table><tr><th>Kiosk</th><th>Program</th><th>Catalogue</th><th>Issued</th><th>Expires</th><th>Last report</th><th>Problems</th></tr>
{{range .Kiosks}}<tr class="{{if .Stale}}stale{{else if .Problems}}problem{{end}}"><td>{{.Name}}</td><td>{{.Status.Program}}</td><td>{{catalogue .Status}}</td>
<td>{{day .Status.Catalog.Issued}}</td><td>{{day .Status.Catalog.Expires}}</td><td>{{.Status.Written.Format "2006-01-02 15:04"}}</td><td>{{join .Problems "; "}}</td></tr>
{{end}}</table>
{{if .Months}}<h2>Views per language and month</h2>
<p>Categories, offers, brochures and events looked at, summed over all kiosks; counts under {{.Min}} are left out, as in every export.</p>
{{range .Months}}<h3>{{.Month}} ({{.Total}})</h3>
<svg width="520" height="{{mul (len .Langs) 22}}" role="img" aria-label="views in {{.Month}} by language">
{{range $i, $l := .Langs}}<text x="0" y="{{add (mul $i 22) 15}}">{{$l.Lang}}</text><rect x="40" y="{{add (mul $i 22) 3}}" width="{{printf "%.0f" $l.Width}}" height="16" fill="#2f6f73"/><text x="{{printf "%.0f" $l.Width}}" dx="46" y="{{add (mul $i 22) 15}}">{{$l.Views}}</text>
{{end}}</svg>{{end}}{{end}}
</body></html>
`))

func writeFleetHTML(w io.Writer, ks []status.Kiosk, rows []stats.Row, now time.Time) error {
	return fleetPage.Execute(w, map[string]any{
		"Date": now.Format("2006-01-02"), "Kiosks": ks, "Stale": countStale(ks), "Months": viewsByMonth(rows), "Min": stats.MinCount,
	})
}
