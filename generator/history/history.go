// Package history reads the stories' and releases' timestamps that front
// matter leaves out from the code's git history: the repositories named
// by [[repositories]] in almanac.toml.
//
// A story's commits are those whose message names its id (a whole word,
// any case), every commit a merge naming it brought in, and the own
// commits of a branch named after it. Its first_commit_at is the earliest
// author date among them, across all repositories; its merged_at the
// committer date of the commit of the branch's first-parent line through
// which the first of them became reachable (the merge, or the squashed or
// rebased commit itself). A release's released_at is the date of its tag
// (an annotated tag's tagger date, a lightweight tag's commit date), from
// the first repository, in the order of almanac.toml, that has the tag.
//
// Each repository is read with one `git log` per build; the result is
// kept in the cache folder, keyed by the repository's HEAD and refs and
// the ids looked for, so a build after one that changed none of these
// reads no history at all.
package history

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"almanac/generator/site"
)

// configFile is where repositories are declared; their warnings point there.
const configFile = "almanac.toml"

// Dated is a timestamp read from git and where it was read.
type Dated struct {
	At     time.Time
	Source site.Source
}

// StoryDates are what git says about one story; nil where it says nothing.
type StoryDates struct {
	FirstCommit *Dated
	Merged      *Dated
}

// Facts is what the repositories say, all of them together.
type Facts struct {
	Stories  map[string]StoryDates // by story id, as the site spells it
	Releases map[string]Dated      // by version
}

// reader reads repositories. It counts the `git log` runs it made, so
// that tests can see that a warm build made none.
type reader struct {
	logs int
}

// Read asks every repository of repos (paths relative to siteDir) about
// the story ids and release versions given. cacheDir "" keeps no cache.
// A repository that is missing, is not a clone or is shallow is a warning;
// what the others say is still returned.
func Read(ctx context.Context, repos []site.Repository, siteDir, cacheDir string, ids, versions []string) (*Facts, site.Diagnostics) {
	var r reader
	return r.read(ctx, repos, siteDir, cacheDir, ids, versions)
}

func (r *reader) read(ctx context.Context, repos []site.Repository, siteDir, cacheDir string, ids, versions []string) (*Facts, site.Diagnostics) {
	facts := &Facts{Stories: map[string]StoryDates{}, Releases: map[string]Dated{}}
	var diags site.Diagnostics
	m := newMatcher(ids)
	for _, repo := range repos {
		pos := repo.Pos
		if !pos.IsValid() {
			pos = site.Pos{File: configFile}
		}
		dir := repo.Path
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(siteDir, filepath.FromSlash(dir))
		}
		name := repoName(dir)
		if _, err := os.Stat(dir); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				diags.Add(site.Diagnostic{Pos: pos, Severity: site.Warning,
					Msg:  fmt.Sprintf("repositories: %s does not exist; its stories and releases keep only the dates their front matter gives", repo.Path),
					Hint: "clone it there before building, or take it out of almanac.toml"})
			} else {
				diags.Warnf(pos, "repositories: %s: %v", repo.Path, err)
			}
			continue
		}
		h, err := readHead(ctx, dir)
		if err != nil {
			if ctx.Err() != nil {
				return facts, diags
			}
			diags.Add(site.Diagnostic{Pos: pos, Severity: site.Warning,
				Msg:  fmt.Sprintf("repositories: %s cannot be read as a git clone (%v); its dates are left out", repo.Path, err),
				Hint: "name the folder of a clone with at least one commit"})
			continue
		}
		tip, branchRef, noBranch := h.commit, "", false
		if repo.Branch != "" {
			if branchRef, tip = findBranch(h.refs, repo.Branch); tip == "" {
				// HEAD's line still tells a branch's own commits from
				// what it forked from; nothing counts as merged.
				tip, noBranch = h.commit, true
			}
		}
		abs := absPath(dir)
		key := cacheKey(abs, repo.Branch, h, ids)
		a, ok := loadCached(cacheDir, abs, key)
		if !ok {
			a, err = r.analyze(ctx, dir, h, m, ids, tip, branchRef, noBranch)
			if err != nil {
				if ctx.Err() != nil {
					return facts, diags
				}
				diags.Warnf(pos, "repositories: %s: git log failed (%v); its dates are left out", repo.Path, err)
				continue
			}
			store(cacheDir, abs, key, a)
		}
		if a.NoBranch {
			diags.Add(site.Diagnostic{Pos: pos, Severity: site.Warning,
				Msg:  fmt.Sprintf("repositories: %s has no branch %q; no merged_at is read from it", repo.Path, repo.Branch),
				Hint: "fetch the branch, or set branch to the one that counts as merged"})
		}
		if h.shallow {
			diags.Add(shallowWarning(pos, repo.Path, a))
		}
		merge(facts, a, name, ids)
		tags(facts, h.refs, repo, name, versions)
	}
	return facts, diags
}

