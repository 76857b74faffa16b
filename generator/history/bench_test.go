package history

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"almanac/generator/site"
)

// benchRepo writes a repository of n commits with git fast-import: a
// first-parent line on main where every tenth step merges a two-commit
// branch, messages naming one of stories ids (STORY-1 …), and a tag every
// 500 steps.
func benchRepo(b *testing.B, dir string, n, stories int) {
	b.Helper()
	runGit(b, dir, "", "", "init", "-q", "-b", "main")
	var in bytes.Buffer
	t0 := int64(1767225600) // 2026-01-01
	mark := 0
	commit := func(ref, msg string, merge int) int {
		mark++
		at := t0 + int64(mark)*600
		fmt.Fprintf(&in, "commit %s\nmark :%d\nauthor T <t@example.org> %d +0900\ncommitter T <t@example.org> %d +0900\ndata %d\n%s\n",
			ref, mark, at, at, len(msg), msg)
		if merge > 0 {
			fmt.Fprintf(&in, "merge :%d\n", merge)
		}
		return mark
	}
	prev := commit("refs/heads/main", "Initial commit", 0)
	for k := 1; mark < n; k++ {
		if k%10 == 0 {
			fmt.Fprintf(&in, "reset refs/heads/topic\nfrom :%d\n\n", prev)
			commit("refs/heads/topic", fmt.Sprintf("Work on it %d", k), 0)
			c := commit("refs/heads/topic", fmt.Sprintf("More work %d", k), 0)
			prev = commit("refs/heads/main", fmt.Sprintf("Merge branch 'story-%d-topic'", k%stories+1), c)
		} else {
			prev = commit("refs/heads/main", fmt.Sprintf("STORY-%d: change %d", k%stories+1, k), 0)
		}
		if k%500 == 0 {
			fmt.Fprintf(&in, "reset refs/tags/v1.%d.0\nfrom :%d\n\n", k/500, prev)
		}
	}
	cmd := exec.Command("git", "-C", dir, "fast-import", "--quiet")
	cmd.Stdin = &in
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("fast-import: %v\n%s", err, out)
	}
	runGit(b, dir, "", "", "checkout", "-q", "main")
}

// BenchmarkRead: the git step of a build for a repository of 50,000
// commits and a site of 5,000 stories, cold (one git log) and warm (the
// cache): go test ./generator/history -run '^$' -bench Read -benchtime 3x
func BenchmarkRead(b *testing.B) {
	// Writing 50,000 commits takes a while on a slow disk: the repository
	// is kept in the temporary folder for the next run.
	dir := filepath.Join(os.TempDir(), "almanac-history-bench-50000")
	if _, err := os.Stat(filepath.Join(dir, ".git", "almanac-bench-done")); err != nil {
		os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		benchRepo(b, dir, 50000, 5000)
		b.Logf("made the repository in %v", time.Since(start))
		if err := os.WriteFile(filepath.Join(dir, ".git", "almanac-bench-done"), nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	ids := make([]string, 5000)
	for i := range ids {
		ids[i] = fmt.Sprintf("STORY-%d", i+1)
	}
	versions := make([]string, 100)
	for i := range versions {
		versions[i] = fmt.Sprintf("1.%d.0", i+1)
	}
	repos := []site.Repository{{Path: dir, Branch: "main"}}
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			var r reader
			f, _ := r.read(context.Background(), repos, "", "", ids, versions)
			if len(f.Stories) != 5000 || r.logs != 1 {
				b.Fatalf("%d stories, %d logs", len(f.Stories), r.logs)
			}
		}
	})
	b.Run("warm", func(b *testing.B) {
		cache := b.TempDir()
		Read(context.Background(), repos, "", cache, ids, versions)
		for b.Loop() {
			var r reader
			f, _ := r.read(context.Background(), repos, "", cache, ids, versions)
			if len(f.Stories) != 5000 || r.logs != 0 || len(f.Releases) == 0 {
				b.Fatalf("%d stories, %d logs", len(f.Stories), r.logs)
			}
		}
	})
}
