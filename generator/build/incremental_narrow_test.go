package build

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"almanac/generator/internal/sitetest"
	"almanac/generator/output"
)

// The lists and reports name only what they show among their sources, so
// a front matter edit renders a few of them again, not every one. These
// tests make the edits whose reach is easiest to get wrong (a page moving
// between pages of a list or between periods, a post-mortem or a hotfix
// naming a release of another period, a status, undated pages) on a site
// that spans several months and pages of each list, and compare the
// preview with a full build after each.

// spanSite is a site over four months (July to November 2026) whose lists
// take three items a page.
func spanSite() string {
	var b strings.Builder
	b.WriteString(`
-- almanac.toml --
title = "Span team"
base_url = "https://example.org/span/"
time_zone = "Asia/Seoul"
[lists]
page_size = 3
-- content/_index.md --
Welcome.
`)
	// Releases 1.1.0 to 1.5.0, one a month from July, the last planned.
	for m := 7; m <= 11; m++ {
		v := fmt.Sprintf("1.%d.0", m-6)
		status, shipped := "released", fmt.Sprintf("released_at: 2026-%02d-14T15:00:00+09:00\n", m)
		if m == 11 {
			status, shipped = "planned", ""
		}
		fmt.Fprintf(&b, "-- content/releases/%s.md --\n---\nversion: %s\ntitle: Release %d\nstatus: %s\nplanned_date: 2026-%02d-14\n%s---\n## Notes\n- Ships month %d.\n",
			v, v, m, status, m, shipped, m)
	}
	// Two stories a month, shipped by that month's release.
	for i := range 10 {
		m := 7 + i/2
		fmt.Fprintf(&b, "-- content/stories/s%d.md --\n---\nid: STORY-%d\ntitle: Story %d\nstatus: done\nowner: Mina Park\ntags: [t%d]\n"+
			"first_commit_at: 2026-%02d-02T10:00:00+09:00\nmerged_at: 2026-%02d-%02dT10:00:00+09:00\nrelease: 1.%d.0\nchangelog: added\n---\nBody %d.\n",
			i, i, i, i%2, m, m, 3+i%2, m-6, i)
	}
	b.WriteString(`-- content/stories/open.md --
---
id: STORY-20
title: Not done yet
status: in_progress
owner: Mina Park
---
Open.
-- content/postmortems/pm-aug.md --
---
id: PM-1
title: August outage
date: 2026-08-20
severity: SEV2
status: in_review
releases: [1.2.0]
started_at: 2026-08-20T10:00:00+09:00
mitigated_at: 2026-08-20T11:00:00+09:00
action_items:
  - title: Add an alert
    owner: Mina Park
    status: open
    due: 2026-09-10
---
The August outage.
-- content/postmortems/pm-july.md --
---
id: PM-2
title: Some outage
date: 2026-07-30
severity: SEV4
status: draft
---
No start time yet.
-- content/decisions/adr-1.md --
---
id: ADR-1
title: One batch
date: 2026-09-05
status: accepted
deciders: [Mina Park]
chosen: One batch
---
Decided.
`)
	return b.String()
}

