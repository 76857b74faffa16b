// Command almanac builds a DevOps team's stories, releases, post-mortems and
// metrics into a static site: almanac build | serve | check | new | version.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // time zones on machines without a zone database

	"almanac/generator/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], cli.Env{
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Theme:  themeFS(),
		Getenv: os.Getenv,
	})
	stop()
	os.Exit(code)
}
