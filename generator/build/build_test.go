package build

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"almanac/generator/internal/sitetest"
	"almanac/generator/internal/slab"
	"almanac/generator/output"
	"almanac/generator/render"
	"almanac/generator/site"
)

var testNow = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

// theme is the repository's own default theme.
func theme() fs.FS { return os.DirFS("../..") }

const smallSite = `
-- almanac.toml --
title = "Small team"
base_url = "https://example.org/team/"
time_zone = "Asia/Seoul"
-- content/_index.md --
Welcome to the **small team**.
-- content/stories/export-log.md --
---
id: STORY-1
title: Export the deploy log
as_a: release manager
i_want: to export the deploy log
so_that: I can attach it to the audit
acceptance:
  - a CSV downloads
status: done
priority: P1
owner: Mina Park
created: 2026-10-01
merged_at: 2026-10-10T10:00:00+09:00
release: 1.0.0
changelog: added
tags: [audit]
---
See the [release](../releases/1.0.0.md#notes) and the [team](../team.md).
-- content/releases/1.0.0.md --
---
version: 1.0.0
title: First
status: released
planned_date: 2026-10-14
released_at: 2026-10-14T15:00:00+09:00
---
## Notes
Ships the export.
-- content/postmortems/2026-10-15-export-timeout.md --
---
id: PM-2026-001
title: Export timed out
date: 2026-10-15
severity: SEV3
status: published
trigger: deploy
releases: [1.0.0]
authors: [Mina Park]
started_at: 2026-10-15T10:00:00+09:00
detected_at: 2026-10-15T10:05:00+09:00
mitigated_at: 2026-10-15T10:30:00+09:00
resolved_at: 2026-10-15T12:00:00+09:00
root_causes: [a missing index]
---
The export query scanned the whole table.
-- content/team.md --
---
title: The team
---
# The team
We run the export.
`

func generate(t *testing.T, fsys fs.FS) (*output.Memory, *Result) {
	t.Helper()
	b, err := New(Options{Source: fsys, Theme: theme()})
	if err != nil {
		t.Fatal(err)
	}
	out := output.NewMemory()
	res, err := b.Generate(context.Background(), testNow, out)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return out, res
}

func mustGet(t *testing.T, out *output.Memory, name string) string {
	t.Helper()
	b, ok := out.Get(name)
	if !ok {
		t.Fatalf("output has no %s; it has %v", name, out.Names())
	}
	return string(b)
}

func TestGenerateSmallSite(t *testing.T) {
	out, res := generate(t, sitetest.Parse(smallSite))
	if res.Pages != 5 { // the home intro, a story, a release, a post-mortem, a page
		t.Errorf("Pages = %d, want 5", res.Pages)
	}
	for _, name := range []string{
		"index.html", "404.html", "sitemap.xml", "robots.txt", "index.xml",
		"stories/index.html", "stories/export-log/index.html",
		"releases/index.html", "releases/1.0.0/index.html",
		"postmortems/index.html", "postmortems/2026-10-15-export-timeout/index.html",
		"team/index.html",
	} {
		mustGet(t, out, name)
	}
	story := mustGet(t, out, "stories/export-log/index.html")
	// Relative Markdown links become page URLs under the base path.
	for _, want := range []string{`href="/team/releases/1.0.0/#notes"`, `href="/team/team/"`} {
		if !strings.Contains(story, want) {
			t.Errorf("story page lacks %s", want)
		}
	}
	release := mustGet(t, out, "releases/1.0.0/index.html")
	for _, want := range []string{"Export the deploy log", "Export timed out"} {
		if !strings.Contains(release, want) {
			t.Errorf("release page lacks %q (changelog and incidents come from cross references)", want)
		}
	}
	home := mustGet(t, out, "index.html")
	if !strings.Contains(home, "<strong>small team</strong>") {
		t.Errorf("home page lacks the intro from content/_index.md")
	}
}

