package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"syscall"

	"almanac/generator/serve"
)

func runServe(ctx context.Context, args []string, env Env) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	source := fl.String("source", ".", "the site's root `folder` (almanac.toml, content/, layouts/, static/)")
	bind := fl.String("bind", "127.0.0.1", "`address` to listen on; 0.0.0.0 opens the preview, drafts included, to the network")
	var allow hostFlag
	fl.Var(&allow, "allow-host", "a `host` name to answer to besides localhost (and, with --bind, this machine's addresses);\n"+
		"comma separated, may be given more than once; '*' is any name, and turns off the protection\n"+
		"against web pages that reach the preview through a name of their own")
	port := fl.Int("port", 1313, "`port` to listen on (0 picks a free one)")
	noDrafts := fl.Bool("no-drafts", false, "leave drafts and future-dated pages out, as a build does")
	nowFlag := fl.String("now", "", "the preview's present as RFC 3339 or YYYY-MM-DD (default: when it starts)")
	cacheDir := fl.String("cache-dir", "", "`folder` that keeps highlighted code between runs (default ~/.cache/almanac/SITE-HASH)")
	noCache := fl.Bool("no-cache", false, "keep no highlighting cache on disk")
	fl.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: almanac serve [flags]\n\nBuilds the site in SOURCE into memory and serves it, drafts included. Every saved")
		fmt.Fprintln(env.Stderr, "change under content/, layouts/, static/ or almanac.toml updates the open pages; errors show")
		fmt.Fprintln(env.Stderr, "over the page and in the terminal while the last version that built stays served. It answers to")
		fmt.Fprintln(env.Stderr, "this machine only unless --bind opens it; then to this machine's addresses and the names")
		fmt.Fprintln(env.Stderr, "--allow-host gives, and refuses any other Host. Ctrl-C stops.\n\nFlags:")
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args, env, "serve"); !ok {
		return code
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(env.Stderr, "almanac serve: --port %d is not a port\n", *port)
		return ExitUsage
	}
	hosts, err := serve.ParseHosts(allow)
	if err != nil {
		fmt.Fprintf(env.Stderr, "almanac serve: --allow-host: %v\n", err)
		return ExitUsage
	}
	_, now, ok := openSite(env, "serve", *source, *nowFlag)
	if !ok {
		return ExitUsage
	}
	cache := cachePath(env, *source, *cacheDir, *noCache)
	srv, err := serve.Start(ctx, serve.Options{
		Source:     *source,
		Theme:      env.Theme,
		Bind:       *bind,
		Port:       *port,
		AllowHosts: hosts,
		Drafts:     !*noDrafts,
		Now:        now,
		CacheDir:   cache,
		Log:        env.Stderr,
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
	fmt.Fprintf(env.Stdout, "serving %s at %s (%s; Ctrl-C stops)\n", *source, strings.Join(srv.URLs(), ", "), drafts)
	if err := srv.Wait(); err != nil {
		fmt.Fprintf(env.Stderr, "almanac serve: %v\n", err)
		return ExitFailed
	}
	fmt.Fprintln(env.Stdout, "stopped")
	return ExitOK
}

// hostFlag gathers --allow-host values, each of which may list several.
type hostFlag []string

func (h *hostFlag) String() string { return strings.Join(*h, ",") }

func (h *hostFlag) Set(v string) error {
	if _, err := serve.ParseHosts([]string{v}); err != nil {
		return err
	}
	*h = append(*h, v)
	return nil
}
