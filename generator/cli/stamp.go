package cli

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"almanac/generator/content"
	"almanac/generator/history"
	"almanac/generator/site"
)

// runStamp writes the timestamps git knows into the story and release
// files that leave them out, so that a published build that cannot see the
// code repositories (a host that clones only the site) still has them: a
// CI job runs it and opens a pull request with the change.
func runStamp(ctx context.Context, args []string, env Env) int {
	fl := flag.NewFlagSet("stamp", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	source := fl.String("source", ".", "the site's root `folder`")
	dryRun := fl.Bool("dry-run", false, "print the changes as a unified diff and write nothing")
	cacheDir := fl.String("cache-dir", "", "`folder` of the cache build keeps (default ~/.cache/almanac/SITE-HASH)")
	noCache := fl.Bool("no-cache", false, "keep no cache on disk")
	fl.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: almanac stamp [flags]\n\nWrites first_commit_at, merged_at and released_at, as the repositories of almanac.toml's")
		fmt.Fprintln(env.Stderr, "[[repositories]] date them, into the stories and releases whose front matter leaves them out.")
		fmt.Fprintln(env.Stderr, "A value that is there is never changed, and the rest of each file stays byte for byte.\n\nFlags:")
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args, env, "stamp"); !ok {
		return code
	}
	srcFS, now, ok := openSite(env, "stamp", *source, "")
	if !ok {
		return ExitUsage
	}
	cfg, diags := content.LoadConfig(srcFS)
	if diags.HasErrors() {
		stampDiags(env, diags)
		return ExitFailed
	}
	if len(cfg.Repositories) == 0 {
		fmt.Fprintln(env.Stderr, "almanac stamp: almanac.toml names no [[repositories]]; there is nothing to read dates from")
		return ExitFailed
	}
	// Drafts too: a draft's dates are as true as a published page's. Load
	// errors are left to build and check; a page that loaded is stamped.
	s, _ := content.Load(ctx, srcFS, cfg, content.Options{Drafts: true, Now: now})
	if s == nil {
		return ExitFailed
	}
	warnings := history.Apply(ctx, s, *source, cachePath(env, *source, *cacheDir, *noCache))
	stampDiags(env, warnings)

	files, keys := 0, 0
	for _, p := range append(append([]*site.Page(nil), s.Stories...), s.Releases...) {
		fields := stampFields(p, cfg.Location)
		if len(fields) == 0 {
			continue
		}
		data, err := fs.ReadFile(srcFS, p.Source)
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s: %v\n", p.Source, err)
			return ExitFailed
		}
		e, err := history.Insert(data, fields)
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s: warning: not stamped: %v\n", p.Source, err)
			continue
		}
		if len(e.Added) == 0 {
			continue
		}
		files++
		keys += len(e.Added)
		if *dryRun {
			fmt.Fprint(env.Stdout, e.Diff(p.Source))
			continue
		}
		if err := replaceFile(filepath.Join(*source, filepath.FromSlash(p.Source)), e.Bytes()); err != nil {
			fmt.Fprintf(env.Stderr, "almanac stamp: %v\n", err)
			return ExitFailed
		}
		fmt.Fprintf(env.Stdout, "%s: %s\n", p.Source, strings.Join(e.Added, ", "))
	}
	verb := "stamped"
	if *dryRun {
		verb = "would stamp"
	}
	fmt.Fprintf(env.Stderr, "almanac stamp: %s %d %s in %d %s\n", verb, keys, stampPlural(keys, "key", "keys"), files, stampPlural(files, "file", "files"))
	return ExitOK
}

// stampFields are the keys of p that git dated and front matter left out,
// in the site's time zone, each placed after the key it follows in time.
func stampFields(p *site.Page, loc *time.Location) []history.Field {
	in := func(t time.Time) time.Time {
		if loc != nil {
			return t.In(loc)
		}
		return t
	}
	var out []history.Field
	if st := p.Story; st != nil {
		if st.FirstCommitFrom != nil {
			out = append(out, history.Field{Key: "first_commit_at", Value: in(st.FirstCommitAt),
				After: []string{"started_at", "created", "status"}})
		}
		if st.MergedFrom != nil {
			out = append(out, history.Field{Key: "merged_at", Value: in(st.MergedAt),
				After: []string{"first_commit_at", "started_at", "created", "status"}})
		}
	}
	if r := p.Release; r != nil && r.ReleasedFrom != nil {
		out = append(out, history.Field{Key: "released_at", Value: in(r.ReleasedAt),
			After: []string{"planned_date", "status"}})
	}
	return out
}

// replaceFile writes data over name through a temporary file in the same
// folder, keeping name's permissions, so an interrupted run leaves either
// the old file or the new one.
func replaceFile(name string, data []byte) error {
	st, err := os.Stat(name)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".stamp-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr == nil && cerr == nil {
		werr = os.Chmod(f.Name(), st.Mode().Perm())
	}
	if werr == nil && cerr == nil {
		werr = os.Rename(f.Name(), name)
	}
	if werr != nil || cerr != nil {
		os.Remove(f.Name())
		if werr == nil {
			werr = cerr
		}
		return werr
	}
	return nil
}

func stampDiags(env Env, diags site.Diagnostics) {
	for _, d := range diags {
		fmt.Fprintln(env.Stderr, d.Error())
	}
}

func stampPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
