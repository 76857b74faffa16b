package render

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"almanac/generator/content"
	"almanac/generator/internal/sitetest"
	"almanac/generator/markdown"
	"almanac/generator/metrics"
	"almanac/generator/output"
	"almanac/generator/site"
)

// metricsNow is the build's present of the metrics fixture: the window of
// 90 days runs from 2026-08-28 09:00 to here.
var metricsNow = time.Date(2026, 11, 26, 9, 0, 0, 0, time.FixedZone("KST", 9*3600))

// metricsSite is a small team with every case the metrics pages show: a
// rollback, a hotfix, a post-mortem naming a release and one with no
// release (and no mitigated_at), lead times from a first commit, from a
// merge and from neither, action items overdue, open,
// done and without an owner, two team series (inline and from a CSV file),
// and a page with a chart block.
const metricsSite = `
-- almanac.toml --
title = "Metrics fixture"
base_url = "https://almanac.example.org/team/"
language = "en"
time_zone = "Asia/Seoul"
repository = "https://github.com/example/team"
[metrics]
window_days = 90
-- content/releases/1.0.0.md --
---
version: 1.0.0
title: First
status: released
released_at: 2026-09-01T10:00:00+09:00
---
-- content/releases/1.1.0.md --
---
version: 1.1.0
title: Rolled back
status: rolled_back
released_at: 2026-09-15T10:00:00+09:00
rolled_back_at: 2026-09-15T12:30:00+09:00
---
-- content/releases/1.2.0.md --
---
version: 1.2.0
title: Ledger
status: released
released_at: 2026-10-01T10:00:00+09:00
---
-- content/releases/1.2.1.md --
---
version: 1.2.1
title: Ledger fix
status: released
released_at: 2026-10-02T09:00:00+09:00
hotfix_for: [1.2.0]
---
-- content/releases/1.3.0.md --
---
version: 1.3.0
title: Reports
status: released
released_at: 2026-10-20T10:00:00+09:00
---
-- content/releases/1.5.0.md --
---
version: 1.5.0
title: Next
status: planned
planned_date: 2026-12-10
---
-- content/stories/export.md --
---
id: STORY-1
title: Export the ledger
status: done
owner: Mina Park
created: 2026-08-01
first_commit_at: 2026-08-20T10:00:00+09:00
merged_at: 2026-08-28T15:00:00+09:00
release: 1.0.0
voc:
  - {source: support, customer: Daon Mart, quote: "We export by hand."}
  - {source: interview, customer: Daon Mart, quote: "Monthly close takes a day."}
---
-- content/stories/ledger.md --
---
id: STORY-2
title: Ledger partitions
status: done
owner: Jae-won Lee
created: 2026-09-01
merged_at: 2026-09-28T15:00:00+09:00
release: 1.2.0
voc:
  - {source: support, customer: Moa Books, quote: "Reports time out."}
---
-- content/stories/reports.md --
---
id: STORY-3
title: Monthly reports
status: done
owner: Mina Park
created: 2026-09-10
release: 1.3.0
---
-- content/stories/dark-mode.md --
---
id: STORY-4
title: Dark mode
status: in_progress
owner: Mina Park
created: 2026-11-01
---
-- content/postmortems/2026-10-01-ledger-locks.md --
---
id: PM-1
title: Ledger writes locked
date: 2026-10-01
severity: SEV2
status: published
trigger: deploy
releases: [1.2.0]
authors: [Jae-won Lee]
started_at: 2026-10-01T11:00:00+09:00
detected_at: 2026-10-01T11:10:00+09:00
mitigated_at: 2026-10-01T13:15:00+09:00
resolved_at: 2026-10-01T15:00:00+09:00
root_causes: [the migration took a table lock]
action_items:
  - {title: Lint migrations for locks, owner: Mina Park, priority: P1, status: open, due: 2026-11-01, tracking: STORY-2}
  - {title: Add a lock timeout, owner: Jae-won Lee, priority: P2, status: done, due: 2026-10-15}
  - {title: Write the runbook, priority: P3, status: open, due: 2026-12-15}
---
The migration took a lock.
-- content/postmortems/2026-11-10-disk-full.md --
---
id: PM-2
title: Disk full on a worker
date: 2026-11-10
severity: SEV3
status: draft
trigger: infra
authors: [Mina Park]
started_at: 2026-11-10T02:00:00+09:00
action_items:
  - {title: Alert on disk usage, owner: Jae-won Lee, priority: P1, status: in_progress, due: 2026-12-01, tracking: "https://issues.example.org/ops/7"}
---
Logs filled the disk.
-- content/metrics/uptime.md --
---
title: API availability
unit: "%"
target: 99.9
better: higher
chart: line
points:
  - {date: 2026-10-05, value: 99.95}
  - {date: 2026-10-12, value: 99.82}
  - {date: 2026-10-19, value: 99.97}
---
Share of good requests, measured at the load balancer.
-- content/metrics/tickets.md --
---
title: Support tickets
unit: tickets/week
target: 20
better: lower
chart: bar
csv: tickets.csv
---
Tickets tagged settlement, counted every Monday.
-- content/metrics/tickets.csv --
date,value
2026-10-05,18
2026-10-12,31
2026-10-19,22
-- content/report.md --
---
title: Quarterly report
---
Lead time this half-year:

` + "```chart\nseries: lead_time\nrange: 6 months\n```" + `
`

