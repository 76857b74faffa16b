package build

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"almanac/generator/output"
)

// TestHistoryStage: the pipeline's history stage runs in a build, a check
// and the preview alike. A story without first_commit_at and merged_at and
// a release without released_at take them from a real repository beside
// the site (a lightweight tag dates a release by its commit); front matter
// that gives them wins.
func TestHistoryStage(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	code := filepath.Join(dir, "code")
	git := func(when string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", code, "-c", "user.name=T", "-c", "user.email=t@example.com",
			"-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+when, "GIT_COMMITTER_DATE="+when,
			"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	os.MkdirAll(code, 0o755)
	git("2026-11-02T10:00:00Z", "init", "-q", "-b", "main")
	git("2026-11-02T10:00:00Z", "commit", "-q", "--allow-empty", "-m", "Start")
	git("2026-11-03T10:00:00Z", "commit", "-q", "--allow-empty", "-m", "STORY-7: first step")
	git("2026-11-04T10:00:00Z", "commit", "-q", "--allow-empty", "-m", "STORY-70: another story")
	git("2026-11-05T10:00:00Z", "tag", "v1.0.0")

	site := filepath.Join(dir, "site")
	files := map[string]string{
		"almanac.toml":              "title = \"T\"\nbase_url = \"https://t.example/\"\ntime_zone = \"UTC\"\n\n[[repositories]]\npath = \"../code\"\nbranch = \"main\"\n",
		"content/stories/seven.md":  "---\nid: STORY-7\ntitle: Seven\nstatus: done\nrelease: 1.0.0\ncreated: 2026-11-01\n---\nBody.\n",
		"content/stories/eight.md":  "---\nid: STORY-8\ntitle: Eight\nstatus: done\nrelease: 1.0.0\ncreated: 2026-11-01\nfirst_commit_at: 2026-11-02T08:00:00Z\n---\nBody.\n",
		"content/releases/1.0.0.md": "---\nversion: 1.0.0\ntitle: One\nstatus: released\n---\nNotes.\n",
	}
	for name, data := range files {
		p := filepath.Join(site, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := New(Options{Source: os.DirFS(site), Theme: theme(), GitDir: site})
	if err != nil {
		t.Fatal(err)
	}
	check := func(how string, out *output.Memory) {
		t.Helper()
		seven := mustGet(t, out, "stories/seven/index.html")
		if !strings.Contains(seven, `datetime="2026-11-03T10:00:00Z"`) || !strings.Contains(seven, "(code <span class=\"mono\">") {
			t.Errorf("%s: the story page does not show its first commit read from git", how)
		}
		eight := mustGet(t, out, "stories/eight/index.html")
		if !strings.Contains(eight, `datetime="2026-11-02T08:00:00Z"`) {
			t.Errorf("%s: front matter's first_commit_at did not win", how)
		}
		rel := mustGet(t, out, "releases/1.0.0/index.html")
		if !strings.Contains(rel, `datetime="2026-11-04T10:00:00Z"`) || !strings.Contains(rel, "v1.0.0") {
			t.Errorf("%s: the release page does not show the tag's date", how)
		}
	}
	out := output.NewMemory()
	res, err := b.Generate(context.Background(), testNow, out)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diagnostics)
	}
	check("build", out)
	if _, err := b.Check(context.Background(), testNow); err != nil {
		t.Errorf("check: %v", err)
	}
	mem := output.NewMemory()
	if up := b.Incremental(testNow, mem).Build(context.Background()); up.Failed() {
		t.Fatalf("preview: %s", up.Diagnostics)
	}
	check("preview", mem)
}
