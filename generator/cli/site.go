package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"almanac/generator/sitefs"
)

// openSite checks --source and reads --now for command cmd, printing what
// is wrong; ok is false on a usage error. The site is read through sitefs:
// nothing outside --source, symbolic links included, and nothing in .git.
// It stays open for the life of the process, which reads it once (the
// preview opens the folder itself, to read it again after each edit).
func openSite(env Env, cmd, source, nowFlag string) (fsys fs.FS, now time.Time, ok bool) {
	if st, err := os.Stat(source); err != nil || !st.IsDir() {
		fmt.Fprintf(env.Stderr, "almanac %s: --source %s is not a folder\n", cmd, source)
		return nil, time.Time{}, false
	}
	root, err := sitefs.OpenOnce(source)
	if err != nil {
		fmt.Fprintf(env.Stderr, "almanac %s: --source %s: %v\n", cmd, source, err)
		return nil, time.Time{}, false
	}
	fsys = root
	now, err = parseNow(nowFlag, fsys)
	if err != nil {
		fmt.Fprintf(env.Stderr, "almanac %s: --now: %v\n", cmd, err)
		return nil, time.Time{}, false
	}
	return fsys, now, true
}

// cachePath is the highlighting cache folder from --cache-dir and
// --no-cache, "" for none. By default it is the user's cache folder
// ($XDG_CACHE_HOME, else ~/.cache) under almanac/, one folder per site:
// never inside the site, where a pull request could commit entries that a
// build would then trust as highlighted code.
func cachePath(env Env, source, dir string, off bool) string {
	switch {
	case off:
		return ""
	case dir != "":
		return dir
	}
	base := env.Getenv("XDG_CACHE_HOME")
	if base == "" || !filepath.IsAbs(base) {
		home := env.Getenv("HOME")
		if home == "" {
			return "" // nowhere to keep it: memory only
		}
		base = filepath.Join(home, ".cache")
	}
	abs, err := filepath.Abs(source)
	if err != nil {
		abs = source
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, "almanac", filepath.Base(abs)+"-"+hex.EncodeToString(sum[:6]))
}

// parseFlags parses args for command cmd, which takes no arguments
// besides its flags. On --help or a usage error it returns the exit code
// and false; the flag set has printed what to say.
func parseFlags(fl *flag.FlagSet, args []string, env Env, cmd string) (code int, ok bool) {
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK, false
		}
		return ExitUsage, false
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "almanac %s: unexpected argument %q\n", cmd, fl.Arg(0))
		return ExitUsage, false
	}
	return ExitOK, true
}
