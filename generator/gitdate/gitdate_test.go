package gitdate

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	out := "\x1e2026-07-03T10:00:00+09:00\x1fbbb\ncontent/a.md\ncontent/배포 로그.md\n\n" +
		"\x1e2026-07-01T09:00:00Z\x1faaa\ncontent/a.md\ncontent/b.md\n" +
		"\x1e2026-06-01T09:00:00Z\x1f\ncontent/c.md\n"
	day := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	got := parse([]byte(out), false)
	want := map[string]time.Time{
		"content/a.md": day("2026-07-03T10:00:00+09:00"), "content/배포 로그.md": day("2026-07-03T10:00:00+09:00"),
		"content/b.md": day("2026-07-01T09:00:00Z"), "content/c.md": day("2026-06-01T09:00:00Z"),
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for k, v := range want {
		if !got[k].Equal(v) {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	// In a shallow clone the parentless commit is the cut: its files are unknown.
	if _, ok := parse([]byte(out), true)["content/c.md"]; ok {
		t.Error("shallow: the boundary commit's file has a date")
	}
}

// git runs git in dir with a fixed identity and dates.
func git(t *testing.T, dir, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=T", "-c", "user.email=t@example.org",
		"-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date,
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLastmod makes a repository whose site lives in a sub-folder, with
// three commits, then reads it whole and from a shallow clone.
func TestLastmod(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo := t.TempDir()
	git(t, repo, "2026-06-01T09:00:00+09:00", "init", "-q")
	write(t, repo, "site/content/a.md", "a")
	write(t, repo, "site/content/b.md", "b")
	write(t, repo, "other.txt", "x")
	git(t, repo, "2026-06-01T09:00:00+09:00", "add", ".")
	git(t, repo, "2026-06-01T09:00:00+09:00", "commit", "-q", "-m", "one")
	write(t, repo, "site/content/a.md", "a2")
	write(t, repo, "site/content/배포 로그.md", "k")
	git(t, repo, "2026-07-01T09:00:00+09:00", "add", ".")
	git(t, repo, "2026-07-01T09:00:00+09:00", "commit", "-q", "-m", "two")
	write(t, repo, "other.txt", "y")
	git(t, repo, "2026-08-01T09:00:00+09:00", "commit", "-q", "-am", "three")

	got, err := Lastmod(context.Background(), filepath.Join(repo, "site"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"content/a.md": "2026-07-01", "content/b.md": "2026-06-01", "content/배포 로그.md": "2026-07-01"}
	if len(got) != len(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k].Format("2006-01-02") != v {
			t.Errorf("%s = %v, want %s", k, got[k], v)
		}
	}

	shallow := filepath.Join(t.TempDir(), "clone")
	git(t, repo, "2026-08-01T09:00:00+09:00", "clone", "-q", "--depth", "2", "file://"+repo, shallow)
	got, err = Lastmod(context.Background(), filepath.Join(shallow, "site"))
	if err != nil {
		t.Fatal(err)
	}
	// Two commits fetched: "three" (no site files) and "two", the cut,
	// whose files are of unknown age in a shallow clone.
	if len(got) != 0 {
		t.Errorf("shallow clone: got %v, want no dates", got)
	}
	git(t, repo, "2026-09-01T09:00:00+09:00", "-C", shallow, "fetch", "-q", "--deepen", "1")
	got, _ = Lastmod(context.Background(), filepath.Join(shallow, "site"))
	if got["content/a.md"].Format("2006-01-02") != "2026-07-01" || len(got) != 2 {
		t.Errorf("deepened clone: got %v", got)
	}
}

func TestLastmodWithoutRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	if got, err := Lastmod(context.Background(), dir); err == nil {
		t.Errorf("outside a repository: %v, no error", got)
	}
}
