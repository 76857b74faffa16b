package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, Env{Stdout: &out, Stderr: &errb, Theme: os.DirFS("../..")})
	return code, out.String(), errb.String()
}

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{nil, ExitUsage, "", "Usage: almanac <command>"},
		{[]string{"help"}, ExitOK, "build", ""},
		{[]string{"frobnicate"}, ExitUsage, "", `unknown command "frobnicate"`},
		{[]string{"version"}, ExitOK, "almanac ", ""},
		{[]string{"build", "--help"}, ExitOK, "", "-source folder"},
		{[]string{"build", "--no-such-flag"}, ExitUsage, "", "flag provided but not defined"},
		{[]string{"build", "extra"}, ExitUsage, "", `unexpected argument "extra"`},
		{[]string{"build", "--now", "yesterday"}, ExitUsage, "", "--now"},
		{[]string{"build", "--source", "/no/such/folder"}, ExitUsage, "", "is not a folder"},
	}
	for _, tt := range tests {
		code, stdout, stderr := run(t, tt.args...)
		if code != tt.code {
			t.Errorf("almanac %v: exit %d, want %d (stderr %q)", tt.args, code, tt.code, stderr)
		}
		if !strings.Contains(stdout, tt.inStdout) {
			t.Errorf("almanac %v: stdout %q lacks %q", tt.args, stdout, tt.inStdout)
		}
		if !strings.Contains(stderr, tt.inStderr) {
			t.Errorf("almanac %v: stderr %q lacks %q", tt.args, stderr, tt.inStderr)
		}
	}
}

func TestBuildCommand(t *testing.T) {
	src := writeSite(t, map[string]string{
		"almanac.toml":              "title = \"T\"\n",
		"content/team.md":           "---\ntitle: Team\n---\nHello.\n",
		"content/stories/a.md":      "---\nid: STORY-1\ntitle: A\nstatus: ready\n---\nBody.\n",
		"content/releases/1.0.0.md": "---\nversion: 1.0.0\nstatus: planned\nplanned_date: 2026-12-01\n---\n",
	})
	dest := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := run(t, "build", "--source", src, "--dest", dest, "--now", "2026-11-26", "--no-cache")
	if code != ExitOK {
		t.Fatalf("build exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "built 3 pages") {
		t.Errorf("stdout %q lacks the summary", stdout)
	}
	for _, f := range []string{"index.html", "team/index.html", "stories/a/index.html", "releases/1.0.0/index.html"} {
		if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}

	// A broken story: exit 1, every problem with file:line:col, dest kept.
	bad := filepath.Join(src, "content", "stories", "b.md")
	os.WriteFile(bad, []byte("---\nid: STORY-2\ntitle: B\nstatus: doing\npriorty: P1\n---\n"), 0o644)
	code, _, stderr = run(t, "build", "--source", src, "--dest", dest, "--no-cache")
	if code != ExitFailed {
		t.Fatalf("build of bad content: exit %d, want %d", code, ExitFailed)
	}
	for _, want := range []string{"content/stories/b.md:4:", "content/stories/b.md:5:", "left as it was"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "stories/a/index.html")); err != nil {
		t.Errorf("the failed build removed the previous output: %v", err)
	}
}
