package history

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"almanac/generator/site"
)

// settlementRepo makes a repository with every way a story reaches main:
//
//	STORY-142  a branch story-142-export whose commits do not name it,
//	           merged with --no-ff as "Merge branch 'story-142-export'",
//	           then deleted
//	STORY-1420 a commit on main naming it (and containing STORY-142)
//	STORY-150  a branch story-150-cache, never merged
//	STORY-160  squash-merged from a branch feature/cache that is kept,
//	           whose commits name it
//	STORY-170  rebased onto main, then fast-forwarded, branch deleted
//
// and the tags v1.4.0 (annotated) and 1.5.0 (lightweight). It is written
// once per test run and copied into parent for each test.
func settlementRepo(t *testing.T, parent string) *testRepo {
	t.Helper()
	settlement.once.Do(func() { settlement.r = writeSettlementRepo(t, settlement.dir) })
	if settlement.r == nil {
		t.Fatal("the settlement-api repository could not be written")
	}
	dir := filepath.Join(parent, "settlement-api")
	if err := os.CopyFS(dir, os.DirFS(settlement.r.dir)); err != nil {
		t.Fatal(err)
	}
	return &testRepo{t: t, dir: dir, n: settlement.r.n}
}

// settlement is the repository settlementRepo copies.
var settlement struct {
	once sync.Once
	dir  string
	r    *testRepo
}

func writeSettlementRepo(t *testing.T, parent string) *testRepo {
	r := newTestRepo(t, parent, "settlement-api")
	r.commit("2026-07-01T09:00:00Z", "", "Initial commit")

	r.run("", "", "checkout", "-q", "-b", "story-142-export")
	r.commit("2026-07-02T10:00:00+09:00", "", "Add the export endpoint")
	r.commit("2026-07-03T10:00:00Z", "", "Test the export endpoint")
	r.run("", "", "checkout", "-q", "main")
	r.commit("2026-07-04T08:00:00Z", "", "STORY-1420: settle in won")
	r.run("2026-07-05T12:00:00Z", "2026-07-05T12:00:00Z", "merge", "-q", "--no-ff", "-m", "Merge branch 'story-142-export'", "story-142-export")
	r.run("", "", "branch", "-q", "-D", "story-142-export")

	r.run("", "", "checkout", "-q", "-b", "story-150-cache")
	r.commit("2026-07-05T13:00:00Z", "", "Cache the bank list")
	r.run("", "", "checkout", "-q", "main")

	r.run("", "", "checkout", "-q", "-b", "feature/cache")
	r.commit("2026-07-06T09:00:00Z", "", "story-160: wip")
	r.commit("2026-07-07T09:00:00Z", "", "more work")
	r.run("", "", "checkout", "-q", "main")
	r.run("2026-07-08T09:00:00Z", "2026-07-08T09:00:00Z", "merge", "-q", "--squash", "feature/cache")
	r.run("2026-07-08T09:00:00Z", "2026-07-08T09:30:00Z", "commit", "-q", "-m", "Cache settlements (STORY-160) (#9)")

	r.run("", "", "checkout", "-q", "-b", "story-170")
	r.commit("2026-07-09T09:00:00Z", "", "STORY-170: retry payouts")
	r.run("", "", "checkout", "-q", "main")
	r.commit("2026-07-10T09:00:00Z", "", "Bump dependencies")
	r.run("", "2026-07-11T09:00:00Z", "rebase", "-q", "main", "story-170")
	r.run("", "", "checkout", "-q", "main")
	r.run("", "", "merge", "-q", "--ff-only", "story-170")
	r.run("", "", "branch", "-q", "-D", "story-170")

	r.run("", "2026-07-12T09:00:00Z", "tag", "-a", "-m", "1.4.0", "v1.4.0")
	r.commit("2026-07-13T09:00:00Z", "2026-07-13T10:00:00Z", "Fix rounding")
	r.run("", "", "tag", "1.5.0")
	return r
}

var storyIDs = []string{"STORY-142", "STORY-1420", "STORY-150", "STORY-160", "STORY-170", "STORY-999"}

