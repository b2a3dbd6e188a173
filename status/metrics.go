package status

import (
	"fmt"
	"sort"
	"strings"

	"wegweiser/atomicfile"
)

// Metrics writes the status as Prometheus text format, for node_exporter's
// textfile collector (kiosk.toml [report] metrics_file): the same facts as
// gauges, labelled with the kiosk and catalogue ids.
func Metrics(s Status) string {
	var b strings.Builder
	gauge := func(name, help string, value float64, labels ...string) {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s gauge\n%s%s %g\n", name, help, name, name, labelSet(labels), value)
	}
	kiosk := []string{"kiosk", s.Kiosk}
	gauge("wegweiser_info", "The kiosk's program and catalogue (value 1).", 1,
		"kiosk", s.Kiosk, "program_version", s.Program, "catalog", s.Catalog.ID, "catalog_version", fmt.Sprint(s.Catalog.Version))
	gauge("wegweiser_status_written_timestamp_seconds", "When the kiosk last wrote its status.", unix(s.Written), kiosk...)
	gauge("wegweiser_uptime_seconds", "Seconds since the kiosk started.", float64(s.UptimeSeconds), kiosk...)
	gauge("wegweiser_catalog_issued_timestamp_seconds", "When the shown catalogue was issued.", unix(s.Catalog.Issued), kiosk...)
	gauge("wegweiser_catalog_expires_timestamp_seconds", "When the shown catalogue expires (0 for the sample).", unix(s.Catalog.Expires), kiosk...)
	gauge("wegweiser_catalog_sample", "1 when the kiosk shows the built-in sample.", bool01(s.Catalog.Sample), kiosk...)
	gauge("wegweiser_last_install_timestamp_seconds", "The last install or rollback.", unix(s.LastInstall.At), kiosk...)
	gauge("wegweiser_last_sync_timestamp_seconds", "The last network sync.", unix(s.LastSync.At), kiosk...)
	gauge("wegweiser_interface_alive_timestamp_seconds", "When the interface last ran a task.", unix(s.InterfaceAlive), kiosk...)
	gauge("wegweiser_free_disk_bytes", "Free space in the data folder.", float64(s.FreeDiskBytes), kiosk...)
	gauge("wegweiser_clock_behind", "1 when the clock is earlier than the catalogue's issue date.", bool01(s.ClockBehind), kiosk...)
	gauge("wegweiser_printer_ok", "1 when the printer is idle or printing.", bool01(s.Printer == "idle" || s.Printer == "printing"), kiosk...)
	n := 0
	for _, c := range s.Errors24h {
		n += c
	}
	gauge("wegweiser_errors_24h", "Errors logged in the last 24 hours.", float64(n), kiosk...)
	gauge("wegweiser_problems", "Problems a coordinator should look at.", float64(len(s.Problems)), kiosk...)
	return b.String()
}

func labelSet(kv []string) string {
	if len(kv) == 0 {
		return ""
	}
	type pair struct{ k, v string }
	var ps []pair
	for i := 0; i+1 < len(kv); i += 2 {
		ps = append(ps, pair{kv[i], kv[i+1]})
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].k < ps[j].k })
	var parts []string
	esc := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	for _, p := range ps {
		parts = append(parts, p.k+`="`+esc.Replace(p.v)+`"`)
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func unix(t interface{ Unix() int64 }) float64 {
	if z, ok := t.(interface{ IsZero() bool }); ok && z.IsZero() {
		return 0
	}
	return float64(t.Unix())
}

func bool01(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// WriteMetrics replaces the metrics file (node_exporter reads every *.prom
// file of its textfile directory; a half-written one would be an error).
func WriteMetrics(path string, s Status) error {
	return atomicfile.Write(path, []byte(Metrics(s)), 0o644)
}