// TestNarrowListsFollowEdits edits the span site one front matter field at
// a time and checks the preview against a full build after each.
func TestNarrowListsFollowEdits(t *testing.T) {
	p := newPreview(t, spanSite())
	edit := func(what, file, old, new string) {
		t.Helper()
		data := string(p.fs[file].Data)
		if !strings.Contains(data, old) {
			t.Fatalf("%s: %s has no %q", what, file, old)
		}
		if up := p.write(file, strings.Replace(data, old, new, 1)); up.Failed() {
			t.Fatalf("%s: %v", what, up.Diagnostics)
		}
		if up := p.settle(); up.Failed() {
			t.Fatalf("%s: settle: %v", what, up.Diagnostics)
		}
		p.sameAsFullBuild()
		if t.Failed() {
			t.Fatalf("after %s", what)
		}
	}
	steps := []struct{ what, file, old, new string }{
		{"a title", "content/stories/s3.md", "title: Story 3", "title: Story three"},
		{"a done date into a month and quarter of its own", "content/stories/s1.md",
			"first_commit_at: 2026-07-02T10:00:00+09:00\nmerged_at: 2026-07-04", "first_commit_at: 2026-06-20T10:00:00+09:00\nmerged_at: 2026-06-24"},
		{"a done date into another quarter", "content/stories/s8.md",
			"first_commit_at: 2026-11-02T10:00:00+09:00\nmerged_at: 2026-11-03", "first_commit_at: 2026-09-01T10:00:00+09:00\nmerged_at: 2026-09-03"},
		{"a created date that reorders the list", "content/stories/s9.md", "owner:", "created: 2026-01-01\nowner:"},
		{"a status", "content/stories/s5.md", "status: done", "status: in_review"},
		{"a status back", "content/stories/s5.md", "status: in_review", "status: done"},
		{"a story's first commit (lead time)", "content/stories/s2.md", "first_commit_at: 2026-08-02", "first_commit_at: 2026-06-02"},
		{"a story moved to another release", "content/stories/s0.md", "release: 1.1.0", "release: 1.4.0"},
		{"a story's changelog", "content/stories/s6.md", "changelog: added", "changelog: fixed"},
		{"a post-mortem naming a release of another period", "content/postmortems/pm-aug.md", "releases: [1.2.0]", "releases: [1.2.0, 1.4.0]"},
		{"its mitigation (recovery time)", "content/postmortems/pm-aug.md", "mitigated_at: 2026-08-20T11:00", "mitigated_at: 2026-10-20T11:00"},
		{"an action item's due date", "content/postmortems/pm-aug.md", "due: 2026-09-10", "due: 2026-10-10"},
		{"a post-mortem's start in another month", "content/postmortems/pm-july.md", "severity:", "started_at: 2026-09-30T10:00:00+09:00\nseverity:"},
		{"a release's date into another month", "content/releases/1.3.0.md", "released_at: 2026-09-14", "released_at: 2026-10-01"},
		{"a release rolled back", "content/releases/1.2.0.md", "status: released\n", "status: rolled_back\nrolled_back_at: 2026-08-15T10:00:00+09:00\n"},
		{"a release's title", "content/releases/1.4.0.md", "title: Release 10", "title: The October release"},
		{"a planned release's date (next)", "content/releases/1.5.0.md", "planned_date: 2026-11-14", "planned_date: 2026-12-01"},
		{"a decision's date", "content/decisions/adr-1.md", "date: 2026-09-05", "date: 2026-06-05"},
		{"a decision's title (the calendar shows it)", "content/decisions/adr-1.md", "title: One batch", "title: A single batch"},
		{"a lastmod past every date (the calendar feeds' stand-in LAST-MODIFIED)", "content/stories/open.md", "owner:", "lastmod: 2026-11-25T10:00:00+09:00\nowner:"},
		{"an owner", "content/stories/s4.md", "owner: Mina Park", "owner: Jae Lee"},
		{"a tag", "content/stories/s7.md", "tags: [t1]", "tags: [t0]"},
	}
	for _, s := range steps {
		edit(s.what, s.file, s.old, s.new)
	}
	// A hotfix released in November for the July release.
	p.write("content/releases/1.1.1.md", "---\nversion: 1.1.1\ntitle: Hotfix\nstatus: released\nkind: hotfix\nhotfix_for: [1.1.0]\n"+
		"planned_date: 2026-11-02\nreleased_at: 2026-11-02T10:00:00+09:00\n---\nFixes 1.1.0.\n")
	p.settle()
	p.sameAsFullBuild()
	edit("the hotfix's date (recovery of July)", "content/releases/1.1.1.md", "released_at: 2026-11-02", "released_at: 2026-07-20")
	// A decision in May: June's report (June has a story since the second
	// step) reads nothing of May but links to May's report now.
	p.write("content/decisions/adr-2.md", "---\nid: ADR-2\ntitle: Two batches\ndate: 2026-05-05\nstatus: accepted\n"+
		"deciders: [Mina Park]\nchosen: Two\n---\nDecided.\n")
	p.settle()
	p.sameAsFullBuild()
	if t.Failed() {
		t.Fatal("after a decision in a month of its own")
	}
	edit("a story's release to the hotfix", "content/stories/s0.md", "release: 1.4.0", "release: 1.1.1")
}