func TestReadOneRepository(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	settlementRepo(t, dir)
	var r reader
	facts, diags := r.read(context.Background(), []site.Repository{{Path: "settlement-api", Branch: "main"}},
		dir, "", storyIDs, []string{"1.4.0", "1.5.0", "2.0.0"})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	want := map[string][2]string{ // first commit, merged
		"STORY-142":  {"2026-07-02T10:00:00+09:00", "2026-07-05T12:00:00Z"},
		"STORY-1420": {"2026-07-04T08:00:00Z", "2026-07-04T08:00:00Z"},
		"STORY-150":  {"2026-07-05T13:00:00Z", ""},
		"STORY-160":  {"2026-07-06T09:00:00Z", "2026-07-08T09:30:00Z"},
		"STORY-170":  {"2026-07-09T09:00:00Z", "2026-07-11T09:00:00Z"},
	}
	checkStories(t, facts, want)
	if _, ok := facts.Stories["STORY-999"]; ok {
		t.Error("STORY-999 has dates; no commit names it")
	}
	checkRelease(t, facts, "1.4.0", "2026-07-12T09:00:00Z", "v1.4.0")
	checkRelease(t, facts, "1.5.0", "2026-07-13T10:00:00Z", "1.5.0")
	if _, ok := facts.Releases["2.0.0"]; ok {
		t.Error("2.0.0 has a date; it has no tag")
	}
	src := facts.Stories["STORY-142"].FirstCommit.Source
	if src.Repository != "settlement-api" || len(src.Commit) != 7 {
		t.Errorf("STORY-142 first commit from %+v", src)
	}
	if r.logs != 1 {
		t.Errorf("%d git logs, want 1", r.logs)
	}
}

func checkStories(t *testing.T, facts *Facts, want map[string][2]string) {
	t.Helper()
	for id, w := range want {
		d, ok := facts.Stories[id]
		if !ok {
			t.Errorf("%s: no dates", id)
			continue
		}
		checkDated(t, id+" first commit", d.FirstCommit, w[0])
		checkDated(t, id+" merged", d.Merged, w[1])
	}
}

func checkDated(t *testing.T, what string, d *Dated, want string) {
	t.Helper()
	switch {
	case want == "" && d != nil:
		t.Errorf("%s = %v, want none", what, d.At)
	case want == "":
	case d == nil:
		t.Errorf("%s: none, want %s", what, want)
	case !d.At.Equal(mustTime(t, want)):
		t.Errorf("%s = %v (%s), want %s", what, d.At.Format(time.RFC3339), d.Source.String(), want)
	}
}

func checkRelease(t *testing.T, facts *Facts, v, want, tag string) {
	t.Helper()
	d, ok := facts.Releases[v]
	if !ok {
		t.Errorf("%s: no date", v)
		return
	}
	if !d.At.Equal(mustTime(t, want)) || d.Source.Tag != tag {
		t.Errorf("%s = %v from %+v, want %s from %s", v, d.At, d.Source, want, tag)
	}
}

func TestReadTwoRepositories(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	settlementRepo(t, dir)
	console := newTestRepo(t, dir, "console")
	// Authored before settlement-api's first commit of the story, but
	// committed (cherry-picked) after its merge: the first commit comes
	// from here, the merge from there.
	console.commit("2026-07-01T08:00:00Z", "2026-07-06T08:00:00Z", "story-142: an export button")
	console.run("", "2026-07-01T00:00:00Z", "tag", "-a", "-m", "1.4.0", "v1.4.0")
	repos := []site.Repository{{Path: "settlement-api", Branch: "main"}, {Path: "console", Branch: "main"}}
	facts, diags := Read(context.Background(), repos, dir, "", storyIDs, []string{"1.4.0"})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	checkStories(t, facts, map[string][2]string{"STORY-142": {"2026-07-01T08:00:00Z", "2026-07-05T12:00:00Z"}})
	if got := facts.Stories["STORY-142"].FirstCommit.Source.Repository; got != "console" {
		t.Errorf("first commit from %s, want console", got)
	}
	if got := facts.Stories["STORY-142"].Merged.Source.Repository; got != "settlement-api" {
		t.Errorf("merge from %s, want settlement-api", got)
	}
	// The repository listed first dates the release.
	checkRelease(t, facts, "1.4.0", "2026-07-12T09:00:00Z", "v1.4.0")
}

func TestReadMissingAndShallow(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := settlementRepo(t, dir)
	runGit(t, dir, "", "", "clone", "-q", "--depth", "3", "--no-single-branch", "file://"+filepath.ToSlash(src.dir), "shallow")
	repos := []site.Repository{{Path: "gone", Branch: "main"}, {Path: "shallow", Branch: "main"}}
	facts, diags := Read(context.Background(), repos, dir, "", storyIDs, []string{"1.5.0"})
	var msgs []string
	for _, d := range diags {
		if d.Severity != site.Warning || d.Pos.File != "almanac.toml" {
			t.Errorf("not a warning on almanac.toml: %v", d)
		}
		msgs = append(msgs, d.Msg)
	}
	all := strings.Join(msgs, "\n")
	if len(diags) != 2 || !strings.Contains(all, "gone does not exist") || !strings.Contains(all, "shallow is a shallow clone") {
		t.Fatalf("diagnostics:\n%s", all)
	}
	// The clone has the last three commits of each branch and tag: the
	// rebased STORY-170 commit is in it, the older stories reach its edge
	// (the squash commit, the newest of the boundary commits) and are left
	// undated rather than dated wrong.
	checkStories(t, facts, map[string][2]string{"STORY-170": {"2026-07-09T09:00:00Z", "2026-07-11T09:00:00Z"}})
	if !strings.Contains(all, "reach that edge and are left undated (STORY-142, STORY-1420, STORY-150, …)") {
		t.Errorf("the warning does not name the stories it cannot date:\n%s", all)
	}
	for _, id := range []string{"STORY-142", "STORY-1420", "STORY-150", "STORY-160"} {
		if d, ok := facts.Stories[id]; ok {
			t.Errorf("%s dated from beyond the shallow edge: %+v", id, d)
		}
	}
	if !strings.Contains(all, "no commits before 2026-07-08T09:30:00Z") {
		t.Errorf("the warning does not name the edge:\n%s", all)
	}
	checkRelease(t, facts, "1.5.0", "2026-07-13T10:00:00Z", "1.5.0")
}

