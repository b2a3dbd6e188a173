// Package config reads kiosk.toml, a kiosk's settings in its data folder
// (shared/spec/cli.md): its district, languages, idle time, printer, the
// keys and catalogue it trusts, where it syncs from and the staff PIN hash.
//
// TrustKey and SetPIN change one setting in the text of a kiosk.toml and
// leave the rest (other settings, comments, order) as staff wrote it; Save
// replaces the file atomically (temporary file, flush, rename, flush the
// folder).
package config

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"wegweiser/atomicfile"
	"wegweiser/catalog"
	"wegweiser/catalog/source"
)

// FileName is the name of the settings file in a data folder.
const FileName = "kiosk.toml"

// DefaultIdleReset is how long a kiosk waits before it starts over.
const DefaultIdleReset = 90 * time.Second

// Config is a kiosk's settings.
type Config struct {
	District  string        // "" = the catalogue's first district
	Languages []string      // "" = all the catalogue's languages
	IdleReset time.Duration // always set
	Printer   string        // "" = the system default, "none" = no printing
	Scale     float64       // interface scale; 0 = from the screen's DPI
	Trust     Trust
	Sync      Sync
	AdminPIN  string // hash written by admin set-pin
	Speech    Speech
	KioskID   string // names this kiosk in reports; "" = none set
	Report    Report
}

// Report is where the kiosk's status goes besides status.json.
type Report struct {
	MetricsFile string // Prometheus text file for node_exporter's textfile collector; "" = none
	// URL is where the kiosk PUTs status.json and statistik.csv, with
	// {catalog} and {kiosk} filled in; "" = no upload.
	URL string
}

// Speech is how the kiosk reads aloud.
type Speech struct {
	// Voices maps a language to a synthesizer voice, "espeak-ng:NAME";
	// a language not named uses espeak-ng's voice of the same name.
	Voices map[string]string
	Volume float64 // 0 to 2; 1 is the synthesizer's own level
}

// Trust is which catalogues a kiosk installs.
type Trust struct {
	Catalog    string              // the catalogue id it accepts
	Keys       []string            // the public key lines as written
	PublicKeys []ed25519.PublicKey // Keys, parsed
}

// Sync is where a kiosk fetches catalogues from.
type Sync struct {
	URL      string
	Interval time.Duration
}

// Error is a problem in kiosk.toml, with its line.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", FileName, e.Line, e.Msg) }

type file struct {
	District  string   `toml:"district"`
	Languages []string `toml:"languages"`
	IdleReset string   `toml:"idle_reset"`
	Printer   string   `toml:"printer"`
	Scale     float64  `toml:"scale"`
	Trust     struct {
		Catalog string   `toml:"catalog"`
		Keys    []string `toml:"keys"`
	} `toml:"trust"`
	Sync struct {
		URL      string `toml:"url"`
		Interval string `toml:"interval"`
	} `toml:"sync"`
	Admin struct {
		PIN string `toml:"pin"`
	} `toml:"admin"`
	Speech struct {
		Voices map[string]string `toml:"voices"`
		Volume *float64          `toml:"volume"`
	} `toml:"speech"`
	KioskID string `toml:"kiosk_id"`
	Report  struct {
		MetricsFile string `toml:"metrics_file"`
		URL         string `toml:"url"`
	} `toml:"report"`
}

// knownKeys are the settings, spelt exactly. (The TOML decoder matches
// keys to fields regardless of letter case.)
var knownKeys = map[string]bool{
	"district": true, "languages": true, "idle_reset": true, "printer": true, "scale": true,
	"trust": true, "trust.catalog": true, "trust.keys": true,
	"sync": true, "sync.url": true, "sync.interval": true,
	"admin": true, "admin.pin": true,
	"speech": true, "speech.voices": true, "speech.volume": true,
	"kiosk_id": true, "report": true, "report.metrics_file": true, "report.url": true,
}

