package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"almanac/generator/newpage"
	"almanac/generator/sitefs"
)

func runNew(ctx context.Context, args []string, env Env) int {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	source := fl.String("source", ".", "the site's root `folder`")
	dir := fl.String("dir", "", "for a page: the `folder` under the content folder to put it in")
	nowFlag := fl.String("now", "", "\"today\" as RFC 3339 or YYYY-MM-DD (default: the current time, in the site's time zone)")
	fl.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: almanac new <kind> <title> [flags]\n\nWrites a ready-to-fill page and prints its path. Kinds:")
		fmt.Fprintln(env.Stderr, `  story "Export deploy log"         content/stories/export-deploy-log.md, the next story id`)
		fmt.Fprintln(env.Stderr, `  release 1.5.0                     content/releases/1.5.0.md`)
		fmt.Fprintln(env.Stderr, `  postmortem "API 5xx after 1.4.0"  content/postmortems/<today>-api-5xx-after-1-4-0.md, the next id of the year`)
		fmt.Fprintln(env.Stderr, `  decision "Adopt Kafka"            content/decisions/adr-<n>-adopt-kafka.md, the next ADR id`)
		fmt.Fprintln(env.Stderr, `  page "On-call"                    content/on-call.md (--dir handbook: content/handbook/on-call.md)`)
		fmt.Fprintln(env.Stderr, "\nIt never replaces a file. Templates are layouts/new/<kind>.md, the site's over the theme's.\n\nFlags:")
		fl.PrintDefaults()
	}
	// Flags may come before or after the kind and title.
	var words []string
	rest := args
	for {
		if err := fl.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return ExitOK
			}
			return ExitUsage
		}
		if fl.NArg() == 0 {
			break
		}
		words = append(words, fl.Arg(0))
		rest = fl.Args()[1:]
	}
	if len(words) < 2 {
		fl.Usage()
		return ExitUsage
	}
	kind, title := words[0], strings.Join(words[1:], " ")
	if st, err := os.Stat(*source); err != nil || !st.IsDir() {
		fmt.Fprintf(env.Stderr, "almanac new: --source %s is not a folder\n", *source)
		return ExitUsage
	}
	srcFS, err := sitefs.Open(*source)
	if err != nil {
		fmt.Fprintf(env.Stderr, "almanac new: --source %s: %v\n", *source, err)
		return ExitUsage
	}
	defer srcFS.Close()
	now, err := parseNow(*nowFlag, srcFS)
	if err != nil {
		fmt.Fprintf(env.Stderr, "almanac new: --now: %v\n", err)
		return ExitUsage
	}
	f, err := newpage.Make(ctx, srcFS, env.Theme, newpage.Request{Kind: kind, Title: title, Dir: *dir, Now: now})
	if err != nil {
		msg := err.Error()
		if errors.Is(err, newpage.ErrUsage) {
			fmt.Fprintf(env.Stderr, "almanac new: %s\n", strings.TrimPrefix(msg, newpage.ErrUsage.Error()+": "))
			return ExitUsage
		}
		fmt.Fprintf(env.Stderr, "almanac new: %s\n", msg)
		return ExitFailed
	}
	if err := newpage.Write(*source, f); err != nil {
		fmt.Fprintf(env.Stderr, "almanac new: %v\n", err)
		return ExitFailed
	}
	what := filepath.ToSlash(filepath.Join(*source, filepath.FromSlash(f.Path)))
	if f.ID != "" {
		what += " (" + f.ID + ")"
	}
	fmt.Fprintf(env.Stdout, "wrote %s\n", what)
	return ExitOK
}
