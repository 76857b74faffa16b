package history

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testRepo is a real git repository in a temporary folder, written with
// fixed identities and dates and no user or system configuration.
type testRepo struct {
	t   *testing.T
	dir string
	n   int
}

func newTestRepo(t *testing.T, parent, name string) *testRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &testRepo{t: t, dir: filepath.Join(parent, name)}
	if err := os.MkdirAll(r.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	r.run("", "", "init", "-q", "-b", "main")
	return r
}

// run runs git in the repository with author and committer dates (either
// may be "" to leave it to git) and returns its output.
func (r *testRepo) run(author, committer string, args ...string) string {
	r.t.Helper()
	return runGit(r.t, r.dir, author, committer, args...)
}

func runGit(t testing.TB, dir, author, committer string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=Test", "-c", "user.email=test@example.org",
		"-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", "-c", "init.defaultBranch=main",
		"-c", "protocol.file.allow=always"}, args...)...)
	env := []string{"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "HOME=" + t.TempDir(),
		"GIT_EDITOR=true", "GIT_SEQUENCE_EDITOR=true", "LC_ALL=C"}
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "GIT_") && !strings.HasPrefix(e, "HOME=") && !strings.HasPrefix(e, "LC_ALL=") {
			env = append(env, e)
		}
	}
	if author != "" {
		env = append(env, "GIT_AUTHOR_DATE="+author)
	}
	if committer != "" {
		env = append(env, "GIT_COMMITTER_DATE="+committer)
	}
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

// commit writes a new file and commits it, authored at author and
// committed at committer ("" means the same as author).
func (r *testRepo) commit(author, committer, msg string) string {
	r.t.Helper()
	if committer == "" {
		committer = author
	}
	r.n++
	name := filepath.Join(r.dir, fmt.Sprintf("f%03d.txt", r.n))
	if err := os.WriteFile(name, []byte(msg+"\n"), 0o644); err != nil {
		r.t.Fatal(err)
	}
	r.run(author, committer, "add", ".")
	r.run(author, committer, "commit", "-q", "-m", msg)
	return r.run("", "", "rev-parse", "HEAD")
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return at
}
