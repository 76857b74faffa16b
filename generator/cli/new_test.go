package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewWritesPagesThatPassCheck makes one page of each kind in a copy of
// a small site, then checks the site: the new files must pass as written,
// with and without --drafts.
func TestNewWritesPagesThatPassCheck(t *testing.T) {
	dir := writeSite(t, goodSite)
	tests := []struct {
		args []string
		file string
		has  []string
	}{
		{[]string{"story", "Export deploy log"}, "content/stories/export-deploy-log.md",
			[]string{"id: STORY-9\n", "title: Export deploy log\n", "status: backlog", "created: 2026-11-27\n"}},
		{[]string{"postmortem", "API 5xx after 1.4.0"}, "content/postmortems/2026-11-27-api-5xx-after-1-4-0.md",
			[]string{"id: PM-2026-005\n", "title: API 5xx after 1.4.0\n", "date: 2026-11-27\n", "severity: SEV3"}},
		{[]string{"release", "1.5.0"}, "content/releases/1.5.0.md",
			[]string{"version: 1.5.0\n", "status: planned", "planned_date: 2026-11-27\n"}},
		{[]string{"page", "On-call: who, when?"}, "content/on-call-who-when.md",
			[]string{`title: "On-call: who, when?"` + "\n"}},
		{[]string{"page", "Escalation", "--dir", "handbook"}, "content/handbook/escalation.md", []string{"title: Escalation\n"}},
		{[]string{"story", "배포 로그 내보내기"}, "content/stories/배포-로그-내보내기.md", []string{"id: STORY-10\n"}},
		{[]string{"decision", "Adopt Kafka"}, "content/decisions/adr-1-adopt-kafka.md",
			[]string{"id: ADR-1\n", "title: Adopt Kafka\n", "date: 2026-11-27\n", "status: proposed"}},
	}
	for _, tt := range tests {
		// 23:30 UTC is already the 27th in Seoul, the site's zone.
		args := append([]string{"new", "--source", dir, "--now", "2026-11-26T23:30:00Z"}, tt.args...)
		code, stdout, stderr := run(t, args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d: %s", tt.args, code, stderr)
		}
		if !strings.Contains(stdout, tt.file) {
			t.Errorf("%v: stdout %q does not name %s", tt.args, stdout, tt.file)
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tt.file)))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range tt.has {
			if !strings.Contains(string(data), s) {
				t.Errorf("%s lacks %q:\n%s", tt.file, s, data)
			}
		}
	}
	for _, extra := range [][]string{nil, {"--drafts"}, {"--strict"}} {
		code, stdout, _ := run(t, append([]string{"check", "--source", dir}, extra...)...)
		if code != ExitOK || !strings.Contains(stdout, "check: no problems in 11 pages") {
			t.Errorf("check %v after new: exit %d\n%s", extra, code, stdout)
		}
	}
}

func TestNewNeverOverwrites(t *testing.T) {
	dir := writeSite(t, goodSite)
	if code, _, stderr := run(t, "new", "--source", dir, "story", "Once"); code != ExitOK {
		t.Fatalf("first: %s", stderr)
	}
	name := filepath.Join(dir, "content", "stories", "once.md")
	if err := os.WriteFile(name, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "new", "--source", dir, "story", "Once")
	if code != ExitFailed || !strings.Contains(stderr, "content/stories/once.md already exists") {
		t.Errorf("second: exit %d, %s", code, stderr)
	}
	if data, _ := os.ReadFile(name); string(data) != "mine" {
		t.Errorf("the file was replaced: %q", data)
	}
	code, _, stderr = run(t, "new", "--source", dir, "release", "1.0.0")
	if code != ExitFailed || !strings.Contains(stderr, "release 1.0.0 already exists: content/releases/1.0.0.md") {
		t.Errorf("existing release: exit %d, %s", code, stderr)
	}
}

func TestNewUsage(t *testing.T) {
	dir := writeSite(t, goodSite)
	tests := []struct {
		args []string
		err  string
	}{
		{[]string{"new"}, "Usage: almanac new"},
		{[]string{"new", "story"}, "Usage: almanac new"},
		{[]string{"new", "--source", dir, "bug", "x"}, `cannot make "bug"`},
		{[]string{"new", "--source", dir, "release", "v1.x"}, "is not a SemVer version"},
		{[]string{"new", "--source", dir, "story", "!!!"}, "no letters or digits"},
		{[]string{"new", "--source", dir, "page", "x", "--dir", "../out"}, "must stay inside the content folder"},
		{[]string{"new", "--source", dir, "--now", "soon", "story", "x"}, "--now"},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, tt.args...)
		if code != ExitUsage || !strings.Contains(stderr, tt.err) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.err)
		}
	}
}

func TestSchemaCommand(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "schemas")
	code, stdout, stderr := run(t, "schema", "--dest", dest)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, kind := range []string{"story", "release", "postmortem", "metric", "page"} {
		data, err := os.ReadFile(filepath.Join(dest, kind+".schema.json"))
		if err != nil || !strings.Contains(string(data), `"$schema": "https://json-schema.org/draft/2020-12/schema"`) {
			t.Errorf("%s: %v", kind, err)
		}
		if !strings.Contains(stdout, kind+".schema.json") {
			t.Errorf("stdout does not name %s: %s", kind, stdout)
		}
	}
	if code, _, _ := run(t, "schema"); code != ExitUsage {
		t.Errorf("schema without --dest: exit %d", code)
	}
}
