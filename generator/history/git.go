package history

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Separators in git's output: between records and between fields.
const (
	recordSep = '\x1e'
	fieldSep  = "\x1f"
)

// gitCmd makes a git command in dir that no configuration can change the
// output of (signatures, colours, replaced objects, a pager) or make run
// a program of its own (a file system monitor, hooks, a signature
// checker): a repository named in almanac.toml may come with a pull
// request.
func gitCmd(ctx context.Context, dir string, args ...string) *exec.Cmd {
	full := append([]string{"-C", dir, "-c", "log.showSignature=false", "-c", "color.ui=false",
		"-c", "i18n.logOutputEncoding=UTF-8", "-c", "core.fsmonitor=false", "-c", "core.hooksPath=" + os.DevNull,
		"--no-pager", "--no-replace-objects"}, args...)
	cmd := exec.CommandContext(ctx, "git", full...)
	// A hook or another tool may have set where git looks; dir decides.
	var env []string
	for _, e := range cmd.Environ() {
		name, _, _ := strings.Cut(e, "=")
		switch name {
		case "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
			"GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE":
			continue
		}
		env = append(env, e)
	}
	cmd.Env = append(env, "GIT_TERMINAL_PROMPT=0", "LC_ALL=C")
	return cmd
}

// git runs git in dir and returns its standard output.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := gitCmd(ctx, dir, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, errors.New(firstLine(msg))
		}
		return nil, err
	}
	return out, nil
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// head is what a build asks a repository every time: where HEAD is,
// whether the clone is shallow, and its refs. Together they key the cache.
type head struct {
	commit  string
	shallow bool
	refs    []ref
	rawRefs []byte
}

// ref is a branch or tag. For a tag, date is the tagger date of an
// annotated tag and the commit's committer date of a lightweight one; it
// is unset for branches.
type ref struct {
	name   string // refs/heads/main, refs/remotes/origin/story-142-x, refs/tags/v1.4.0
	commit string // the commit it points at, tags peeled
	date   time.Time
}

const refFormat = "%(refname)%1f%(objecttype)%1f%(objectname)%1f%(*objectname)%1f%(taggerdate:iso-strict)%1f%(creatordate:iso-strict)"

// readHead asks for HEAD, shallowness and the refs: two short commands
// that read no history.
func readHead(ctx context.Context, dir string) (head, error) {
	out, err := git(ctx, dir, "rev-parse", "--is-shallow-repository", "HEAD")
	if err != nil {
		return head{}, err
	}
	lines := strings.Fields(string(out))
	if len(lines) != 2 {
		return head{}, errors.New("git rev-parse: unexpected output")
	}
	h := head{shallow: lines[0] == "true", commit: lines[1]}
	h.rawRefs, err = git(ctx, dir, "for-each-ref", "--format="+refFormat, "refs/heads", "refs/remotes", "refs/tags")
	if err != nil {
		return head{}, err
	}
	h.refs = parseRefs(h.rawRefs)
	return h, nil
}

func parseRefs(out []byte) []ref {
	var refs []ref
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Split(line, fieldSep)
		if len(f) != 6 {
			continue
		}
		r := ref{name: f[0], commit: f[2]}
		date := f[5]
		if f[1] == "tag" {
			r.commit, date = f[3], f[4]
			if date == "" {
				date = f[5]
			}
		} else if f[1] != "commit" {
			continue
		}
		if strings.HasSuffix(r.name, "/HEAD") && strings.HasPrefix(r.name, "refs/remotes/") {
			continue // origin/HEAD only repeats another remote branch
		}
		if t, err := time.Parse(time.RFC3339, date); err == nil && strings.HasPrefix(r.name, "refs/tags/") {
			r.date = t
		}
		refs = append(refs, r)
	}
	return refs
}

// commit is one commit of the log. Parents hold indexes into the log's
// commit list; a parent missing from it (the edge of a shallow clone) is
// left out and marks the commit as cut.
type commit struct {
	hash      string
	parents   []int32
	author    time.Time
	committer time.Time
	cut       bool  // some of its history is not in the clone
	names     []int // stories its message names
}

const logFormat = "--format=%H%x1f%P%x1f%aI%x1f%cI%x1f%B%x1e"

// readLog runs the one `git log` of a build over every branch, remote
// branch and tag, and matches each message against the story ids as it
// streams by, so messages are never all held at once.
func readLog(ctx context.Context, dir string, m *matcher, shallow bool) ([]commit, map[string]int32, error) {
	cmd := gitCmd(ctx, dir, "log", "--branches", "--remotes", "--tags", "HEAD", logFormat)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, err
	}
	commits, index, parents, perr := parseLog(pipe, m)
	_, _ = io.Copy(io.Discard, pipe)
	if err := cmd.Wait(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, nil, errors.New(firstLine(msg))
		}
		return nil, nil, err
	}
	if perr != nil {
		return nil, nil, perr
	}
	for i := range commits {
		for _, p := range parents[i] {
			if j, ok := index[p]; ok {
				commits[i].parents = append(commits[i].parents, j)
			} else {
				commits[i].cut = true
			}
		}
		if shallow && len(parents[i]) == 0 {
			commits[i].cut = true // a shallow clone's boundary shows no parents
		}
	}
	return commits, index, nil
}

func parseLog(r io.Reader, m *matcher) ([]commit, map[string]int32, [][]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, recordSep); i >= 0 {
			return i + 1, data[:i], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	var commits []commit
	var parents [][]string
	index := map[string]int32{}
	for sc.Scan() {
		rec := strings.TrimLeft(sc.Text(), "\n")
		if rec == "" {
			continue
		}
		f := strings.SplitN(rec, fieldSep, 5)
		if len(f) != 5 {
			continue
		}
		author, err1 := time.Parse(time.RFC3339, f[2])
		committer, err2 := time.Parse(time.RFC3339, f[3])
		if err1 != nil || err2 != nil {
			continue
		}
		c := commit{hash: f[0], author: author, committer: committer}
		m.find(f[4], func(i int) { c.names = append(c.names, i) })
		index[c.hash] = int32(len(commits))
		commits = append(commits, c)
		parents = append(parents, strings.Fields(f[1]))
	}
	return commits, index, parents, sc.Err()
}