// Default is the configuration of a kiosk without kiosk.toml.
func Default() Config {
	return Config{IdleReset: DefaultIdleReset, Sync: Sync{Interval: 6 * time.Hour}, Speech: Speech{Volume: 1}}
}

// Load reads dataDir/kiosk.toml. A missing file gives Default and no error.
// Settings are checked one by one: a bad one keeps its default and is
// reported (with its line), the others apply, so that one typo never drops
// the trusted keys, the PIN or the district. A file that cannot be read as
// TOML at all gives the last good configuration (LastGoodName, written by
// SaveLastGood) if there is one, else Default, with the error.
func Load(dataDir string) (Config, error) {
	data, err := readSettings(filepath.Join(dataDir, FileName))
	if errors.Is(err, fs.ErrNotExist) {
		return Default(), nil
	}
	if err != nil {
		return Default(), err
	}
	c, err := Parse(string(data))
	if !errors.Is(err, ErrUnreadable) {
		return c, err
	}
	if good, gerr := readSettings(filepath.Join(dataDir, LastGoodName)); gerr == nil {
		if last, lerr := Parse(string(good)); lerr == nil {
			return last, fmt.Errorf("%w; using the last good settings (%s)", err, LastGoodName)
		}
	}
	return c, err
}

// maxSettingsSize caps what Load reads of kiosk.toml: a few kilobytes are
// plenty.
const maxSettingsSize = 1 << 20

func readSettings(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSettingsSize+1))
	if err == nil && len(data) > maxSettingsSize {
		err = fmt.Errorf("%s is larger than %d bytes", filepath.Base(path), maxSettingsSize)
	}
	return data, err
}

// LastGoodName is the copy of the last kiosk.toml that was read without
// any problem, in the data folder.
const LastGoodName = "kiosk.toml.last-good"

// SaveLastGood keeps dataDir's kiosk.toml as the last good configuration;
// the kiosk calls it after a Load without problems.
func SaveLastGood(dataDir string) error {
	data, err := readSettings(filepath.Join(dataDir, FileName))
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dataDir, LastGoodName), data, 0o600)
}

// ErrUnreadable marks a kiosk.toml that is not TOML at all (or nests too
// deep): no setting of it can be used.
var ErrUnreadable = errors.New("kiosk.toml cannot be read")

