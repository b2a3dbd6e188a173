package status

import (
	"cmp"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"
)

// StaleAfter is how long without a report a kiosk counts as out of touch.
const StaleAfter = 7 * 24 * time.Hour

// Kiosk is one kiosk in a fleet report: its newest status and where it
// was found.
type Kiosk struct {
	Name     string // kiosk_id, or the report's folder when none is set
	Status   Status
	Path     string   // the status.json read
	Problems []string // as of the report, "no report for N days" included
	Stale    bool
}

// ReadFleet finds the status.json files under dirs (reports collected
// from sticks, or an upload folder), keeps each kiosk's newest, and orders
// them as a coordinator works through them: out-of-touch kiosks first
// (the longest silent first), then those with problems, then the others,
// by name. Files that are not a status are returned as errors by path.
func ReadFleet(dirs []string, now time.Time) ([]Kiosk, map[string]error) {
	newest := map[string]Kiosk{}
	bad := map[string]error{}
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				bad[p] = err
				return nil
			}
			if d.IsDir() || d.Name() != FileName || d.Type()&fs.ModeSymlink != 0 {
				return nil
			}
			s, err := Read(p)
			if err != nil {
				bad[p] = err
				return nil
			}
			name := s.Kiosk
			if name == "" {
				name = filepath.Dir(p)
			}
			if old, ok := newest[name]; !ok || s.Written.After(old.Status.Written) {
				newest[name] = Kiosk{Name: name, Status: s, Path: p}
			}
			return nil
		})
	}
	var out []Kiosk
	for _, k := range newest {
		k.Problems = FindProblems(k.Status)
		if silent := now.Sub(k.Status.Written); silent > StaleAfter {
			k.Stale = true
			k.Problems = append([]string{"no report for " + days(silent)}, k.Problems...)
		}
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b Kiosk) int {
		switch {
		case a.Stale != b.Stale:
			if a.Stale {
				return -1
			}
			return 1
		case a.Stale:
			return a.Status.Written.Compare(b.Status.Written)
		case (len(a.Problems) > 0) != (len(b.Problems) > 0):
			if len(a.Problems) > 0 {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return out, bad
}

func days(d time.Duration) string {
	n := int(d.Hours() / 24)
	if n == 1 {
		return "1 day"
	}
	return strconv.Itoa(n) + " days"
}

// StatisticsFiles are the statistik.csv files beside the kiosks' newest
// reports: one per kiosk, since each export holds all closed days the
// kiosk keeps (older reports of the same kiosk would count them twice).
func StatisticsFiles(kiosks []Kiosk) []string {
	var out []string
	for _, k := range kiosks {
		p := filepath.Join(filepath.Dir(k.Path), "statistik.csv")
		if info, err := os.Lstat(p); err == nil && info.Mode().IsRegular() {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}