// TestTitleEditRendersFewReports: a story's title edit renders again the
// reports that read the story, not every report.
func TestTitleEditRendersFewReports(t *testing.T) {
	p := newPreview(t, spanSite())
	var picked []string
	p.x.picked = func(name string) {
		if strings.HasPrefix(name, "reports/") {
			picked = append(picked, name)
		}
	}
	retitle := func(file, old, new string) []string {
		t.Helper()
		picked = nil
		p.write(file, strings.Replace(string(p.fs[file].Data), old, new, 1))
		p.settle()
		p.sameAsFullBuild()
		slices.Sort(picked)
		return picked
	}
	// A story no report reads: only the list of reports, which counts
	// every one.
	if got := retitle("content/stories/open.md", "title: Not done yet", "title: Not done"); !slices.Equal(got, []string{"reports/index.html"}) {
		t.Errorf("a title edit of a story no report reads rendered %v", got)
	}
	// November's story is done in November and Q4, and shipped by a
	// release planned in November, which the reports of October and Q3
	// list as next, with its stories; not the reports of July, August,
	// September.
	want := []string{"reports/2026-10.json", "reports/2026-10/index.html", "reports/2026-11.json", "reports/2026-11/index.html",
		"reports/2026-q3.json", "reports/2026-q3/index.html", "reports/2026-q4.json", "reports/2026-q4/index.html", "reports/index.html"}
	if got := retitle("content/stories/s9.md", "title: Story 9", "title: Story nine"); !slices.Equal(got, want) {
		t.Errorf("a title edit of November's story rendered\n %v\nwant\n %v", got, want)
	}
	// July's: July, Q3, and as the lead time of a July deployment, the
	// keys of August and Q4 (whose periods before are July and Q3).
	want = []string{"reports/2026-07.json", "reports/2026-07/index.html", "reports/2026-08.json", "reports/2026-08/index.html",
		"reports/2026-q3.json", "reports/2026-q3/index.html", "reports/2026-q4.json", "reports/2026-q4/index.html", "reports/index.html"}
	if got := retitle("content/stories/s0.md", "title: Story 0", "title: Story zero"); !slices.Equal(got, want) {
		t.Errorf("a title edit of July's story rendered\n %v\nwant\n %v", got, want)
	}
}

// TestDeflatedFirstBuild: a first build and a new configuration that
// render many bodies deflate them as they go and render the pages a chunk
// at a time; the result is a full build's, and so is what later edits
// make of it.
func TestDeflatedFirstBuild(t *testing.T) {
	p := newPreviewChunked(t, spanSite(), 3)
	p.sameAsFullBuild()
	light := 0
	for _, f := range p.x.files {
		if f.mdZ != nil {
			light++
		}
	}
	if light < 10 {
		t.Errorf("%d bodies kept deflated after the first build", light)
	}
	edits := []struct{ file, old, new string }{
		{"content/stories/s3.md", "title: Story 3", "title: Story three"},
		{"content/stories/s4.md", "Body 4.", "Body four, longer."},
		{"almanac.toml", `title = "Span team"`, `title = "The span team"`},
		{"content/releases/1.2.0.md", "Ships month 8.", "Ships month eight."},
	}
	for _, e := range edits {
		p.step("editing "+e.file, e.file, strings.Replace(string(p.fs[e.file].Data), e.old, e.new, 1))
		p.sameAsFullBuild()
		if t.Failed() {
			t.Fatalf("after editing %s", e.file)
		}
	}
}