func TestReadCache(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	repo := settlementRepo(t, dir)
	cache := t.TempDir()
	repos := []site.Repository{{Path: "settlement-api", Branch: "main"}}
	var cold, warm reader
	f1, _ := cold.read(context.Background(), repos, dir, cache, storyIDs, nil)
	f2, _ := warm.read(context.Background(), repos, dir, cache, storyIDs, nil)
	if cold.logs != 1 || warm.logs != 0 {
		t.Fatalf("git logs: cold %d, warm %d; want 1, 0", cold.logs, warm.logs)
	}
	if a, b := f1.Stories["STORY-160"], f2.Stories["STORY-160"]; !a.FirstCommit.At.Equal(b.FirstCommit.At) ||
		!a.Merged.At.Equal(b.Merged.At) || a.Merged.Source != b.Merged.Source {
		t.Error("the cached analysis differs")
	}
	// A new commit moves HEAD: the history is read again.
	repo.commit("2026-07-20T09:00:00Z", "", "STORY-999: late")
	var next reader
	f3, _ := next.read(context.Background(), repos, dir, cache, storyIDs, nil)
	if next.logs != 1 {
		t.Errorf("after a commit: %d git logs, want 1", next.logs)
	}
	checkDated(t, "STORY-999 first commit", f3.Stories["STORY-999"].FirstCommit, "2026-07-20T09:00:00Z")
	// So does a new story id.
	var more reader
	more.read(context.Background(), repos, dir, cache, append(storyIDs, "STORY-1000"), nil)
	if more.logs != 1 {
		t.Errorf("with a new id: %d git logs, want 1", more.logs)
	}
}

func TestMatcher(t *testing.T) {
	m := newMatcher([]string{"STORY-142", "STORY-1420", "ops-7"})
	for _, tt := range []struct {
		text string
		want string
	}{
		{"STORY-142: export", "STORY-142"},
		{"story-142-export", "STORY-142"},
		{"Fix STORY-1420", "STORY-1420"},
		{"STORY-14200 and XSTORY-142 and STORY-142a", ""},
		{"(Story-142) and [OPS-7]", "STORY-142 ops-7"},
		{"STORY-142를 고침", "STORY-142"},
		{"Merge pull request #7 from team/story-142-export", "STORY-142"},
	} {
		var got []string
		ids := []string{"STORY-142", "STORY-1420", "ops-7"}
		m.find(tt.text, func(i int) { got = append(got, ids[i]) })
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestMain(m *testing.M) {
	if _, err := exec.LookPath("git"); err != nil {
		fmt.Println("git is not installed: no tests run")
		return
	}
	dir, err := os.MkdirTemp("", "almanac-history-")
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	settlement.dir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestCachePrune: the cache keeps a few analyses per repository, not one
// for every HEAD and id set ever built.
func TestCachePrune(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	settlementRepo(t, dir)
	cache := t.TempDir()
	repos := []site.Repository{{Path: "settlement-api", Branch: "main"}}
	for i := range keepPerRepository + 3 {
		Read(context.Background(), repos, dir, cache, []string{fmt.Sprintf("STORY-%d", i)}, nil)
	}
	folders, err := os.ReadDir(filepath.Join(cache, "history"))
	if err != nil || len(folders) != 1 {
		t.Fatalf("%v %v", folders, err)
	}
	files, _ := os.ReadDir(filepath.Join(cache, "history", folders[0].Name()))
	if len(files) != keepPerRepository {
		t.Errorf("%d entries kept, want %d", len(files), keepPerRepository)
	}
}

// TestReadIgnoresGitDir: a GIT_DIR set by a hook does not make every
// repository read as the hook's.
func TestReadIgnoresGitDir(t *testing.T) {
	dir := t.TempDir()
	settlementRepo(t, dir)
	t.Setenv("GIT_DIR", filepath.Join(dir, "nowhere"))
	facts, diags := Read(context.Background(), []site.Repository{{Path: "settlement-api", Branch: "main"}}, dir, "", storyIDs, nil)
	if len(diags) > 0 || facts.Stories["STORY-142"].FirstCommit == nil {
		t.Errorf("diagnostics %v, facts %+v", diags, facts.Stories)
	}
}
