package history

import (
	"context"
	"path/filepath"
	"testing"

	"almanac/generator/site"
)

// TestReadMainMergedIntoStoryBranch: merging main into a story's branch
// ("Merge branch 'main' into story-200-x") names the story, but the main
// commits it brings are not the story's.
func TestReadMainMergedIntoStoryBranch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := newTestRepo(t, dir, "api")
	r.commit("2026-07-01T00:00:00Z", "", "Initial commit")
	r.run("", "", "checkout", "-q", "-b", "story-200-x")
	r.commit("2026-07-10T00:00:00Z", "", "Start")
	r.run("", "", "checkout", "-q", "main")
	// Authored before the story's first commit, committed after it.
	r.commit("2026-07-09T00:00:00Z", "2026-07-11T00:00:00Z", "Unrelated")
	r.run("", "", "checkout", "-q", "story-200-x")
	r.run("2026-07-12T00:00:00Z", "2026-07-12T00:00:00Z", "merge", "-q", "--no-ff", "-m", "Merge branch 'main' into story-200-x", "main")
	r.commit("2026-07-12T06:00:00Z", "", "Finish")
	r.run("", "", "checkout", "-q", "main")
	r.run("2026-07-13T00:00:00Z", "2026-07-13T00:00:00Z", "merge", "-q", "--no-ff", "-m", "Merge pull request #3 from team/story-200-x", "story-200-x")
	r.run("", "", "branch", "-q", "-D", "story-200-x")
	facts, diags := Read(context.Background(), []site.Repository{{Path: "api", Branch: "main"}}, dir, "", []string{"STORY-200"}, nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	checkStories(t, facts, map[string][2]string{"STORY-200": {"2026-07-10T00:00:00Z", "2026-07-13T00:00:00Z"}})
}

// TestReadClone: in a clone, only main is a local branch; the story
// branches are origin's, and the dates are the same.
func TestReadClone(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := settlementRepo(t, dir)
	runGit(t, dir, "", "", "clone", "-q", "file://"+filepath.ToSlash(src.dir), "clone")
	runGit(t, filepath.Join(dir, "clone"), "", "", "branch", "-q", "-m", "main", "work")
	facts, diags := Read(context.Background(), []site.Repository{{Path: "clone", Branch: "main"}}, dir, "", storyIDs, []string{"1.4.0"})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	checkStories(t, facts, map[string][2]string{
		"STORY-142": {"2026-07-02T10:00:00+09:00", "2026-07-05T12:00:00Z"},
		"STORY-150": {"2026-07-05T13:00:00Z", ""},
		"STORY-160": {"2026-07-06T09:00:00Z", "2026-07-08T09:30:00Z"},
		"STORY-170": {"2026-07-09T09:00:00Z", "2026-07-11T09:00:00Z"},
	})
	checkRelease(t, facts, "1.4.0", "2026-07-12T09:00:00Z", "v1.4.0")
	// A branch that is nowhere: a warning, and no merges.
	facts, diags = Read(context.Background(), []site.Repository{{Path: "clone", Branch: "trunk"}}, dir, "", storyIDs, nil)
	if len(diags) != 1 || facts.Stories["STORY-142"].Merged != nil {
		t.Errorf("diagnostics %v, STORY-142 %+v", diags, facts.Stories["STORY-142"])
	}
	checkStories(t, facts, map[string][2]string{"STORY-142": {"2026-07-02T10:00:00+09:00", ""}})
}
