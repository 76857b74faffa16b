package build

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"almanac/generator/internal/sitetest"
	"almanac/generator/metrics"
	"almanac/generator/output"
)

// chartSite is the small site with a plain page that embeds charts; PAGE
// is replaced by the page's body.
const chartSite = `
-- almanac.toml --
title = "Charts"
base_url = "https://example.org/team/"
time_zone = "Asia/Seoul"
-- content/releases/1.0.0.md --
---
version: 1.0.0
status: released
released_at: 2026-10-14T15:00:00+09:00
---
-- content/releases/1.1.0.md --
---
version: 1.1.0
status: rolled_back
released_at: 2026-11-04T15:00:00+09:00
rolled_back_at: 2026-11-04T16:30:00+09:00
---
-- content/stories/export.md --
---
id: STORY-1
title: Export
status: done
first_commit_at: 2026-10-01T10:00:00+09:00
release: 1.0.0
---
-- content/metrics/uptime.md --
---
title: Uptime
unit: "%"
target: 99.9
better: higher
points:
  - {date: 2026-10-05, value: 99.95}
  - {date: 2026-10-12, value: 99.82}
---
-- content/review.md --
PAGE`

func chartPage(body string) string { return strings.Replace(chartSite, "PAGE", body, 1) }

// TestChartBlockInPage: a ```chart block in a plain page becomes an SVG
// with its numbers in a table, for a key and for a team series.
func TestChartBlockInPage(t *testing.T) {
	page := "---\ntitle: Review\n---\nOur deployments:\n\n```chart\nseries: deployment_frequency\nrange: 3 months\ntitle: Deployments this quarter\n```\n\n```chart uptime\n```\n"
	out, _ := generate(t, sitetest.Parse(chartPage(page)))
	html := mustGet(t, out, "review/index.html")
	for _, want := range []string{
		`<figure class="chart-figure">`,
		`<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-bar"`,
		`role="img"`,
		"<figcaption>Deployments this quarter</figcaption>",
		`<table class="chart-table">`,
		`class="chart chart-line"`, "<figcaption>Uptime</figcaption>",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(html, "fence-error") || strings.Contains(html, `class="language-chart"`) {
		t.Errorf("a chart block was shown as an error or as code")
	}
	if css := stylesheet(t, out); !strings.Contains(css, "--chart-line") {
		t.Errorf("the stylesheet lacks the charts' colours")
	}
}

// TestChartBlockUnknownSeries: a chart naming no series the site has
// fails the build at the block, with the series it could name.
func TestChartBlockUnknownSeries(t *testing.T) {
	page := "---\ntitle: Review\n---\nIntro.\n\n```chart\nseries: deploy_frequency\n```\n"
	b, err := New(Options{Source: sitetest.Parse(chartPage(page)), Theme: theme()})
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.Generate(context.Background(), testNow, output.NewMemory())
	if err == nil {
		t.Fatal("Generate succeeded with an unknown series in a chart block")
	}
	msg := err.Error()
	for _, want := range []string{"content/review.md:6", `unknown series "deploy_frequency"`, "valid series: deployment_frequency, lead_time", "uptime"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
}

// TestMetricsJSON: /metrics.json parses, and its figures are those
// metrics.Compute gives for the same site at the same moment.
func TestMetricsJSON(t *testing.T) {
	out, res := generate(t, sitetest.Parse(chartPage("Nothing here.")))
	data := []byte(mustGet(t, out, "metrics.json"))
	rep := metrics.Compute(res.Site, testNow, 0)
	want, err := metrics.JSON(rep)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != string(want) {
		t.Errorf("metrics.json differs from metrics.JSON(metrics.Compute(site, now, 0))")
	}
	var doc struct {
		Window   struct{ Days int }
		LeadTime struct {
			Value *float64
			N     int
		} `json:"lead_time"`
		ChangeFailureRate struct {
			Value *float64
			N     int
		} `json:"change_failure_rate"`
		Series []struct{ Slug string }
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("metrics.json does not parse: %v", err)
	}
	if doc.Window.Days != 90 {
		t.Errorf("window = %d days, want the default 90", doc.Window.Days)
	}
	if doc.LeadTime.N != rep.LeadTime.N || doc.LeadTime.Value == nil || *doc.LeadTime.Value != *rep.LeadTime.Value {
		t.Errorf("lead time = %v (n %d), Compute says %v (n %d)", doc.LeadTime.Value, doc.LeadTime.N, rep.LeadTime.Value, rep.LeadTime.N)
	}
	if doc.ChangeFailureRate.Value == nil || *doc.ChangeFailureRate.Value != 50 || doc.ChangeFailureRate.N != 2 {
		t.Errorf("change failure rate = %v of %d, want 50%% of 2", doc.ChangeFailureRate.Value, doc.ChangeFailureRate.N)
	}
	if len(doc.Series) != 1 || doc.Series[0].Slug != "uptime" {
		t.Errorf("series = %+v, want uptime", doc.Series)
	}
}

// TestMetricsPagesBuilt: a build writes the metrics pages, the actions
// page and the team series pages, and the home page shows the tiles.
func TestMetricsPagesBuilt(t *testing.T) {
	out, _ := generate(t, sitetest.Parse(chartPage("Nothing here.")))
	for _, name := range []string{"metrics/index.html", "actions/index.html", "metrics/uptime/index.html", "metrics.json"} {
		mustGet(t, out, name)
	}
	if home := mustGet(t, out, "index.html"); !strings.Contains(home, `href="/team/metrics/#key-lead_time"`) {
		t.Errorf("home page has no tile linking to the lead time on /metrics/")
	}
}

// stylesheet returns the fingerprinted stylesheet of a build.
func stylesheet(t *testing.T, out *output.Memory) string {
	t.Helper()
	for _, name := range out.Names() {
		if strings.HasPrefix(name, "assets/main.") && strings.HasSuffix(name, ".css") {
			return mustGet(t, out, name)
		}
	}
	t.Fatal("no stylesheet")
	return ""
}
