package cli

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime/debug"
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
	cacheDir := fl.String("cache-dir", "", "`folder` that keeps highlighted code between builds (default ~/.cache/almanac/SITE-HASH)")
	noCache := fl.Bool("no-cache", false, "keep no highlighting cache on disk")
	quiet := fl.Bool("quiet", false, "print only problems")
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
	if env.Getenv("GOMEMLIMIT") == "" {
		// A build holds little once each page is written; a soft limit
		// keeps the collector from letting garbage grow to twice that.
		// The runtime caps the collector's share of CPU, so a larger site
		// is slower, never stopped.
		debug.SetMemoryLimit(buildMemoryLimit)
	}
	b, err := build.New(build.Options{
		Source:   srcFS,
		Theme:    env.Theme,
		Drafts:   *drafts,
		BaseURL:  *baseURL,
		CacheDir: cache,
		GitDir:   *source,
	})
	if err != nil {
		fmt.Fprintf(env.Stderr, "almanac build: %v\n", err)
		return ExitFailed
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
	if !*quiet {
		fmt.Fprintf(env.Stdout, "built %d pages into %s in %s\n", res.Pages, out, res.Took.Round(time.Millisecond))
	}
	return ExitOK
}

// buildMemoryLimit is the soft memory limit of a build (GOMEMLIMIT
// overrides it).
const buildMemoryLimit = 256 << 20

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