// Parse reads the text of a kiosk.toml, setting by setting: the returned
// Config has every good setting and the default of every bad one; the
// error lists the bad ones (each an *Error with its line). Text that is
// not TOML gives Default and an error that is ErrUnreadable.
func Parse(text string) (Config, error) {
	if line, err := source.CheckNesting(text); err != nil {
		return Default(), errors.Join(ErrUnreadable, &Error{Line: line, Msg: err.Error()})
	}
	var f file
	md, err := toml.Decode(text, &f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) { // the decoder gives some errors (a bad escape) line 0
			return Default(), errors.Join(&Error{Line: max(pe.Position.Line, 1), Msg: pe.Message}, ErrUnreadable)
		}
		return Default(), errors.Join(&Error{Line: 1, Msg: err.Error()}, ErrUnreadable)
	}
	var problems []error
	bad := func(line int, format string, args ...any) {
		problems = append(problems, &Error{Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	var keys []string // unknown settings, and known ones in another letter case
	for _, k := range md.Keys() {
		if !knownKeys[k.String()] && !strings.HasPrefix(k.String(), "speech.voices.") {
			keys = append(keys, k.String())
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		bad(lineOf(text, k), "unknown setting '%s'", k)
	}
	c := Default()
	if f.District != "" && !catalog.ValidDistrictID(f.District) {
		bad(lineOf(text, "district"), "district '%s' must be an AGS prefix of 2, 3, 5 or 8 digits, such as 03255", f.District)
	} else {
		c.District = f.District
	}
	languagesOK := true
	for _, l := range f.Languages {
		if !catalog.ValidLanguageCode(l) {
			bad(lineOf(text, "languages"), "'%s' is not a language code such as de or ar", l)
			languagesOK = false
		}
	}
	if languagesOK {
		c.Languages = f.Languages
	}
	if f.IdleReset != "" {
		d, err := time.ParseDuration(f.IdleReset)
		if err != nil || d < 10*time.Second {
			bad(lineOf(text, "idle_reset"), "idle_reset '%s' must be a duration of at least 10s, such as 90s or 2m", f.IdleReset)
		} else {
			c.IdleReset = d
		}
	}
	c.Printer = f.Printer
	if md.IsDefined("scale") {
		if f.Scale < 0.5 || f.Scale > 4 {
			bad(lineOf(text, "scale"), "scale %v must be between 0.5 and 4, such as 1.25", f.Scale)
		} else {
			c.Scale = f.Scale
		}
	}
	if trust, err := parseTrust(text, f.Trust.Catalog, f.Trust.Keys); err != nil {
		problems = append(problems, err)
	} else {
		c.Trust = trust
	}
	if f.Sync.URL != "" {
		if err := checkSyncURL(f.Sync.URL); err != nil {
			bad(lineOf(text, "url"), "%v", err)
		} else {
			c.Sync.URL = f.Sync.URL
		}
	}
	if f.Sync.Interval != "" {
		d, err := time.ParseDuration(f.Sync.Interval)
		if err != nil || d < time.Minute {
			bad(lineOf(text, "interval"), "interval '%s' must be a duration of at least 1m, such as 6h", f.Sync.Interval)
		} else {
			c.Sync.Interval = d
		}
	}
	c.AdminPIN = f.Admin.PIN
	if f.Speech.Volume != nil {
		if v := *f.Speech.Volume; v < 0 || v > 2 {
			bad(lineOf(text, "volume"), "volume %v must be between 0 and 2, such as 0.8", v)
		} else {
			c.Speech.Volume = v
		}
	}
	if f.KioskID != "" {
		if !catalog.ValidID(f.KioskID) {
			bad(lineOf(text, "kiosk_id"), "kiosk_id '%s' must be lower-case letters, digits and '-', such as holzminden-1", f.KioskID)
		} else {
			c.KioskID = f.KioskID
		}
	}
	if m := f.Report.MetricsFile; m != "" {
		if !filepath.IsAbs(m) || !strings.HasSuffix(m, ".prom") {
			bad(lineOf(text, "metrics_file"), "metrics_file '%s' must be an absolute path ending in .prom, such as /var/lib/prometheus/node-exporter/wegweiser.prom", m)
		} else {
			c.Report.MetricsFile = m
		}
	}
	if u := f.Report.URL; u != "" {
		if err := checkSyncURL(u); err != nil {
			bad(lineOfValue(text, u, "url"), "report %v", err)
		} else if !strings.HasSuffix(u, "/") {
			bad(lineOfValue(text, u, "url"), "report url '%s' must end with / (the kiosk puts status.json and statistik.csv under it)", u)
		} else {
			c.Report.URL = u
		}
	}
	for lang, voice := range f.Speech.Voices {
		switch {
		case !catalog.ValidLanguageCode(lang):
			bad(lineOf(text, "voices"), "speech voice for '%s': not a language code such as de or ar", lang)
		case !strings.HasPrefix(voice, "espeak-ng:") || len(voice) == len("espeak-ng:"):
			bad(lineOf(text, "voices"), "speech voice '%s' for %s must be espeak-ng:NAME, such as espeak-ng:%s", voice, lang, lang)
		default:
			if c.Speech.Voices == nil {
				c.Speech.Voices = map[string]string{}
			}
			c.Speech.Voices[lang] = voice
		}
	}
	return c, errors.Join(problems...)
}

// lineOf finds the line on which a (possibly dotted) key is set.
func lineOf(text, key string) int {
	last := key[strings.LastIndex(key, ".")+1:]
	for i, line := range strings.Split(text, "\n") {
		l := strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(l, last); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
			return i + 1
		}
	}
	return 1
}