func TestGenerateReportsEveryErrorAtOnce(t *testing.T) {
	fsys := sitetest.Parse(`
-- content/stories/a.md --
---
id: STORY-1
title: A
status: doing
---
-- content/stories/b.md --
---
id: STORY-2
title: B
status: done
release: 9.9.9
---
-- content/postmortems/c.md --
---
id: PM-2026-001
title: C
date: 2026-10-15
severity: SEV9
status: published
---
`)
	b, err := New(Options{Source: fsys, Theme: theme()})
	if err != nil {
		t.Fatal(err)
	}
	out := output.NewMemory()
	res, err := b.Generate(context.Background(), testNow, out)
	if err == nil {
		t.Fatal("Generate succeeded on bad content")
	}
	diags, ok := site.AsDiagnostics(err)
	if !ok {
		t.Fatalf("error is not a diagnostics list: %v", err)
	}
	wantFiles := map[string]bool{"content/stories/a.md": false, "content/stories/b.md": false, "content/postmortems/c.md": false}
	for _, d := range diags {
		if d.Pos.Line == 0 || d.Pos.Col == 0 {
			t.Errorf("diagnostic without line and column: %s", d.Error())
		}
		if _, ok := wantFiles[d.Pos.File]; ok {
			wantFiles[d.Pos.File] = true
		}
	}
	for f, seen := range wantFiles {
		if !seen {
			t.Errorf("no diagnostic for %s in:\n%s", f, err)
		}
	}
	for i := 1; i < len(diags); i++ {
		if diags[i].Pos.Before(diags[i-1].Pos) {
			t.Errorf("diagnostics not sorted: %s before %s", diags[i-1].Pos, diags[i].Pos)
		}
	}
	if out.Len() != 0 {
		t.Errorf("a failed build wrote %d files", out.Len())
	}
	if len(res.Diagnostics) != len(diags) {
		t.Errorf("Result carries %d diagnostics, error %d", len(res.Diagnostics), len(diags))
	}
}

// TestGenerateDeterministic builds the repository's own sample site twice
// and compares every byte.
func TestGenerateDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sample site twice")
	}
	src := os.DirFS("../..")
	a, _ := generate(t, src)
	b, _ := generate(t, src)
	an, bn := a.Names(), b.Names()
	if strings.Join(an, "\n") != strings.Join(bn, "\n") {
		t.Fatalf("two builds wrote different file lists: %d vs %d files", len(an), len(bn))
	}
	for _, n := range an {
		x, _ := a.Get(n)
		y, _ := b.Get(n)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds of the same input", n)
		}
	}
	if len(an) < 50 {
		t.Errorf("the sample site built only %d files", len(an))
	}
}

// TestToDiskKeepsOldOutputOnFailure builds a good site, then a site whose
// template fails while rendering one page halfway through the build, and
// checks that the first output is untouched and no staging folder is left.
func TestToDiskKeepsOldOutputOnFailure(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	good := sitetest.Parse(smallSite)
	b, err := New(Options{Source: good, Theme: theme()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.ToDisk(context.Background(), testNow, dest); err != nil {
		t.Fatalf("first build: %v", err)
	}
	before := snapshot(t, dest)

	bad := sitetest.Parse(smallSite)
	// A story layout that parses but fails when executed, so the build
	// stops while other pages have already been written to staging.
	bad["layouts/story.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{ len 3 }}{{end}}`)}
	b2, err := New(Options{Source: bad, Theme: theme()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b2.ToDisk(context.Background(), testNow, dest); err == nil {
		t.Fatal("the failing build succeeded")
	}
	after := snapshot(t, dest)
	if len(before) != len(after) {
		t.Fatalf("output changed: %d files before, %d after", len(before), len(after))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed after a failed build", name)
		}
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the parent folder holds %v, want only public", names)
	}
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		files[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// A summary cut from a page's lead is the one cut from its whole text,
// in English, Korean and with runs of white space.
func TestSummaryLead(t *testing.T) {
	words := strings.Repeat("deploy the export job ", 40)
	korean := strings.Repeat("배포 파이프라인을 점검했다 ", 40)
	spaced := "\n\n  " + strings.Repeat("word\n\n\t  ", 200)
	for _, s := range []string{"", "short text", words, korean, spaced, strings.Repeat("가", 300), strings.Repeat("가", 280)} {
		lead := summaryLead(s)
		if len(lead) > len(s) || !strings.HasPrefix(s, lead) {
			t.Fatalf("summaryLead(%.20q…) = %.20q…, not a prefix", s, lead)
		}
		var text slab.Text
		if kept := keptLead(s, &text); kept != lead {
			t.Fatalf("keptLead(%.20q…) = %.20q…, want summaryLead's %.20q…", s, kept, lead)
		}
		if got, want := render.Excerpt(lead), render.Excerpt(s); got != want {
			t.Errorf("summary of the lead of %.20q…:\n %q\nwant\n %q", s, got, want)
		}
		if len(s) > 2000 && len(lead) > 1200 {
			t.Errorf("lead of %.20q… keeps %d bytes", s, len(lead))
		}
	}
}