// TestFrontMatterEditRendersItsList: a story's title edit renders, with
// the story's page, the pages of /stories/ that name it, as a full build
// makes them, and the deferred work does not render them again; an id
// edit that moves the story to another page of the list leaves the pages
// it no longer names to the deferred work.
func TestFrontMatterEditRendersItsList(t *testing.T) {
	p := newPreview(t, spanSite())
	var picked []string
	p.x.picked = func(name string) { picked = append(picked, name) }
	lists := func() []string {
		var names []string
		for _, name := range p.out.Names() {
			if strings.HasPrefix(name, "stories/") && (name == "stories/index.html" || strings.HasPrefix(name, "stories/page/")) {
				names = append(names, name)
			}
		}
		return names
	}
	edit := func(what, file, old, new string, wantApplied []string) {
		t.Helper()
		picked = nil
		up := p.write(file, strings.Replace(string(p.fs[file].Data), old, new, 1))
		if up.Failed() {
			t.Fatalf("%s: %v", what, up.Diagnostics)
		}
		var applied []string
		for _, name := range up.Changed {
			if slices.Contains(lists(), name) {
				applied = append(applied, name)
			}
		}
		if !slices.Equal(applied, wantApplied) {
			t.Errorf("%s: Apply changed the lists %v, want %v", what, applied, wantApplied)
		}
		full := output.NewMemory()
		b, err := New(Options{Source: p.fs, Theme: p.theme, Drafts: true, LiveReload: "/_live.js"})
		if err != nil {
			t.Fatal(err)
		}
		if up := b.Incremental(testNow, full).Build(t.Context()); up.Failed() {
			t.Fatal(up.Diagnostics)
		}
		for _, name := range wantApplied {
			got, _ := p.out.Get(name)
			want, _ := full.Get(name)
			if string(got) != string(want) {
				t.Errorf("%s: %s as Apply rendered it differs from a full build", what, name)
			}
		}
		if up := p.settle(); up.Failed() {
			t.Fatalf("%s: settle: %v", what, up.Diagnostics)
		}
		for _, name := range wantApplied {
			if slices.Contains(picked, name) {
				t.Errorf("%s: the deferred work rendered %s again", what, name)
			}
		}
		p.sameAsFullBuild()
	}
	// Eleven stories, three a page, by id: s4 (STORY-4) is on page 2.
	edit("a title", "content/stories/s4.md", "title: Story 4", "title: Story four",
		[]string{"stories/index.html", "stories/page/2/index.html"})
	// STORY-40 sorts after STORY-20 (the open story), on page 4.
	edit("an id", "content/stories/s4.md", "id: STORY-4\n", "id: STORY-40\n",
		[]string{"stories/index.html", "stories/page/4/index.html"})
}

// TestSettleAloneIsSettle: the first build's deferred work, run on the
// site Apply linked (SettleAlone), makes the files a Settle on a site
// linked from its snapshot makes, a list layout that shows bodies
// included, and leaves Apply's site as it found it: later edits give a
// full build's files.
func TestSettleAloneIsSettle(t *testing.T) {
	bodies := `{{define "main"}}<ul>{{range .Items}}<li>{{.Title}}: {{body .}}</li>{{end}}</ul>{{end}}`
	sites := map[string]string{
		"span":                  spanSite(),
		"small":                 smallSite,
		"a list showing bodies": smallSite + "-- layouts/stories.html --\n" + bodies + "\n",
	}
	for name, text := range sites {
		t.Run(name, func(t *testing.T) {
			fsys := sitetest.Parse(text)
			th := themeCopy(t)
			build := func(alone bool) (*Incremental, *output.Memory) {
				out := output.NewMemory()
				b, err := New(Options{Source: fsys, Theme: th, Drafts: true, LiveReload: "/_live.js"})
				if err != nil {
					t.Fatal(err)
				}
				x := b.Incremental(testNow, out)
				if up := x.Apply(t.Context(), nil, nil); up.Failed() {
					t.Fatal(up.Diagnostics)
				}
				settle := x.Settle
				if alone {
					settle = x.SettleAlone
				}
				run := settle()
				if up := run.Run(t.Context(), nil); up.Failed() {
					t.Fatal(up.Diagnostics)
				}
				return x, out
			}
			_, snap := build(false)
			x, out := build(true)
			if !slices.Equal(out.Names(), snap.Names()) {
				t.Fatalf("files differ:\n alone    %v\n snapshot %v", out.Names(), snap.Names())
			}
			for _, n := range snap.Names() {
				a, _ := out.Get(n)
				b, _ := snap.Get(n)
				if string(a) != string(b) {
					t.Errorf("%s differs", n)
				}
			}
			for _, pg := range x.site.Pages {
				if f := x.files[pg.Source]; pg.Rendered != f.md {
					t.Errorf("%s: Apply's site holds another body than its file", pg.Source)
				}
			}
			p := &preview{t: t, fs: fsys, theme: th, out: out, x: x}
			for _, file := range []string{"content/stories/export-log.md", "content/stories/s3.md"} {
				if data, ok := fsys[file]; ok {
					p.write(file, strings.Replace(string(data.Data), "\ntitle: ", "\ntitle: New ", 1))
					p.settle()
					p.sameAsFullBuild()
				}
			}
		})
	}
}