// analyze reads one repository's history: the build's one git log of it.
func (r *reader) analyze(ctx context.Context, dir string, h head, m *matcher, ids []string, tip, branchRef string, noBranch bool) (analysis, error) {
	r.logs++
	commits, index, err := readLog(ctx, dir, m, h.shallow)
	if err != nil {
		return analysis{}, err
	}
	g := newGraph(commits, index, tip)
	a := g.analyze(ids, m, h.refs, branchRef)
	if noBranch {
		a.NoBranch = true
		for id, sf := range a.Stories {
			sf.Merged = nil
			a.Stories[id] = sf
		}
	}
	return a, nil
}

// findBranch finds the branch that counts as merged: a local branch of
// that name, else origin's, else any remote's (a CI checkout often has
// only remote branches).
func findBranch(refs []ref, branch string) (name, commit string) {
	for _, want := range []string{"refs/heads/" + branch, "refs/remotes/origin/" + branch} {
		for _, r := range refs {
			if r.name == want {
				return r.name, r.commit
			}
		}
	}
	for _, r := range refs {
		if strings.HasPrefix(r.name, "refs/remotes/") && branchName(r.name) == branch {
			return r.name, r.commit
		}
	}
	return "", ""
}

func shallowWarning(pos site.Pos, path string, a analysis) site.Diagnostic {
	msg := fmt.Sprintf("repositories: %s is a shallow clone: it has no commits before %s, so stories and releases whose commits are older get no dates from it",
		path, a.Edge.UTC().Format(time.RFC3339))
	if n := len(a.Cut); n > 0 {
		ex := a.Cut
		if len(ex) > 3 {
			ex = append(ex[:3:3], "…")
		}
		msg += fmt.Sprintf("; %d %s reach that edge and %s left undated (%s)", n, plural(n, "story", "stories"),
			plural(n, "is", "are"), strings.Join(ex, ", "))
	}
	return site.Diagnostic{Pos: pos, Severity: site.Warning, Msg: msg,
		Hint: "fetch the whole history, e.g. actions/checkout with fetch-depth: 0"}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// merge adds one repository's stories to facts: the earliest first commit
// and merge win; on a tie the repository listed first.
func merge(facts *Facts, a analysis, name string, ids []string) {
	for _, id := range ids {
		sf, ok := a.Stories[id]
		if !ok {
			continue
		}
		d := facts.Stories[id]
		if sf.First != nil && (d.FirstCommit == nil || sf.First.At.Before(d.FirstCommit.At)) {
			d.FirstCommit = &Dated{At: sf.First.At, Source: site.Source{Repository: name, Commit: short(sf.First.Commit)}}
		}
		if sf.Merged != nil && (d.Merged == nil || sf.Merged.At.Before(d.Merged.At)) {
			d.Merged = &Dated{At: sf.Merged.At, Source: site.Source{Repository: name, Commit: short(sf.Merged.Commit)}}
		}
		facts.Stories[id] = d
	}
}

// tags dates each version not dated yet by the first of the repository's
// tag spellings that it has.
func tags(facts *Facts, refs []ref, repo site.Repository, name string, versions []string) {
	patterns := repo.Tags
	if len(patterns) == 0 {
		patterns = site.DefaultTagPatterns
	}
	byName := make(map[string]ref, len(refs))
	for _, r := range refs {
		if !r.date.IsZero() {
			byName[r.name] = r
		}
	}
	for _, v := range versions {
		if _, done := facts.Releases[v]; done || v == "" {
			continue
		}
		for _, p := range patterns {
			tag := strings.ReplaceAll(p, "{version}", v)
			if r, ok := byName["refs/tags/"+tag]; ok {
				facts.Releases[v] = Dated{At: r.date, Source: site.Source{Repository: name, Commit: short(r.commit), Tag: tag}}
				break
			}
		}
	}
}

func short(hash string) string {
	if len(hash) > 7 {
		return hash[:7]
	}
	return hash
}

// repoName is how pages name a repository: its folder's name.
func repoName(dir string) string { return filepath.Base(absPath(dir)) }

func absPath(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return filepath.Clean(dir)
}
