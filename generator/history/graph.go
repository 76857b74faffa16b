package history

import (
	"strings"
	"time"
)

// found is one derived timestamp and the full hash of the commit it was
// read from.
type found struct {
	At     time.Time `json:"at"`
	Commit string    `json:"commit"`
}

// storyFound is what one repository's history says about one story.
type storyFound struct {
	First  *found `json:"first,omitempty"`
	Merged *found `json:"merged,omitempty"`
}

// analysis is what one repository's history says about every story, as
// it is kept in the cache.
type analysis struct {
	Stories map[string]storyFound `json:"stories"`
	// Edge is the newest committer date of a shallow clone's boundary
	// commits: history before it is not in the clone. Zero when complete.
	Edge time.Time `json:"edge,omitzero"`
	// Cut lists the stories whose commits reach that boundary and so get
	// no dates from this repository.
	Cut []string `json:"cut,omitempty"`
	// NoBranch is set when the branch that counts as merged was not found.
	NoBranch bool `json:"no_branch,omitempty"`
}

// graph is a repository's commits with what the analysis works out: the
// first-parent line of the branch and, for every commit, the commit of
// that line through which it became reachable.
type graph struct {
	commits []commit
	index   map[string]int32
	line    []int32 // the branch's first-parent line, oldest first
	onLine  []int32 // commit → its place in line, or -1
	via     []int32 // commit → the place in line through which it became reachable, or -1
	members [][]int32
}

func newGraph(commits []commit, index map[string]int32, tip string) *graph {
	g := &graph{commits: commits, index: index}
	g.onLine = make([]int32, len(commits))
	g.via = make([]int32, len(commits))
	for i := range commits {
		g.onLine[i], g.via[i] = -1, -1
	}
	t, ok := index[tip]
	if !ok {
		return g
	}
	for c := t; len(g.line) < len(commits); c = commits[c].parents[0] {
		g.line = append(g.line, c)
		if len(commits[c].parents) == 0 {
			break
		}
	}
	for i, j := 0, len(g.line)-1; i < j; i, j = i+1, j-1 {
		g.line[i], g.line[j] = g.line[j], g.line[i]
	}
	for i, c := range g.line {
		g.onLine[c] = int32(i)
	}
	g.members = make([][]int32, len(g.line))
	var stack []int32
	for i, c := range g.line {
		stack = append(stack[:0], c)
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if g.via[x] >= 0 {
				continue
			}
			g.via[x] = int32(i)
			g.members[i] = append(g.members[i], x)
			for _, p := range commits[x].parents {
				if g.via[p] < 0 {
					stack = append(stack, p)
				}
			}
		}
	}
	return g
}

// sideOf returns the commits a branch brought: from c along first parents
// until the branch's line (where it forked), and whether that walk ran
// into the edge of a shallow clone.
func (g *graph) sideOf(c int32, seen map[int32]bool) (out []int32, cut bool) {
	for {
		if g.onLine[c] >= 0 || seen[c] {
			return out, cut
		}
		seen[c] = true
		out = append(out, c)
		cm := &g.commits[c]
		if cm.cut {
			cut = true
		}
		if len(cm.parents) == 0 {
			return out, cut
		}
		c = cm.parents[0]
	}
}

// storyGroup gathers a story's commits and works out its dates.
type storyGroup struct {
	first  int32 // earliest author date, -1 when none
	merged int32 // smallest place in line of any member's via, -1 when none
	cut    bool
}

func (g *graph) add(s *storyGroup, c int32) {
	cm := &g.commits[c]
	if cm.cut {
		s.cut = true
	}
	if s.first < 0 || earlier(cm, &g.commits[s.first]) {
		s.first = c
	}
	if v := g.via[c]; v >= 0 && (s.merged < 0 || v < s.merged) {
		s.merged = v
	}
}

func earlier(a, b *commit) bool {
	if !a.author.Equal(b.author) {
		return a.author.Before(b.author)
	}
	return a.hash < b.hash
}

// analyze works out every story's first commit and merge in one pass over
// the graph. A story's commits are those whose message names it; for a
// merge that names it, every commit the merge brought in; and for a
// branch named after it, the branch's own commits. ids are the stories'
// ids, m matches them; branch is the ref name of the branch counted as
// merged, "" when it was not found.
func (g *graph) analyze(ids []string, m *matcher, refs []ref, branch string) analysis {
	groups := make([]storyGroup, len(ids))
	for i := range groups {
		groups[i] = storyGroup{first: -1, merged: -1}
	}
	seen := map[int32]bool{}
	addSide := func(j int, from int32) {
		clear(seen)
		side, cut := g.sideOf(from, seen)
		for _, x := range side {
			g.add(&groups[j], x)
		}
		if cut {
			groups[j].cut = true
		}
	}
	for c := range g.commits {
		cm := &g.commits[c]
		for _, j := range cm.names {
			g.add(&groups[j], int32(c))
			if pos := g.onLine[c]; pos >= 0 {
				for _, x := range g.members[pos] {
					g.add(&groups[j], x)
				}
			} else if len(cm.parents) >= 2 {
				addSide(j, cm.parents[1])
			}
		}
	}
	for _, r := range refs {
		name := branchName(r.name)
		if name == "" || r.name == branch {
			continue
		}
		c, ok := g.index[r.commit]
		if !ok {
			continue
		}
		m.find(name, func(j int) { addSide(j, c) })
	}
	a := analysis{Stories: map[string]storyFound{}}
	for j, s := range groups {
		if s.first < 0 || ids[j] == "" {
			continue
		}
		if s.cut {
			a.Cut = append(a.Cut, ids[j])
			continue
		}
		fc := &g.commits[s.first]
		sf := storyFound{First: &found{At: fc.author, Commit: fc.hash}}
		if s.merged >= 0 {
			mc := &g.commits[g.line[s.merged]]
			sf.Merged = &found{At: mc.committer, Commit: mc.hash}
		}
		a.Stories[ids[j]] = sf
	}
	for i := range g.commits {
		if c := &g.commits[i]; c.cut && c.committer.After(a.Edge) {
			a.Edge = c.committer
		}
	}
	return a
}

// branchName is the branch part of a branch or remote branch ref
// ("story-142-export" of refs/remotes/origin/story-142-export); "" for
// tags.
func branchName(ref string) string {
	if rest, ok := strings.CutPrefix(ref, "refs/heads/"); ok {
		return rest
	}
	if rest, ok := strings.CutPrefix(ref, "refs/remotes/"); ok {
		if _, b, ok := strings.Cut(rest, "/"); ok {
			return b
		}
	}
	return ""
}
