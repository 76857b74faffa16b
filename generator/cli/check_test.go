package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runEnv runs a command with environment variables.
func runEnv(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, Env{Stdout: &out, Stderr: &errb, Theme: os.DirFS("../.."),
		Getenv: func(k string) string { return env[k] }})
	return code, out.String(), errb.String()
}

var goodSite = map[string]string{
	"almanac.toml":         "title = \"T\"\ntime_zone = \"Asia/Seoul\"\n",
	"content/stories/a.md": "---\nid: STORY-7\ntitle: A\nstatus: ready\nowner: Bo\n---\nSee [b](b.md#details).\n",
	"content/stories/b.md": "---\nid: STORY-8\ntitle: B\nstatus: ready\n---\n## Details\n",
	"content/releases/1.0.0.md": "---\nversion: 1.0.0\nstatus: released\n" +
		"released_at: 2026-07-01T10:00:00+09:00\n---\n",
	"content/postmortems/2026-07-02-x.md": "---\nid: PM-2026-004\ntitle: X\ndate: 2026-07-02\nstatus: draft\nseverity: SEV3\n---\n",
}

func TestCheckCommand(t *testing.T) {
	good := writeSite(t, goodSite)
	bad := writeSite(t, map[string]string{
		"content/stories/a.md": "---\nid: STORY-1\ntitle: A\nstatus: doing\n---\nSee [b](b.md).\n",
		"content/stories/w.md": "---\nid: STORY-2\ntitle: W\nstatus: ready\nowner: Zed\n---\n",
	})
	warn := writeSite(t, map[string]string{
		"almanac.toml":         "people = [\"Bo\"]\n",
		"content/stories/w.md": "---\nid: STORY-2\ntitle: W\nstatus: ready\nowner: Zed\n---\n",
	})
	tests := []struct {
		name   string
		env    map[string]string
		args   []string
		code   int
		stdout []string
	}{
		{"good", nil, []string{"--source", good}, ExitOK, []string{"check: no problems in 4 pages\n"}},
		{"bad", nil, []string{"--source", bad}, ExitFailed, []string{
			"content/stories/a.md:4:9: error: status: \"doing\" is not one of",
			"content/stories/a.md:6:5: error: link \"b.md\": no page at content/stories/b.md",
			"check: 2 errors, 0 warnings in 2 pages\n"}},
		{"warnings pass", nil, []string{"--source", warn}, ExitOK, []string{
			"content/stories/w.md:5:8: warning: owner: \"Zed\" is not among the people", "1 warning"}},
		{"strict", nil, []string{"--source", warn, "--strict"}, ExitFailed, []string{"(--strict: warnings fail)"}},
		{"github by environment", map[string]string{"GITHUB_ACTIONS": "true"}, []string{"--source", bad}, ExitFailed, []string{
			"::error file=", "content/stories/a.md,line=4,col=9,title=almanac check::status: \"doing\""}},
		{"text overrides the environment", map[string]string{"GITHUB_ACTIONS": "true"}, []string{"--source", bad, "--format", "text"}, ExitFailed, []string{
			"content/stories/a.md:4:9: error:"}},
		{"json", nil, []string{"--source", bad, "--format", "json"}, ExitFailed, []string{`"ok": false`, `"errors": 2`}},
		{"bad format", nil, []string{"--source", good, "--format", "xml"}, ExitUsage, nil},
		{"bad flag", nil, []string{"--nope"}, ExitUsage, nil},
		{"extra argument", nil, []string{"--source", good, "x"}, ExitUsage, nil},
		{"no folder", nil, []string{"--source", filepath.Join(good, "missing")}, ExitUsage, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runEnv(t, tt.env, append([]string{"check"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout)
				}
			}
		})
	}
}

// TestCheckJSONIsValid parses the JSON output.
func TestCheckJSONIsValid(t *testing.T) {
	dir := writeSite(t, goodSite)
	_, stdout, _ := runEnv(t, nil, "check", "--source", dir, "--format", "json")
	var v struct {
		OK    bool `json:"ok"`
		Pages int  `json:"pages"`
	}
	if err := json.Unmarshal([]byte(stdout), &v); err != nil || !v.OK || v.Pages != 4 {
		t.Errorf("json %q: %+v %v", stdout, v, err)
	}
}

// TestBuildRefusesBrokenLinks: build runs the same checks as check and
// leaves the output alone while a link is broken.
func TestBuildRefusesBrokenLinks(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/a.md": "---\ntitle: A\n---\nSee [gone](gone.md#x).\n",
	})
	out := filepath.Join(t.TempDir(), "public")
	code, _, stderr := run(t, "build", "--source", dir, "--dest", out, "--no-cache")
	if code != ExitFailed || !strings.Contains(stderr, `content/a.md:4:5: error: link "gone.md#x": no page at content/gone.md`) {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("build published %s despite a broken link", out)
	}
}
