package build

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"almanac/generator/content"
)

// TestGitLastmod loads a site kept in git: a page without lastmod takes
// the date of its last commit (in the site's zone), one with lastmod keeps
// its own, and without git history pages have none.
func TestGitLastmod(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	files := map[string]string{
		"almanac.toml": "time_zone = \"Asia/Seoul\"\n",
		"content/a.md": "---\ntitle: A\n---\nA.\n",
		"content/b.md": "---\ntitle: B\nlastmod: 2026-01-02\n---\nB.\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-q", "-m", "x"}} {
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=T", "-c", "user.email=t@example.org",
			"-c", "commit.gpgsign=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE=2026-03-04T23:30:00Z", "GIT_AUTHOR_DATE=2026-03-04T23:30:00Z",
			"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	dates := func(gitDir string) (a, b string) {
		src := os.DirFS(dir)
		cfg, _ := content.LoadConfig(src)
		s, diags := content.Load(context.Background(), src, cfg, content.Options{})
		if diags.HasErrors() {
			t.Fatal(diags.Err())
		}
		bld := &Builder{opts: Options{GitDir: gitDir}}
		applyGitDates(s, bld.readGitDates(context.Background()))
		day := func(url string) string {
			if p := s.ByURL[url]; p != nil && !p.Lastmod.IsZero() {
				return p.Lastmod.Format("2006-01-02")
			}
			return ""
		}
		return day("/a/"), day("/b/")
	}
	// 23:30 UTC on the 4th is the 5th in Seoul.
	if a, b := dates(dir); a != "2026-03-05" || b != "2026-01-02" {
		t.Errorf("with git: a %q, b %q; want 2026-03-05 and 2026-01-02", a, b)
	}
	if a, b := dates(""); a != "" || b != "2026-01-02" {
		t.Errorf("without git: a %q, b %q; want none and 2026-01-02", a, b)
	}
}
