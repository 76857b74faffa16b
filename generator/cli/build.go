package cli

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"almanac/generator/build"
	"almanac/generator/content"
	"almanac/generator/site"
)

func runBuild(ctx context.Context, args []string, env Env) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	source := fl.String("source", ".", "the site's root `folder` (almanac.toml, content/, layouts/, static/)")
	dest := fl.String("dest", "", "output `folder` (default SOURCE/public); replaced atomically, only when the build succeeds")
	drafts := fl.Bool("drafts", false, "include drafts and future-dated pages")
	nowFlag := fl.String("now", "", "the build's present as RFC 3339 or YYYY-MM-DD (default: the current time); pins countdowns, overdue marks and metric windows")
	baseURL := fl.String("base-url", "", "replace almanac.toml's base_url (for deploy previews)")
	cacheDir := fl.String("cache-dir", "", "`folder` that keeps highlighted code, and what reuses unchanged pages, between builds (default ~/.cache/almanac/SITE-HASH)")
	noCache := fl.Bool("no-cache", false, "keep no cache on disk: highlight every block and render every page")
	quiet := fl.Bool("quiet", false, "print only problems")
	timings := fl.Bool("timings", false, "print what each stage of the build cost in time and memory")
	profile := fl.String("profile", "", "write a CPU profile of the build and a heap profile after each stage into `folder`, for go tool pprof")
	fl.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: almanac build [flags]\n\nBuilds the site in SOURCE into DEST. Every problem in the content is printed as")
		fmt.Fprintln(env.Stderr, "file:line:col: error: message (hint); when there are errors, DEST is left untouched.\n\nFlags:")
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args, env, "build"); !ok {
		return code
	}
	srcFS, now, ok := openSite(env, "build", *source, *nowFlag)
	if !ok {
		return ExitUsage
	}
	out := *dest
	if out == "" {
		out = filepath.Join(*source, "public")
	}
	cache := cachePath(env, *source, *cacheDir, *noCache)
	defer build.TuneMemory(env.Getenv)()
	b, err := build.New(build.Options{
		Source:     srcFS,
		Theme:      env.Theme,
		Drafts:     *drafts,
		BaseURL:    *baseURL,
		CacheDir:   cache,
		GitDir:     *source,
		ProfileDir: *profile,
	})
	if err != nil {
		fmt.Fprintf(env.Stderr, "almanac build: %v\n", err)
		return ExitFailed
	}
	if *profile != "" {
		stop, err := startCPUProfile(*profile)
		if err != nil {
			fmt.Fprintf(env.Stderr, "almanac build: %v\n", err)
			return ExitFailed
		}
		defer stop()
	}
	res, err := b.ToDiskWaiting(ctx, now, out, func(pid int) {
		// Said even with --quiet: a build that sits still for no
		// visible reason is worse than one more line.
		into := filepath.Clean(out) + string(filepath.Separator)
		if pid > 0 {
			fmt.Fprintf(env.Stderr, "almanac build: waiting for another build into %s (pid %d) to finish\n", into, pid)
		} else {
			fmt.Fprintf(env.Stderr, "almanac build: waiting for another build into %s to finish\n", into)
		}
	})
	if res != nil {
		printDiagnostics(env, res.Diagnostics)
		// The count of broken links closes the output, after the line
		// that says how the build went.
		if broken, ok := res.Links, res.LinksChecked; ok && broken.Summary() != "" {
			defer fmt.Fprintln(env.Stderr, broken.Summary())
		}
	}
	if err != nil {
		if _, ok := site.AsDiagnostics(err); !ok {
			fmt.Fprintf(env.Stderr, "almanac build: %v\n", err)
		}
		// res is nil when the build never started (the staging folder
		// could not be made, or the wait was given up).
		if res != nil {
			if errs, _ := res.Diagnostics.Count(); errs > 0 {
				fmt.Fprintf(env.Stderr, "build failed: %d error(s); %s left as it was\n", errs, out)
			}
		}
		return ExitFailed
	}
	if *timings {
		build.WriteTimings(env.Stdout, res.Timings)
	}
	if !*quiet {
		fmt.Fprintf(env.Stdout, "built %d pages%s into %s in %s\n", res.Pages, reusedNote(res), out, res.Took.Round(time.Millisecond))
	}
	return ExitOK
}

// reusedNote says what a warm build took from the last one: pages, and the
// other files (lists, feeds, the search index's files).
func reusedNote(res *build.Result) string {
	switch {
	case res.Reused > 0 && res.ReusedLists > 0:
		return fmt.Sprintf(" (%d unchanged and %d other files taken from the last build)", res.Reused, res.ReusedLists)
	case res.Reused > 0:
		return fmt.Sprintf(" (%d unchanged, taken from the last build)", res.Reused)
	case res.ReusedLists > 0:
		return fmt.Sprintf(" (%d files other than pages taken from the last build)", res.ReusedLists)
	}
	return ""
}

func printDiagnostics(env Env, diags site.Diagnostics) {
	for _, d := range diags {
		fmt.Fprintln(env.Stderr, d.Error())
	}
}

// parseNow reads --now: empty is the current time; a date is midnight in
// the site's time zone.
func parseNow(s string, source fs.FS) (time.Time, error) {
	if s == "" {
		return time.Now(), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if _, err := time.Parse("2006-01-02", s); err == nil {
		loc := time.UTC
		if cfg, _ := content.LoadConfig(source); cfg.Location != nil {
			loc = cfg.Location
		}
		return time.ParseInLocation("2006-01-02", s, loc)
	}
	return time.Time{}, fmt.Errorf("%q is neither RFC 3339 (2026-11-26T09:00:00+09:00) nor a date (2026-11-26)", s)
}

// startCPUProfile profiles the process into dir/cpu.pprof until stop is
// called.
func startCPUProfile(dir string) (stop func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(filepath.Join(dir, "cpu.pprof"))
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
