// Package cli is almanac's command line: it parses arguments, runs one
// command and returns the process exit code, so every command can be tested
// without starting a process.
package cli

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"runtime/debug"
	"sort"
	"strings"
)

// Exit codes.
const (
	ExitOK     = 0
	ExitFailed = 1 // the content has errors, or the build failed
	ExitUsage  = 2 // the command line is wrong
)

// Env is what a command may use from its surroundings.
type Env struct {
	Stdout, Stderr io.Writer
	Theme          fs.FS // embedded default layouts/ and static/
	Getenv         func(string) string
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, env Env) int
}

func commands() []command {
	return []command{
		{"build", "build the site into a folder (public/ by default)", runBuild},
		{"serve", "preview the site as you edit it, at http://127.0.0.1:1313/", runServe},
		{"check", "check the content as a build would and list every problem", runCheck},
		{"new", "write a ready-to-fill story, release, post-mortem or page", runNew},
		{"schema", "write a JSON Schema per kind, for editors", runSchema},
		{"stamp", "write the dates git knows into the stories and releases that leave them out", runStamp},
		{"version", "print the version", runVersion},
	}
}

// Run executes the command named by args[0].
func Run(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if len(args) == 0 {
		usage(env.Stderr)
		return ExitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		usage(env.Stdout)
		return ExitOK
	case "--version", "-version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, args[1:], env)
		}
	}
	fmt.Fprintf(env.Stderr, "almanac: unknown command %q\n\n", name)
	usage(env.Stderr)
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "almanac turns a team's stories, releases, post-mortems and metrics into a static site.")
	fmt.Fprintln(w, "\nUsage: almanac <command> [flags]\n\nCommands:")
	cs := commands()
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'almanac <command> --help' for a command's flags.")
}

func runVersion(_ context.Context, args []string, env Env) int {
	if len(args) > 0 {
		fmt.Fprintln(env.Stderr, "usage: almanac version")
		return ExitUsage
	}
	fmt.Fprintln(env.Stdout, "almanac", Version())
	return ExitOK
}

// Version returns the module version the binary was built from, with the
// VCS revision when the build recorded one.
func Version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += " " + rev + dirty
	}
	return strings.TrimSpace(v + " " + info.GoVersion)
}
