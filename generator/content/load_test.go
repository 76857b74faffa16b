package content

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadDeterministic(t *testing.T) {
	a, da := loadWithConfig(t, linkedSite, Options{})
	b, db := loadWithConfig(t, linkedSite, Options{})
	if !reflect.DeepEqual(a, b) || !reflect.DeepEqual(da, db) {
		t.Errorf("two loads of the same site differ")
	}
	if len(a.Pages) == 0 {
		t.Fatal("no pages")
	}
}

// TestAllErrorsInOneRun loads a site with problems in many files and
// expects every one, sorted by file, line and column.
func TestAllErrorsInOneRun(t *testing.T) {
	s, diags := loadSite(t, `
-- content/stories/b.md --
---
id: STORY-2
title: B
status: doing
severity: SEV1
---
-- content/stories/a.md --
---
id: STORY-1
title: A
status: ready
release: 1.0.0
---
-- content/postmortems/x.md --
+++
id = "PM-1"
title = "X"
date = "yesterday"
status = "in_review"
severty = "SEV2"
+++
-- content/releases/1.0.md --
---
version: v1.0.0
status: planned
---
-- content/empty.md --
-- content/broken.md --
---
title: [unclosed
---
-- content/fine.md --
# Fine
`, Options{})
	want := `content/broken.md:2:8: error: malformed YAML front matter: did not find expected ',' or ']' (close the list with ]; if the [ is text, put the whole value in quotes)
content/empty.md:1: error: file is empty (give it front matter and a body, or delete it)
content/postmortems/x.md:1:1: error: missing required key "severity" in post-mortem front matter
content/postmortems/x.md:4:8: error: date: "yesterday" is not a date (write dates as YYYY-MM-DD, e.g. 2026-07-14)
content/postmortems/x.md:6:1: error: unknown key "severty" in post-mortem front matter (did you mean "severity"?)
content/releases/1.0.md:2:10: error: version: "v1.0.0" is not a SemVer 2.0 version: a version starts with a digit, not "v" (drop the leading "v": 1.0.0)
content/stories/a.md:5:10: error: release: unknown release "1.0.0" (no release defines any version yet)
content/stories/b.md:4:9: error: status: "doing" is not one of: backlog, ready, in_progress, in_review, done, dropped
content/stories/b.md:5:1: error: unknown key "severity" in story front matter
`
	if got := diagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant\n%s", got, want)
	}
	if s == nil || s.ByURL["/fine/"] == nil || len(s.Stories) != 2 {
		t.Errorf("the good pages should still load: %+v", s)
	}
}

func TestAssetsAndSkippedFiles(t *testing.T) {
	s, diags := loadSite(t, `
-- content/metrics/lead.md --
---
title: Lead time
csv: lead.csv
---
-- content/metrics/lead.csv --
date,value
2026-07-01,2
-- content/metrics/other.csv --
date,value
-- content/img/diagram.png --
png
-- content/handbook/runbook.pdf --
pdf
-- content/.hidden.md --
---
title: [broken
-- content/.git/config --
x
-- content/notes.md~ --
x
-- content/.notes.md.swp --
x
-- content/notes.md.swp --
x
-- content/#notes.md# --
x
-- content/notes.md --
# Notes
-- content/README.markdown --
# Readme
-- static/site.css --
body{}
`, Options{})
	if len(diags) > 0 {
		t.Fatal(diagLines(diags))
	}
	checkEqual(t, "assets", s.Assets, []string{"handbook/runbook.pdf", "img/diagram.png", "metrics/other.csv"})
	if got := urls(s.Pages); got != "/ /metrics/lead/ /notes/" { // README is the folder's page
		t.Errorf("pages: %s", got)
	}
}

func TestLoadContentDir(t *testing.T) {
	fsys := siteFS(t, `
-- almanac.toml --
content_dir = "docs"
-- docs/stories/s.md --
---
id: STORY-1
title: S
status: ready
---
-- content/ignored.md --
# Not here
`)
	cfg, _ := LoadConfig(fsys)
	s, diags := Load(t.Context(), fsys, cfg, Options{Now: testNow})
	if len(diags) > 0 || urls(s.Pages) != "/stories/s/" || s.Pages[0].Source != "docs/stories/s.md" {
		t.Errorf("pages %s, diags %s", urls(s.Pages), diagLines(diags))
	}
}

func TestLoadMissingContentDir(t *testing.T) {
	s, diags := Load(t.Context(), fstest.MapFS{}, DefaultConfig(), Options{Now: testNow})
	want := `content: error: content folder "content" not found (create it, or set content_dir in almanac.toml)` + "\n"
	if got := diagLines(diags); got != want || s == nil || len(s.Pages) != 0 {
		t.Errorf("got %q, site %v", got, s)
	}
}

func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	s, diags := Load(ctx, siteFS(t, "-- content/a.md --\n# A\n"), DefaultConfig(), Options{Now: testNow})
	if s != nil || !strings.Contains(diagLines(diags), "context canceled") {
		t.Errorf("site %v, diags %s", s, diagLines(diags))
	}
}

func TestLoadManyFilesInParallel(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 200 {
		src := fmt.Sprintf("---\nid: STORY-%d\ntitle: S\nstatus: ready\n---\n", (i*7919)%1000)
		fsys[fmt.Sprintf("content/stories/s%03d.md", i)] = &fstest.MapFile{Data: []byte(src)}
	}
	s, diags := Load(t.Context(), fsys, DefaultConfig(), Options{Now: testNow})
	if len(diags) > 0 || len(s.Stories) != 200 {
		t.Fatalf("%d stories, %s", len(s.Stories), diagLines(diags))
	}
	for i := 1; i < len(s.Stories); i++ {
		if !NaturalLess(s.Stories[i-1].ID(), s.Stories[i].ID()) {
			t.Fatalf("stories out of order at %d: %s, %s", i, s.Stories[i-1].ID(), s.Stories[i].ID())
		}
	}
}