// loadMetricsSite loads an inline site the way a build does: the content
// loaded and linked, the report computed once, each body rendered with
// chart blocks over it. lang replaces the configured language.
func loadMetricsSite(t *testing.T, txt, lang string) (*site.Site, *metrics.Report, fstest.MapFS) {
	t.Helper()
	fsys := sitetest.Parse(txt)
	if lang != "" {
		toml := strings.Replace(string(fsys["almanac.toml"].Data), `language = "en"`, `language = "`+lang+`"`, 1)
		fsys["almanac.toml"] = &fstest.MapFile{Data: []byte(toml)}
	}
	cfg, diags := content.LoadConfig(fsys)
	if diags.HasErrors() {
		t.Fatalf("config: %v", diags.Err())
	}
	s, diags := content.Load(context.Background(), fsys, cfg, content.Options{Now: metricsNow})
	if diags.HasErrors() {
		t.Fatalf("load: %v", diags.Err())
	}
	rep := metrics.Compute(s, metricsNow, 0)
	return s, rep, fsys
}

// renderMetricsSite renders a loaded site with the report given once.
func renderMetricsSite(t *testing.T, s *site.Site, rep *metrics.Report) *output.Memory {
	t.Helper()
	r, err := New(Options{Theme: theme()})
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Prepare(s, WithMetrics(rep))
	if err != nil {
		t.Fatal(err)
	}
	md := markdown.New(markdown.Options{Fences: map[string]markdown.FenceFunc{"chart": p.Fences()["chart"]}})
	for _, pg := range s.Pages {
		out, err := md.Render(pg.Source, pg.BodyLine, pg.Body, nil)
		if err != nil {
			t.Fatalf("%s: %v", pg.Source, err)
		}
		pg.Rendered = out
	}
	mem := output.NewMemory()
	if err := p.Run(context.Background(), p.Jobs(), mem); err != nil {
		t.Fatal(err)
	}
	return mem
}

// mainOf returns the <main> element of a page: what the page itself
// shows, without the frame (header, nav, footer, the stylesheet's name)
// that other features change.
func mainOf(t *testing.T, page string) string {
	t.Helper()
	i := strings.Index(page, "<main")
	j := strings.LastIndex(page, "</main>")
	if i < 0 || j < i {
		t.Fatalf("no <main> in page:\n%s", page)
	}
	return page[i:j+len("</main>")] + "\n"
}
