package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Exit codes of every command.
const (
	exitOK      = 0
	exitRefused = 1 // the input or a check was refused
	exitUsage   = 2
)

// KioskOptions are the arguments of the kiosk form: wegweiser [--data DIR] [--windowed].
type KioskOptions struct {
	DataDir  string
	Windowed bool
	// For development and measuring, not for kiosks:
	Catalog      string // open this compiled catalogue instead of the data folder's
	ProbeStartup bool   // print the time to the first frame, then quit
	Bare         bool   // with ProbeStartup or ProbeTaps: an empty Fyne window, the baseline
	// ProbeTaps walks the kiosk through its screens in each of TourLangs,
	// prints the time from each tap to its frame, saves screenshots into
	// Screenshots (when set) and quits.
	ProbeTaps   bool
	TourLangs   []string
	Screenshots string
	// Preview opens the kiosk on a source folder and rebuilds it whenever
	// a file changes (the preview command); District sets its district.
	Preview  string
	District string
}

// Env is what the commands read and write besides their arguments.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Kiosk opens the visitor interface and returns the exit code.
	Kiosk func(KioskOptions) int
}

// usageError is wrong usage: printed with a hint, exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// refusedError is a refusal whose explanation is already printed: exit code 1.
var errRefused = errors.New("refused")

const usage = `Usage:
  wegweiser [--data DIR] [--windowed]            open the kiosk
  wegweiser catalog check SRC [--strict] [--coverage] [--stale] [--links]
  wegweiser catalog build SRC -o FILE --key KEYFILE [--version N] [--expires DURATION]
  wegweiser catalog keygen -o KEYFILE
  wegweiser catalog verify FILE --pubkey PUBLIC_KEY_OR_FILE
  wegweiser catalog import-csv FILE.csv --into SRC
  wegweiser catalog install FILE [--data DIR]
  wegweiser catalog info [--data DIR]
  wegweiser catalog rollback [--data DIR]
  wegweiser catalog repair [--data DIR]
  wegweiser catalog translations export SRC --lang L -o FILE.po
  wegweiser catalog translations import SRC FILE.po
  wegweiser catalog export-hsds SRC -o DIR
  wegweiser catalog import-hsds DIR --into SRC
  wegweiser catalog translations mark SRC --lang L
  wegweiser sync [--data DIR]
  wegweiser search [--data DIR | --source SRC] --lang L [--district D] [--category C] QUERY...
  wegweiser sheet [--data DIR | --source SRC] --lang L [--district D] (--offers ID,ID,... | --brochure ID) [--with-german] -o FILE.pdf
  wegweiser speak [--data DIR | --source SRC] --lang L (--offer ID | --brochure ID [--section N] | --text "…") -o FILE.wav
  wegweiser status [--data DIR] [--json]
  wegweiser preview SRC [--district D]           the kiosk on a source folder, rebuilt on every save
  wegweiser fleet report DIR... [-o report.html|report.csv]
  wegweiser stats export [--data DIR] -o FILE.csv
  wegweiser stats merge FILE.csv... -o TOTAL.csv
  wegweiser admin trust-key PUBLIC_KEY [--data DIR] [--catalog ID]
  wegweiser admin set-pin [--data DIR]            reads the new PIN from standard input
`

// Run runs one command line (without the program name) and returns the
// exit code.
func Run(args []string, env Env) int {
	err := dispatch(args, env)
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(env.Stdout, usage)
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "wegweiser: %s\n\n%s", ue.msg, usage)
		return exitUsage
	case errors.Is(err, errRefused):
		return exitRefused
	default:
		fmt.Fprintf(env.Stderr, "wegweiser: %v\n", err)
		return exitRefused
	}
}

func dispatch(args []string, env Env) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return kiosk(args, env)
	}
	switch args[0] {
	case "catalog":
		if len(args) < 2 {
			return usagef("catalog needs a sub-command: check, build, keygen, verify, import-csv, install, info, rollback, repair or translations")
		}
		switch args[1] {
		case "check":
			return catalogCheck(args[2:], env)
		case "build":
			return catalogBuild(args[2:], env)
		case "keygen":
			return catalogKeygen(args[2:], env)
		case "verify":
			return catalogVerify(args[2:], env)
		case "import-csv":
			return catalogImportCSV(args[2:], env)
		case "install":
			return catalogInstall(args[2:], env)
		case "info":
			return catalogInfo(args[2:], env)
		case "rollback":
			return catalogRollback(args[2:], env)
		case "repair":
			return catalogRepair(args[2:], env)
		case "translations":
			return catalogTranslations(args[2:], env)
		case "export-hsds":
			return catalogExportHSDS(args[2:], env)
		case "import-hsds":
			return catalogImportHSDS(args[2:], env)
		}
		return usagef("unknown command 'catalog %s'", args[1])
	case "sync":
		return syncCommand(args[1:], env)
	case "admin":
		return admin(args[1:], env)
	case "search":
		return search(args[1:], env)
	case "sheet":
		return sheetCommand(args[1:], env)
	case "speak":
		return speakCommand(args[1:], env)
	case "stats":
		return statsCommand(args[1:], env)
	case "status":
		return statusCommand(args[1:], env)
	case "fleet":
		return fleetCommand(args[1:], env)
	case "preview":
		return previewCommand(args[1:], env)
	case "help":
		return flag.ErrHelp
	}
	return usagef("unknown command '%s'", args[0])
}

func kiosk(args []string, env Env) error {
	fs := newFlags("wegweiser")
	opts := KioskOptions{}
	fs.StringVar(&opts.DataDir, "data", "", "data folder")
	fs.BoolVar(&opts.Windowed, "windowed", false, "open in a window instead of full screen")
	fs.StringVar(&opts.Catalog, "catalog", "", "open this compiled catalogue file (development)")
	fs.BoolVar(&opts.ProbeStartup, "probe-startup", false, "print the milliseconds to the first frame and quit (measuring)")
	fs.BoolVar(&opts.Bare, "bare", false, "with --probe-startup or --probe-taps: measure an empty window instead")
	fs.BoolVar(&opts.ProbeTaps, "probe-taps", false, "walk through the screens, print the milliseconds from each tap to its frame and quit (measuring)")
	langs := fs.String("tour-langs", "de,ar,ti", "with --probe-taps: the languages to walk through")
	fs.StringVar(&opts.Screenshots, "screenshots", "", "with --probe-taps: save a PNG of every screen into this folder")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unknown command '%s'", pos[0])
	}
	opts.TourLangs = strings.Split(*langs, ",")
	if opts.DataDir == "" {
		if opts.DataDir, err = DefaultDataDir(); err != nil {
			return err
		}
	}
	if code := env.Kiosk(opts); code != 0 {
		return errRefused
	}
	return nil
}

func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses flags that may stand before, between or after the
// positional arguments, and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
