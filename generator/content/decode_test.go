package content

import (
	"fmt"
	"reflect"
	"testing"
	"testing/fstest"
	"time"

	"almanac/generator/site"
)

// day and at build expected times in the test zone.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, seoul) }

func at(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, seoul) }

// decodeOne loads one file of an inline site and fails on any diagnostic.
func decodeOne(t *testing.T, fsys fstest.MapFS, name string) *site.Page {
	t.Helper()
	p, diags := LoadPage(fsys, name, testConfig())
	if len(diags) > 0 {
		t.Fatalf("LoadPage(%s) diagnostics:\n%s", name, diagLines(diags))
	}
	if p == nil {
		t.Fatalf("LoadPage(%s) = nil", name)
	}
	return p
}

func checkEqual(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

// checkCommon compares the Page fields every kind shares.
func checkCommon(t *testing.T, p *site.Page, kind site.Kind, url, title, desc string, date time.Time, tags []string) {
	t.Helper()
	if p.Kind != kind || p.URL != url || p.Title != title || p.Description != desc || !p.Date.Equal(date) {
		t.Errorf("page = kind %s url %s title %q desc %q date %v; want %s %s %q %q %v",
			p.Kind, p.URL, p.Title, p.Description, p.Date, kind, url, title, desc, date)
	}
	checkEqual(t, "tags", p.Tags, tags)
}

const storyYAML = `---
id: STORY-101
title: Export the deploy log
description: Export for audits
as_a: release manager
i_want: to export the deploy log
so_that: I can attach it to the change record
acceptance:
  - CSV download
  - Includes rollbacks
status: in_progress
priority: P1
points: 5
owner: Alice Kim
team: Platform
created: 2026-07-01
started_at: 2026-07-02T09:00:00+09:00
first_commit_at: 2026-07-02T10:30:00+09:00
merged_at: "2026-07-10T08:45:00Z"
release: 1.4.0
changelog: added
tags: [deploy, export]
weight: 3
voc:
  - source: support ticket
    customer: ACME
    quote: "We need the log for audits"
    url: https://support.example.org/t/1
    date: 2026-06-20
  - source: interview
    quote: Second quote
---
Body.
`

const storyTOML = `+++
id = "STORY-101"
title = "Export the deploy log"
description = "Export for audits"
as_a = "release manager"
i_want = "to export the deploy log"
so_that = "I can attach it to the change record"
acceptance = ["CSV download", "Includes rollbacks"]
status = "in_progress"
priority = "P1"
points = 5
owner = "Alice Kim"
team = "Platform"
created = 2026-07-01
started_at = 2026-07-02T09:00:00+09:00
first_commit_at = "2026-07-02T10:30:00+09:00"
merged_at = 2026-07-10T08:45:00Z
release = "1.4.0"
changelog = "added"
tags = ["deploy", "export"]
weight = 3

[[voc]]
source = "support ticket"
customer = "ACME"
quote = "We need the log for audits"
url = "https://support.example.org/t/1"
date = 2026-06-20

[[voc]]
source = "interview"
quote = "Second quote"
+++
Body.
`

const storyJSON = `{
  "id": "STORY-101",
  "title": "Export the deploy log",
  "description": "Export for audits",
  "as_a": "release manager",
  "i_want": "to export the deploy log",
  "so_that": "I can attach it to the change record",
  "acceptance": ["CSV download", "Includes rollbacks"],
  "status": "in_progress",
  "priority": "P1",
  "points": 5,
  "owner": "Alice Kim",
  "team": "Platform",
  "created": "2026-07-01",
  "started_at": "2026-07-02T09:00:00+09:00",
  "first_commit_at": "2026-07-02T10:30:00+09:00",
  "merged_at": "2026-07-10T08:45:00Z",
  "release": "1.4.0",
  "changelog": "added",
  "tags": ["deploy", "export"],
  "weight": 3,
  "voc": [
    {"source": "support ticket", "customer": "ACME", "quote": "We need the log for audits",
     "url": "https://support.example.org/t/1", "date": "2026-06-20"},
    {"source": "interview", "quote": "Second quote"}
  ]
}

Body.
`

func TestDecodeStory(t *testing.T) {
	want := site.Story{
		ID: "STORY-101", AsA: "release manager", IWant: "to export the deploy log",
		SoThat: "I can attach it to the change record", Acceptance: []string{"CSV download", "Includes rollbacks"},
		Status: "in_progress", Priority: "P1", Points: 5, HasPoints: true, Owner: "Alice Kim", Team: "Platform",
		Created: day(2026, 7, 1), StartedAt: at(2026, 7, 2, 9, 0), FirstCommitAt: at(2026, 7, 2, 10, 30),
		MergedAt: at(2026, 7, 10, 17, 45), Release: "1.4.0", Changelog: "added",
		VOC: []site.VOC{
			{Source: "support ticket", Customer: "ACME", Quote: "We need the log for audits",
				URL: "https://support.example.org/t/1", Date: day(2026, 6, 20)},
			{Source: "interview", Quote: "Second quote"},
		},
	}
	for format, src := range map[string]string{"yaml": storyYAML, "toml": storyTOML, "json": storyJSON} {
		t.Run(format, func(t *testing.T) {
			fsys := fstest.MapFS{"content/stories/export-log.md": {Data: []byte(src)}}
			p := decodeOne(t, fsys, "content/stories/export-log.md")
			checkCommon(t, p, site.KindStory, "/stories/export-log/", "Export the deploy log", "Export for audits",
				day(2026, 7, 1), []string{"deploy", "export"})
			checkEqual(t, "story", *p.Story, want)
			if p.Weight != 3 || p.Slug != "export-log" || string(p.Body) != "Body.\n" {
				t.Errorf("weight %d slug %q body %q", p.Weight, p.Slug, p.Body)
			}
			if p.Release != nil || p.PostMortem != nil || p.Metric != nil {
				t.Errorf("other kinds set on a story")
			}
		})
	}
}

const releaseYAML = `---
version: 1.4.1
title: Export and audit
status: released
planned_date: 2026-07-13
released_at: 2026-07-14T09:12:00+09:00
rolled_back_at: 2026-07-14T11:00:00+09:00
hotfix_for: [1.4.0]
environment: production
milestones:
  - name: Code freeze
    date: 2026-07-10
  - {name: RC, date: 2026-07-12}
---
`

const releaseTOML = `+++
version = "1.4.1"
title = "Export and audit"
status = "released"
planned_date = 2026-07-13
released_at = 2026-07-14T09:12:00+09:00
rolled_back_at = 2026-07-14T11:00:00+09:00
hotfix_for = ["1.4.0"]
environment = "production"
milestones = [
  { name = "Code freeze", date = 2026-07-10 },
  { name = "RC", date = "2026-07-12" },
]
+++
`

const releaseJSON = `---json
{"version": "1.4.1", "title": "Export and audit", "status": "released",
 "planned_date": "2026-07-13", "released_at": "2026-07-14T09:12:00+09:00",
 "rolled_back_at": "2026-07-14T11:00:00+09:00", "hotfix_for": ["1.4.0"],
 "environment": "production",
 "milestones": [{"name": "Code freeze", "date": "2026-07-10"}, {"name": "RC", "date": "2026-07-12"}]}
---
`

func TestDecodeRelease(t *testing.T) {
	want := site.Release{
		Version: "1.4.1", SemVer: site.SemVer{Major: 1, Minor: 4, Patch: 1}, Status: "released",
		ReleaseKind: "hotfix", PlannedDate: day(2026, 7, 13), ReleasedAt: at(2026, 7, 14, 9, 12),
		RolledBackAt: at(2026, 7, 14, 11, 0), HotfixFor: []string{"1.4.0"}, Environment: "production",
		Milestones: []site.Milestone{{Name: "Code freeze", Date: day(2026, 7, 10)}, {Name: "RC", Date: day(2026, 7, 12)}},
		ChecksPos:  site.Pos{File: "content/releases/r.md", Line: 1, Col: 1}, // no checks: where the front matter opens
	}
	for format, src := range map[string]string{"yaml": releaseYAML, "toml": releaseTOML, "json": releaseJSON} {
		t.Run(format, func(t *testing.T) {
			fsys := fstest.MapFS{"content/releases/r.md": {Data: []byte(src)}}
			p := decodeOne(t, fsys, "content/releases/r.md")
			checkCommon(t, p, site.KindRelease, "/releases/1.4.1/", "Export and audit", "",
				at(2026, 7, 14, 9, 12), nil)
			checkEqual(t, "release", *p.Release, want)
		})
	}
}

func TestReleaseKindDerived(t *testing.T) {
	tests := []struct{ front, kind string }{
		{`version: 2.0.0`, "major"},
		{`version: 2.1.0`, "minor"},
		{`version: 2.1.3`, "patch"},
		{"version: 2.1.4\nhotfix_for: [2.1.3]", "hotfix"},
		{"version: 3.0.0\nkind: minor", "minor"},
		{`version: 3.0.0-rc.1`, "major"},
	}
	for _, tt := range tests {
		src := "---\n" + tt.front + "\nstatus: planned\nplanned_date: 2026-09-01\n---\n"
		p := decodeOne(t, fstest.MapFS{"content/releases/x.md": {Data: []byte(src)}}, "content/releases/x.md")
		if p.Release.ReleaseKind != tt.kind {
			t.Errorf("%q: kind %q, want %q", tt.front, p.Release.ReleaseKind, tt.kind)
		}
		if p.Title != p.Release.Version || !p.Date.Equal(day(2026, 9, 1)) {
			t.Errorf("%q: title %q date %v", tt.front, p.Title, p.Date)
		}
	}
}

func TestDecodeMetricInline(t *testing.T) {
	srcs := map[string]string{
		"yaml": "---\ntitle: Build time\nunit: min\ntarget: 10\nbetter: lower\nchart: bar\npoints:\n  - {date: 2026-07-01, value: 12.5}\n  - date: 2026-07-08\n    value: 11\n---\n",
		"toml": "+++\ntitle = \"Build time\"\nunit = \"min\"\ntarget = 10\nbetter = \"lower\"\nchart = \"bar\"\n[[points]]\ndate = 2026-07-01\nvalue = 12.5\n[[points]]\ndate = 2026-07-08\nvalue = 11\n+++\n",
		"json": ";;;\n{\"title\": \"Build time\", \"unit\": \"min\", \"target\": 10, \"better\": \"lower\", \"chart\": \"bar\",\n \"points\": [{\"date\": \"2026-07-01\", \"value\": 12.5}, {\"date\": \"2026-07-08\", \"value\": 11}]}\n;;;\n",
	}
	want := site.Metric{Unit: "min", Target: 10, HasTarget: true, Better: "lower", Chart: "bar",
		Points: []site.MetricPoint{{Date: day(2026, 7, 1), Value: 12.5}, {Date: day(2026, 7, 8), Value: 11}}}
	for format, src := range srcs {
		t.Run(format, func(t *testing.T) {
			p := decodeOne(t, fstest.MapFS{"content/metrics/build-time.md": {Data: []byte(src)}}, "content/metrics/build-time.md")
			checkCommon(t, p, site.KindMetric, "/metrics/build-time/", "Build time", "", time.Time{}, nil)
			checkEqual(t, "metric", *p.Metric, want)
		})
	}
}

func TestDecodeMetricCSV(t *testing.T) {
	fsys := siteFS(t, `
-- content/metrics/tickets.md --
---
title: Support tickets
unit: tickets
csv: tickets.csv
---
-- content/metrics/tickets.csv --
date,value
2026-07-01,14
2026-07-08, 9.5
`)
	p := decodeOne(t, fsys, "content/metrics/tickets.md")
	want := site.Metric{Unit: "tickets", Chart: "line", CSV: "content/metrics/tickets.csv",
		Points: []site.MetricPoint{{Date: day(2026, 7, 1), Value: 14}, {Date: day(2026, 7, 8), Value: 9.5}}}
	checkEqual(t, "metric", *p.Metric, want)
}

func ExampleLoadPage() {
	fsys := fstest.MapFS{"content/stories/login.md": {Data: []byte("---\nid: STORY-7\ntitle: Log in\nstatus: ready\n---\nAs a user…\n")}}
	p, diags := LoadPage(fsys, "content/stories/login.md", DefaultConfig())
	fmt.Println(p.Kind, p.URL, p.ID(), p.Story.Status, p.Pos("status"), len(diags))
	// Output: story /stories/login/ STORY-7 ready content/stories/login.md:4:9 0
}
