package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"almanac/generator/schema"
)

func runSchema(_ context.Context, args []string, env Env) int {
	fl := flag.NewFlagSet("schema", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	dest := fl.String("dest", "", "`folder` to write the schemas into (created if missing)")
	fl.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: almanac schema --dest DIR\n\nWrites one JSON Schema (draft 2020-12) per kind of page, for editors that check")
		fmt.Fprintln(env.Stderr, "and complete front matter while it is typed (see README: VS Code with the YAML extension).\n\nFlags:")
		fl.PrintDefaults()
	}
	if code, ok := parseFlags(fl, args, env, "schema"); !ok {
		return code
	}
	if *dest == "" {
		fmt.Fprintln(env.Stderr, "almanac schema: --dest is required")
		return ExitUsage
	}
	if err := os.MkdirAll(*dest, 0o755); err != nil {
		fmt.Fprintf(env.Stderr, "almanac schema: %v\n", err)
		return ExitFailed
	}
	files := schema.Files()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(*dest, name)
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			fmt.Fprintf(env.Stderr, "almanac schema: %v\n", err)
			return ExitFailed
		}
		fmt.Fprintln(env.Stdout, "wrote", filepath.ToSlash(p))
	}
	return ExitOK
}
