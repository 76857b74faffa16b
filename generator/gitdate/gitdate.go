// Package gitdate reads when each file of a folder last changed from the
// folder's git history, with one `git log` for the whole folder.
package gitdate

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strings"
	"time"
)

// record and field separators in git's output.
const (
	recordSep = "\x1e"
	fieldSep  = "\x1f"
)

// Lastmod returns, for every file under dir that git has a commit for,
// the committer date of the last commit that changed it, keyed by the
// file's slash path relative to dir. It runs git twice: whether the clone
// is shallow, and one log of the whole folder.
//
// In a shallow clone the oldest commit stands for all the history that
// was not fetched, so the files it lists have no known date and are left
// out rather than all dated to that commit. An error means no dates at all
// (no git, not a repository); callers fall back to none.
func Lastmod(ctx context.Context, dir string) (map[string]time.Time, error) {
	shallowOut, err := run(ctx, dir, "rev-parse", "--is-shallow-repository")
	if err != nil {
		return nil, err
	}
	shallow := strings.TrimSpace(string(shallowOut)) == "true"
	out, err := run(ctx, dir, "-c", "core.quotePath=false", "log", "--relative", "--no-renames",
		"--name-only", "--format=format:"+recordSep+"%cI"+fieldSep+"%P")
	if err != nil {
		return nil, err
	}
	return parse(out, shallow), nil
}

// run runs git in dir and returns its standard output.
func run(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, errors.New("git: " + msg)
		}
		return nil, err
	}
	return out, nil
}

// parse reads the log: records of "date␟parents" followed by the names of
// the files the commit changed, one a line.
func parse(out []byte, shallow bool) map[string]time.Time {
	dates := map[string]time.Time{}
	for _, rec := range bytes.Split(out, []byte(recordSep)) {
		sc := bufio.NewScanner(bytes.NewReader(rec))
		sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
		if !sc.Scan() {
			continue
		}
		date, parents, _ := strings.Cut(sc.Text(), fieldSep)
		t, err := time.Parse(time.RFC3339, strings.TrimSpace(date))
		if err != nil {
			continue
		}
		if shallow && strings.TrimSpace(parents) == "" {
			continue // the boundary of a shallow clone: its files' dates are unknown
		}
		for sc.Scan() {
			name := strings.TrimSpace(sc.Text())
			if name == "" {
				continue
			}
			if prev, ok := dates[name]; !ok || t.After(prev) {
				dates[name] = t
			}
		}
	}
	return dates
}
