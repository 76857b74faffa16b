package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestLostKeys checks what the error of a page that fails to load says the
// page would have defined, for each kind and front matter format.
func TestLostKeys(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string // the lines of Lost after "file <file>"
	}{
		{"story, YAML", "content/stories/export.md", "---\nid: STORY-128\ntitle: Deploy: rollback\n---\n",
			[]string{"id STORY-128", "url /stories/export/"}},
		{"story, quoted id after the error", "content/stories/export.md", "---\ntitle: Deploy: rollback\nid: \"STORY-128\" # ours\nslug: deploy-log\n---\n",
			[]string{"id STORY-128", "url /stories/deploy-log/"}},
		{"story, unclosed quote swallowing the id", "content/stories/export.md", "---\ntitle: \"Export\nid: STORY-128\n---\n",
			[]string{"id STORY-128", "url /stories/export/"}},
		{"story, the id's own line broken", "content/stories/export.md", "---\nid: [STORY-128\ntitle: T\n---\n",
			[]string{"id ?", "url /stories/export/"}},
		{"story, id given twice", "content/stories/export.md", "---\nid: STORY-128\nid: STORY-129\ntitle: a: b\n---\n",
			[]string{"id ?", "url /stories/export/"}},
		{"story, front matter never closed", "content/stories/export.md", "---\nid: STORY-128\ntitle: T\n--\n\nid: STORY-1 in the text\n",
			[]string{"id STORY-128", "url /stories/export/"}},
		{"story, typed elsewhere", "content/notes/export.md", "---\ntype: story\nid: STORY-128\ntitle: a: b\n---\n",
			[]string{"id STORY-128", "url /stories/export/"}},
		{"release, version in the front matter", "content/releases/next.md", "---\nversion: 1.4.0\nstatus: planned: soon\n---\n",
			[]string{"release 1.4.0", "url /releases/1.4.0/"}},
		{"release, version from the file name", "content/releases/1.4.0.md", "---\nversion: 1.4.0: x\n---\n",
			[]string{"release 1.4.0", "url /releases/1.4.0/"}},
		{"release, no version anywhere", "content/releases/next.md", "---\nversion: [1.4.0\n---\n",
			[]string{"release ?"}},
		{"release, not valid UTF-8", "content/releases/1.4.1.md", "---\nversion: 1.4.1\ntitle: caf\xe9\n---\n",
			[]string{"release 1.4.1", "url /releases/1.4.1/"}},
		{"post-mortem, TOML", "content/postmortems/2026-07-01-api.md", "+++\nid = \"PM-2026-002\"\ntitle = oops\n+++\n",
			[]string{"id PM-2026-002", "url /postmortems/2026-07-01-api/"}},
		{"post-mortem, TOML with a table", "content/postmortems/api.md", "+++\ntitle = \"A\"\n[lessons]\nid = \"PM-9\"\nwent_well = [\n+++\n",
			[]string{"id ?", "url /postmortems/api/"}},
		{"post-mortem, JSON up to the error", "content/postmortems/api.md", "{\n\"id\": \"PM-2026-003\",\n\"title\": oops\n}\n\n",
			[]string{"id PM-2026-003", "url /postmortems/api/"}},
		{"plain page with a URL and aliases", "content/handbook/on-call.md", "---\nurl: /on-call/\naliases: [/pager/]\ntitle: a: b\n---\n",
			[]string{"url /on-call/", "url /pager/"}},
		{"plain page, empty", "content/handbook/on-call.md", "",
			[]string{"url /handbook/on-call/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := LoadPage(fstest.MapFS{tt.file: {Data: []byte(tt.src)}}, tt.file, testConfig())
			if p != nil || len(diags) != 1 {
				t.Fatalf("want one error and no page, got page %v and\n%s", p != nil, diagLines(diags))
			}
			want := strings.Join(append([]string{"file " + tt.file}, tt.want...), "\n")
			if got := diags[0].Lost; got != want {
				t.Errorf("Lost\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestLostFromFileName checks a page too large to read: only its name
// tells what it is.
func TestLostFromFileName(t *testing.T) {
	big := make([]byte, MaxPageBytes+1)
	_, diags := LoadPage(fstest.MapFS{"content/releases/2.0.0.md": {Data: big}}, "content/releases/2.0.0.md", testConfig())
	want := "file content/releases/2.0.0.md\nrelease 2.0.0\nurl /releases/2.0.0/"
	if len(diags) != 1 || diags[0].Lost != want {
		t.Errorf("got %q, want %q", diags, want)
	}
}

// TestReferencesToBrokenPages loads a site where pages that fail to parse
// are named elsewhere: the errors of those references are not listed on
// their own but named in a note on the error of the page they wait for,
// and the rest are reported as before.
func TestReferencesToBrokenPages(t *testing.T) {
	_, diags := loadSite(t, `
-- content/stories/export.md --
---
id: STORY-128
title: Export: the deploy log
status: ready
release: 1.5.0
---
-- content/stories/import.md --
---
id: [STORY-7
---
-- content/stories/ok.md --
---
id: STORY-1
title: OK
status: ready
release: 1.5.0
---
-- content/releases/1.5.0.md --
---
version: 1.5.0
status: planned
	kind: minor
---
-- content/releases/1.5.1.md --
---
version: 1.5.1
status: planned
hotfix_for: [1.5.0]
---
-- content/postmortems/pm.md --
---
id: PM-2026-001
title: P
date: 2026-07-01
status: draft
severity: SEV3
releases: [1.5.0, 1.6.0]
action_items:
  - title: Export the log
    tracking: STORY-128
  - title: Import
    tracking: STORY-7
  - title: Follow up
    tracking: PM-2026-002
---
-- content/postmortems/broken.md --
+++
id = "PM-2026-002"
title = "Broken"
date = 2026-07-02
status = draft"
+++
`, Options{})
	want := `content/postmortems/broken.md:5:10: error: malformed TOML front matter: expected value but found "draft" instead (1 reference to PM-2026-002 elsewhere is not checked until this is fixed: content/postmortems/pm.md:14:15)
content/postmortems/pm.md:7:19: error: releases[1]: unknown release "1.6.0" (the nearest known version is 1.5.1)
content/postmortems/pm.md:12:15: error: action_items[1].tracking: unknown id "STORY-7" (did you mean "STORY-1"?; content/stories/import.md did not load and may define it)
content/releases/1.5.0.md:4:1: error: malformed YAML front matter: found a tab character that violates indentation (YAML indents with spaces only: replace the tab with spaces; 3 references to release 1.5.0 elsewhere are not checked until this is fixed: content/postmortems/pm.md:7:12, content/releases/1.5.1.md:4:14 and content/stories/ok.md:5:10)
content/stories/export.md:3:14: error: malformed YAML front matter: mapping values are not allowed in this context (the value holds ": ", which YAML reads as another key: put the value in quotes, e.g. title: "Export: the deploy log"; 1 reference to STORY-128 elsewhere is not checked until this is fixed: content/postmortems/pm.md:10:15)
content/stories/import.md:2:5: error: malformed YAML front matter: did not find expected ',' or ']' (close the list with ]; if the [ is text, put the whole value in quotes)
`
	if got := diagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant\n%s", got, want)
	}
}
