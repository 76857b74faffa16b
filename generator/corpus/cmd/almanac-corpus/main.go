// Command almanac-corpus writes a generated almanac site to a folder, for
// benchmarks and load tests:
//
//	go run ./generator/corpus/cmd/almanac-corpus -pages 10000 -seed 1 -out /tmp/corpus10k
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"almanac/generator/corpus"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "almanac-corpus:", err)
		os.Exit(2)
	}
}

func run(args []string) error {
	return runTo(os.Stdout, args)
}

func runTo(stdout io.Writer, args []string) error {
	fs := flag.NewFlagSet("almanac-corpus", flag.ContinueOnError)
	pages := fs.Int("pages", 10000, "number of Markdown pages (at least 20)")
	seed := fs.Int64("seed", 1, "seed; the same seed gives the same site")
	korean := fs.Float64("korean", 0.1, "share of pages written in Korean (0 to 1)")
	now := fs.String("now", corpus.DefaultNow().Format(time.RFC3339), "the present the site is written around (RFC 3339)")
	out := fs.String("out", "", "folder to write the site into (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("-out is required")
	}
	if *pages < 20 {
		return errors.New("-pages must be at least 20")
	}
	t, err := time.Parse(time.RFC3339, *now)
	if err != nil {
		return fmt.Errorf("-now: %w", err)
	}
	if *korean == 0 {
		*korean = -1 // Options reads zero as the default share
	}
	opts := corpus.Options{Pages: *pages, Seed: *seed, Korean: *korean, Now: t}
	start := time.Now()
	if err := corpus.WriteDir(*out, opts); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d pages to %s in %v\n", *pages, *out, time.Since(start).Round(time.Millisecond))
	return nil
}
