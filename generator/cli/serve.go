package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"syscall"

	"almanac/generator/serve"
)

func runServe(ctx context.Context, args []string, env Env) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	source := fl.String("source", ".", "the site's root `folder` (almanac.toml, content/, layouts/, static/)")
	bind := fl.String("bind", "127.0.0.1", "`address` to listen on; 0.0.0.0 opens the preview to the network")
	port := fl.Int("port", 1313, "`port` to listen on (0 picks a free one)")
	noDrafts := fl.Bool("no-drafts", false, "leave drafts and future-dated pages out, as a build does")
	nowFlag := fl.String("now", "", "the preview's present as RFC 3339 or YYYY-MM-DD (default: when it starts)")
	cacheDir := fl.String("cache-dir", "", "`folder` that keeps highlighted code between runs (default ~/.cache/almanac/SITE-HASH)")
	noCache := fl.Bool("no-cache", false, "keep no highlighting cache on disk")
	fl.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: almanac serve [flags]\n\nBuilds the site in SOURCE into memory and serves it, drafts included. Every saved")
		fmt.Fprintln(env.Stderr, "change under content/, layouts/, static/ or almanac.toml updates the open pages; errors show")
		fmt.Fprintln(env.Stderr, "over the page and in the terminal while the last good site stays served. Ctrl-C stops.\n\nFlags:")
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args, env, "serve"); !ok {
		return code
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(env.Stderr, "almanac serve: --port %d is not a port\n", *port)
		return ExitUsage
	}
	_, now, ok := openSite(env, "serve", *source, *nowFlag)
	if !ok {
		return ExitUsage
	}
	cache := cachePath(env, *source, *cacheDir, *noCache)
	srv, err := serve.Start(ctx, serve.Options{
		Source:   *source,
		Theme:    env.Theme,
		Bind:     *bind,
		Port:     *port,
		Drafts:   !*noDrafts,
		Now:      now,
		CacheDir: cache,
		Log:      env.Stderr,
	})
	if err != nil {
		fmt.Fprintf(env.Stderr, "almanac serve: %v\n", err)
		if errors.Is(err, syscall.EADDRINUSE) {
			fmt.Fprintf(env.Stderr, "another program listens on port %d: pick another with --port\n", *port)
		}
		return ExitFailed
	}
	drafts := "drafts shown"
	if *noDrafts {
		drafts = "drafts left out"
	}
	fmt.Fprintf(env.Stdout, "serving %s at %s (%s; Ctrl-C stops)\n", *source, srv.URL(), drafts)
	if err := srv.Wait(); err != nil {
		fmt.Fprintf(env.Stderr, "almanac serve: %v\n", err)
		return ExitFailed
	}
	fmt.Fprintln(env.Stdout, "stopped")
	return ExitOK
}
