package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"almanac/generator/internal/sitetest"
)

// policySite has two links to pages that do not exist (one in each of
// two files) and one #fragment that no heading defines; [check] is added
// per test.
const policySite = `
-- content/handbook/deploys.md --
---
title: Deploys
---
See [the old runbook](runbook.md) and [rollbacks](rollbacks.md#undo).

## Steps
-- content/handbook/rollbacks.md --
---
title: Rollbacks
---
Back to [deploys](deploys.md#steps), or [the on-call page](/handbook/on-call/).

## Undo a release
`

// writePolicySite writes policySite with almanac.toml holding toml and
// extra files, and returns its folder.
func writePolicySite(t *testing.T, toml string, extra string) string {
	t.Helper()
	files := map[string]string{"almanac.toml": "title = \"T\"\n" + toml}
	for name, f := range sitetest.Parse(policySite + extra) {
		files[name] = string(f.Data)
	}
	return writeSite(t, files)
}

func TestLinkPolicyCommands(t *testing.T) {
	const (
		runbook = `content/handbook/deploys.md:4:5: %s: link "runbook.md": no page at content/handbook/runbook.md`
		undo    = `content/handbook/deploys.md:4:39: %s: link "rollbacks.md#undo": content/handbook/rollbacks.md has no heading or anchor #undo`
		oncall  = `content/handbook/rollbacks.md:4:41: %s: link "/handbook/on-call/": no page or file at /handbook/on-call/`
	)
	sev := func(line, severity string) string { return strings.Replace(line, "%s", severity, 1) }
	tests := []struct {
		name, toml string
		// shown are the diagnostics' lines, absent the ones that must not
		// be there.
		shown, absent []string
		check, strict int // exit codes of check and check --strict
		published     bool
		summary       string
	}{
		{"default", "", []string{sev(runbook, "error"), sev(undo, "error"), sev(oncall, "error")}, nil,
			ExitFailed, ExitFailed, false,
			`3 broken links in 2 files: 2 to missing pages or files (links = "error"), 1 to a missing anchor (anchors = "error")`},
		{"error", "[check]\nlinks = \"error\"\nanchors = \"error\"\n", []string{sev(runbook, "error"), sev(undo, "error"), sev(oncall, "error")}, nil,
			ExitFailed, ExitFailed, false,
			`3 broken links in 2 files: 2 to missing pages or files (links = "error"), 1 to a missing anchor (anchors = "error")`},
		{"warning", "[check]\nlinks = \"warning\"\nanchors = \"warning\"\n", []string{sev(runbook, "warning"), sev(undo, "warning"), sev(oncall, "warning")}, nil,
			ExitOK, ExitFailed, true,
			`3 broken links in 2 files: 2 to missing pages or files (links = "warning"), 1 to a missing anchor (anchors = "warning")`},
		{"links warn, anchors fail", "[check]\nlinks = \"warning\"\n", []string{sev(runbook, "warning"), sev(undo, "error"), sev(oncall, "warning")}, nil,
			ExitFailed, ExitFailed, false,
			`3 broken links in 2 files: 2 to missing pages or files (links = "warning"), 1 to a missing anchor (anchors = "error")`},
		{"ignore", "[check]\nlinks = \"ignore\"\nanchors = \"ignore\"\n", nil, []string{"runbook.md", "#undo", "on-call"},
			ExitOK, ExitOK, true,
			`3 broken links in 2 files: 2 to missing pages or files ignored (links = "ignore"), 1 to a missing anchor ignored (anchors = "ignore")`},
		{"anchors only ignored", "[check]\nanchors = \"ignore\"\n", []string{sev(runbook, "error"), sev(oncall, "error")}, []string{"#undo"},
			ExitFailed, ExitFailed, false,
			`3 broken links in 2 files: 2 to missing pages or files (links = "error"), 1 to a missing anchor ignored (anchors = "ignore")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := writePolicySite(t, tt.toml, "")
			code, stdout, stderr := run(t, "check", "--source", src, "--no-cache")
			if code != tt.check {
				t.Errorf("check: exit %d, want %d\n%s%s", code, tt.check, stdout, stderr)
			}
			for _, s := range tt.shown {
				if !strings.Contains(stdout, s) {
					t.Errorf("check: stdout lacks %q:\n%s", s, stdout)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(stdout, s) && !strings.Contains(lastLine(stdout), s) {
					t.Errorf("check: stdout reports %q:\n%s", s, stdout)
				}
			}
			if got := lastLine(stdout); got != tt.summary {
				t.Errorf("check: last line\n got %s\nwant %s", got, tt.summary)
			}
			if code, stdout, _ := run(t, "check", "--source", src, "--no-cache", "--strict"); code != tt.strict {
				t.Errorf("check --strict: exit %d, want %d\n%s", code, tt.strict, stdout)
			}

			dest := filepath.Join(t.TempDir(), "out")
			code, stdout, stderr = run(t, "build", "--source", src, "--dest", dest, "--no-cache")
			if (code == ExitOK) != tt.published {
				t.Errorf("build: exit %d, published want %v\n%s%s", code, tt.published, stdout, stderr)
			}
			_, err := os.Stat(filepath.Join(dest, "handbook", "deploys", "index.html"))
			if (err == nil) != tt.published {
				t.Errorf("build: published %v, want %v", err == nil, tt.published)
			}
			if got := lastLine(stderr); got != tt.summary {
				t.Errorf("build: last line of stderr\n got %s\nwant %s\n%s", got, tt.summary, stderr)
			}
			for _, s := range tt.shown {
				if !strings.Contains(stderr, s) {
					t.Errorf("build: stderr lacks %q:\n%s", s, stderr)
				}
			}
		})
	}
}

// TestLinkPolicyKeepsSafety: a link out of the site stays an error, and
// fails check and build, whatever the policy says.
func TestLinkPolicyKeepsSafety(t *testing.T) {
	src := writePolicySite(t, "[check]\nlinks = \"ignore\"\nanchors = \"ignore\"\n", `
-- content/escape.md --
---
title: Escape
---
[secrets](../../../etc/passwd.md), [up](/handbook/../../x/).
`)
	code, stdout, _ := run(t, "check", "--source", src, "--no-cache")
	if code != ExitFailed {
		t.Errorf("check: exit %d, want %d\n%s", code, ExitFailed, stdout)
	}
	for _, want := range []string{
		`content/escape.md:4:1: error: link "../../../etc/passwd.md": leaves the site`,
		`content/escape.md:4:36: error: link "/handbook/../../x/": leaves the site`,
		`3 broken links in 2 files: 2 to missing pages or files ignored (links = "ignore"), 1 to a missing anchor ignored (anchors = "ignore")`,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check: stdout lacks %q:\n%s", want, stdout)
		}
	}
	dest := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := run(t, "build", "--source", src, "--dest", dest, "--no-cache"); code != ExitFailed {
		t.Errorf("build: exit %d, want %d\n%s", code, ExitFailed, stderr)
	}
}

// TestLinkPolicySummaryWithJSON: the count goes to stderr, so stdout stays
// one JSON document.
func TestLinkPolicySummaryWithJSON(t *testing.T) {
	src := writePolicySite(t, "[check]\nlinks = \"warning\"\nanchors = \"warning\"\n", "")
	code, stdout, stderr := run(t, "check", "--source", src, "--no-cache", "--format", "json")
	if code != ExitOK {
		t.Errorf("exit %d", code)
	}
	if strings.Contains(stdout, "broken links in") || !strings.HasSuffix(stdout, "}\n") {
		t.Errorf("stdout is not JSON alone:\n%s", stdout)
	}
	if !strings.Contains(stderr, `3 broken links in 2 files`) {
		t.Errorf("stderr lacks the count:\n%s", stderr)
	}
}

// TestLinkPolicyNoBrokenLinks: a site without broken links gets no line
// about them.
func TestLinkPolicyNoBrokenLinks(t *testing.T) {
	src := writeSite(t, map[string]string{
		"almanac.toml":    "[check]\nlinks = \"warning\"\n",
		"content/team.md": "---\ntitle: Team\n---\nSee [me](team.md).\n",
	})
	code, stdout, _ := run(t, "check", "--source", src, "--no-cache")
	if code != ExitOK || strings.Contains(stdout, "broken link") {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}
