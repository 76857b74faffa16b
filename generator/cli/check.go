package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"almanac/generator/build"
	"almanac/generator/check"
	"almanac/generator/site"
)

func runCheck(ctx context.Context, args []string, env Env) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	source := fl.String("source", ".", "the site's root `folder`")
	strict := fl.Bool("strict", false, "fail on warnings too")
	format := fl.String("format", "", "`text`, json or github (default github when GITHUB_ACTIONS=true, else text)")
	drafts := fl.Bool("drafts", false, "check as a build with --drafts does (drafts' links too)")
	nowFlag := fl.String("now", "", "the present as RFC 3339 or YYYY-MM-DD (default: the current time)")
	cacheDir := fl.String("cache-dir", "", "`folder` of the highlighting cache build keeps (default ~/.cache/almanac/SITE-HASH)")
	noCache := fl.Bool("no-cache", false, "keep no highlighting cache on disk")
	fl.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: almanac check [flags]\n\nChecks the site in SOURCE as a build would, writing no site, and prints every problem")
		fmt.Fprintln(env.Stderr, "as file:line:col: error|warning: message (hint), sorted, then a summary. Exits 0 when there")
		fmt.Fprintln(env.Stderr, "are no errors (and, with --strict, no warnings), 1 when there are, 2 on a usage error.\n\nFlags:")
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args, env, "check"); !ok {
		return code
	}
	f := check.Text
	if env.Getenv("GITHUB_ACTIONS") == "true" {
		f = check.GitHub
	}
	if *format != "" {
		var err error
		if f, err = check.ParseFormat(*format); err != nil {
			fmt.Fprintf(env.Stderr, "almanac check: --format: %v\n", err)
			return ExitUsage
		}
	}
	srcFS, now, ok := openSite(env, "check", *source, *nowFlag)
	if !ok {
		return ExitUsage
	}
	cache := cachePath(env, *source, *cacheDir, *noCache)
	b, err := build.New(build.Options{Source: srcFS, Theme: env.Theme, Drafts: *drafts, CacheDir: cache, GitDir: *source})
	if err != nil {
		fmt.Fprintf(env.Stderr, "almanac check: %v\n", err)
		return ExitFailed
	}
	res, err := b.Check(ctx, now)
	if err != nil {
		if _, ok := site.AsDiagnostics(err); !ok {
			fmt.Fprintf(env.Stderr, "almanac check: %v\n", err)
			return ExitFailed
		}
	}
	rep := check.Report{Strict: *strict, Root: repoRelative(*source)}
	if res != nil {
		rep.Diagnostics = res.Diagnostics
		if res.Site != nil {
			rep.Pages = len(res.Site.Pages)
		}
	}
	rep.Diagnostics.Sort()
	if err := check.Write(env.Stdout, f, rep); err != nil {
		fmt.Fprintf(env.Stderr, "almanac check: %v\n", err)
		return ExitFailed
	}
	if res != nil {
		if broken, ok := res.Links, res.LinksChecked; ok && broken.Summary() != "" {
			// JSON readers parse stdout whole: the line goes beside it.
			w := env.Stdout
			if f == check.JSON {
				w = env.Stderr
			}
			fmt.Fprintln(w, broken.Summary())
		}
	}
	if rep.Failed() {
		return ExitFailed
	}
	return ExitOK
}

// repoRelative gives the source folder as a path from the working
// directory, which is the repository's root in CI, for annotations.
func repoRelative(source string) string {
	if filepath.IsAbs(source) {
		wd, err := os.Getwd()
		if err != nil {
			return ""
		}
		rel, err := filepath.Rel(wd, source)
		if err != nil || rel == ".." || filepath.IsAbs(rel) || len(rel) > 2 && rel[:3] == ".."+string(filepath.Separator) {
			return ""
		}
		source = rel
	}
	return filepath.ToSlash(filepath.Clean(source))
}
