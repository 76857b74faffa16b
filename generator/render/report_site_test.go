package render_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"almanac/generator/build"
	"almanac/generator/internal/sitetest"
	"almanac/generator/output"
)

// reportSite is a small team with one quarter of work and a narrative
// for it.
const reportSite = `
-- almanac.toml --
title = "Team"
base_url = "https://team.example.org/"
time_zone = "UTC"
-- content/releases/1.0.0.md --
---
version: 1.0.0
title: First
status: released
released_at: 2026-10-05T10:00:00Z
---

## Highlights

- **Payouts per bank**, in a window before each bank's cut-off.
- A faster export.

## Upgrade notes

- Not a highlight.
-- content/stories/s1.md --
---
id: S-1
title: Payouts per bank
status: done
release: 1.0.0
changelog: added
first_commit_at: 2026-10-01T10:00:00Z
voc:
  - source: support
    customer: Acme
---
-- content/reports/notes/2026-q4.md --
---
title: Our quarter
---

We shipped **payouts per bank**.
`

func buildReports(t *testing.T, files string) (*output.Memory, error) {
	t.Helper()
	b, err := build.New(build.Options{Source: sitetest.Parse(files), Theme: os.DirFS("../..")})
	if err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	_, err = b.Generate(context.Background(), time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC), mem)
	return mem, err
}

// TestReportNarrativeAndHighlights builds a site through the whole
// pipeline, where bodies are let go once their page is written: the
// narrative and the release's highlights must still reach the report.
func TestReportNarrativeAndHighlights(t *testing.T) {
	out, err := buildReports(t, reportSite)
	if err != nil {
		t.Fatal(err)
	}
	page := file(t, out, "reports/2026-q4/index.html")
	for _, want := range []string{
		`<div class="report-narrative prose">`, `We shipped <strong>payouts per bank</strong>.`,
		`<li>Payouts per bank</li>`, `<li>A faster export.</li>`, `so far`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the Q4 report lacks %q", want)
		}
	}
	if strings.Contains(page, "Not a highlight") {
		t.Error("the upgrade notes were read as highlights")
	}
	// The narrative keeps its own page, once.
	if own := file(t, out, "reports/notes/2026-q4/index.html"); !strings.Contains(own, "We shipped") {
		t.Error("the narrative's own page lost its text")
	}
	if strings.Contains(file(t, out, "reports/2026-10/index.html"), "report-narrative") {
		t.Error("October shows the quarter's narrative")
	}
	var r struct {
		Period struct {
			Key     string `json:"key"`
			Running bool   `json:"running"`
		} `json:"period"`
		StoriesDone int `json:"stories_done"`
		Releases    []struct {
			Highlights []string `json:"highlights"`
		} `json:"releases"`
	}
	if err := json.Unmarshal([]byte(file(t, out, "reports/2026-q4.json")), &r); err != nil {
		t.Fatal(err)
	}
	if r.Period.Key != "2026-q4" || !r.Period.Running || r.StoriesDone != 1 || len(r.Releases) != 1 || len(r.Releases[0].Highlights) != 2 {
		t.Errorf("JSON: %+v", r)
	}
	list := file(t, out, "reports/index.html")
	for _, want := range []string{`href="/reports/2026-q4/"`, `href="/reports/2026-10/"`, `href="/reports/2026-q4.json"`} {
		if !strings.Contains(list, want) {
			t.Errorf("the list lacks %s", want)
		}
	}
	if sm := file(t, out, "sitemap.xml"); !strings.Contains(sm, "https://team.example.org/reports/2026-q4/") {
		t.Error("the sitemap lacks the Q4 report")
	}
}

// TestReportURLTaken refuses a content page at a report's URL: it would be
// published there instead of the report.
// TestReportNarrativeAtItsURL: a narrative written at the report's own
// URL (content/reports/2026-q4.md) is shown by the report, which keeps its
// URL; any other page there is an error at its file.
func TestReportNarrativeAtItsURL(t *testing.T) {
	files := strings.Replace(reportSite, "content/reports/notes/2026-q4.md", "content/reports/2026-q4.md", 1)
	out, err := buildReports(t, files)
	if err != nil {
		t.Fatal(err)
	}
	page := file(t, out, "reports/2026-q4/index.html")
	if !strings.Contains(page, `<div class="report-narrative prose">`) || !strings.Contains(page, "We shipped <strong>payouts per bank</strong>.") {
		t.Error("the report at the narrative's URL does not show the narrative")
	}
	if !strings.Contains(page, `class="report`) {
		t.Error("the narrative's own page took the report's URL")
	}

	taken := strings.Replace(reportSite, "content/reports/notes/2026-q4.md --\n---\n", "content/reports/q4.md --\n---\nurl: /reports/2026-q4/\n", 1)
	if taken == reportSite {
		t.Fatal("the edit did not apply")
	}
	_, err = buildReports(t, taken)
	if err == nil || !strings.HasPrefix(err.Error(), "content/reports/q4.md:1:1: error: /reports/2026-q4/ is where the 2026-q4 report goes") {
		t.Errorf("a page at /reports/2026-q4/: %v", err)
	}
}
