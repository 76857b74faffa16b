package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// stampGit runs git in dir with fixed dates and no user configuration.
func stampGit(t *testing.T, dir, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=T", "-c", "user.email=t@example.org",
		"-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

const (
	stampStory = "---\n# Export for the finance team\nid: STORY-1\ntitle: 'Export: CSV'\nstatus: done\n" +
		"started_at: 2026-07-01T09:00:00+09:00   # kick-off\nrelease: 1.0.0\n---\nBody.\n"
	stampStoryWant = "---\n# Export for the finance team\nid: STORY-1\ntitle: 'Export: CSV'\nstatus: done\n" +
		"started_at: 2026-07-01T09:00:00+09:00   # kick-off\nfirst_commit_at: 2026-07-02T10:00:00+09:00\n" +
		"merged_at: 2026-07-03T18:00:00+09:00\nrelease: 1.0.0\n---\nBody.\n"
	stampTOML = "+++\nid = \"STORY-2\"\ntitle = \"Retry\"\nstatus = \"done\"\n" +
		"merged_at = 2026-07-03T09:00:00Z # by hand\n+++\n"
	stampTOMLWant = "+++\nid = \"STORY-2\"\ntitle = \"Retry\"\nstatus = \"done\"\nfirst_commit_at = 2026-07-02T12:00:00+09:00\n" +
		"merged_at = 2026-07-03T09:00:00Z # by hand\n+++\n"
	stampRelease     = "---\nversion: 1.0.0\nstatus: released\nplanned_date: 2026-07-04\n---\n"
	stampReleaseWant = "---\nversion: 1.0.0\nstatus: released\nplanned_date: 2026-07-04\nreleased_at: 2026-07-03T18:00:00+09:00\n---\n"
)

func TestStamp(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	src := writeSite(t, map[string]string{
		"site/almanac.toml":                 "title = \"T\"\ntime_zone = \"Asia/Seoul\"\n\n[[repositories]]\npath = \"../api\"\nbranch = \"main\"\n",
		"site/content/stories/export.md":    stampStory,
		"site/content/stories/retry.md":     stampTOML,
		"site/content/releases/1.0.0.md":    stampRelease,
		"site/content/stories/untouched.md": "---\nid: STORY-3\ntitle: U\nstatus: ready\n---\n",
		"api/a.txt":                         "a\n",
	})
	api, siteDir := filepath.Join(src, "api"), filepath.Join(src, "site")
	stampGit(t, api, "2026-07-01T00:00:00Z", "init", "-q", "-b", "main")
	stampGit(t, api, "2026-07-01T00:00:00Z", "add", ".")
	stampGit(t, api, "2026-07-01T00:00:00Z", "commit", "-q", "-m", "Start")
	stampGit(t, api, "2026-07-02T01:00:00Z", "checkout", "-q", "-b", "story-1-export")
	stampGit(t, api, "2026-07-02T01:00:00Z", "commit", "-q", "--allow-empty", "-m", "Write the CSV")
	stampGit(t, api, "2026-07-02T03:00:00Z", "commit", "-q", "--allow-empty", "-m", "STORY-2: retry")
	stampGit(t, api, "2026-07-02T03:00:00Z", "checkout", "-q", "main")
	stampGit(t, api, "2026-07-03T09:00:00Z", "merge", "-q", "--no-ff", "-m", "Merge story-1-export", "story-1-export")
	stampGit(t, api, "2026-07-04T10:00:00Z", "tag", "v1.0.0") // lightweight: the merge commit's date

	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(siteDir, "content", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	code, out, errOut := run(t, "stamp", "--source", siteDir, "--no-cache", "--dry-run")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if read("stories/export.md") != stampStory || read("stories/retry.md") != stampTOML {
		t.Fatal("--dry-run wrote files")
	}
	for _, want := range []string{
		"--- a/content/stories/export.md\n+++ b/content/stories/export.md\n",
		"+first_commit_at: 2026-07-02T10:00:00+09:00\n+merged_at: 2026-07-03T18:00:00+09:00\n",
		"+first_commit_at = 2026-07-02T12:00:00+09:00\n merged_at = 2026-07-03T09:00:00Z # by hand\n",
		"+released_at: 2026-07-03T18:00:00+09:00\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "untouched") || !strings.Contains(errOut, "would stamp 4 keys in 3 files") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", out, errOut)
	}

	code, out, errOut = run(t, "stamp", "--source", siteDir, "--no-cache")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	for name, want := range map[string]string{
		"stories/export.md": stampStoryWant, "stories/retry.md": stampTOMLWant, "releases/1.0.0.md": stampReleaseWant,
		"stories/untouched.md": "---\nid: STORY-3\ntitle: U\nstatus: ready\n---\n",
	} {
		if got := read(name); got != want {
			t.Errorf("%s:\n%q\nwant\n%q", name, got, want)
		}
	}
	if !strings.Contains(out, "content/stories/export.md: first_commit_at, merged_at\n") {
		t.Errorf("stdout:\n%s", out)
	}
	// Again: everything is there now, nothing changes.
	code, out, errOut = run(t, "stamp", "--source", siteDir, "--no-cache")
	if code != ExitOK || out != "" || !strings.Contains(errOut, "stamped 0 keys in 0 files") {
		t.Errorf("second run: exit %d\n%s\n%s", code, out, errOut)
	}
}
