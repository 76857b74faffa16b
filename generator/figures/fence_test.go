package figures

import (
	"errors"
	"strings"
	"testing"
	"time"

	"almanac/generator/chart"
	"almanac/generator/metrics"
	"almanac/generator/site"
)

var reportNow = time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)

// testReport computes the figures of a small site: two deployments a few
// weeks apart (one rolled back, with a post-mortem), a story, and a team
// series with a target.
func testReport(t testing.TB) *metrics.Report {
	t.Helper()
	rel := func(v, status string, at time.Time) *site.Page {
		return &site.Page{Kind: site.KindRelease, Slug: v, URL: "/releases/" + v + "/",
			Release: &site.Release{Version: v, Status: status, ReleasedAt: at}}
	}
	r1 := rel("1.0.0", "released", time.Date(2026, 1, 6, 10, 0, 0, 0, time.UTC))
	r2 := rel("1.1.0", "rolled_back", time.Date(2026, 2, 10, 10, 0, 0, 0, time.UTC))
	r2.Release.RolledBackAt = time.Date(2026, 2, 10, 12, 0, 0, 0, time.UTC)
	st := &site.Page{Kind: site.KindStory, Slug: "s-1", Story: &site.Story{ID: "S-1", Status: "done",
		Release: "1.0.0", FirstCommitAt: time.Date(2025, 12, 30, 10, 0, 0, 0, time.UTC), ReleasePage: r1}}
	r1.Release.Stories = []*site.Page{st}
	pm := &site.Page{Kind: site.KindPostMortem, Slug: "pm-1", PostMortem: &site.PostMortem{ID: "PM-1", Severity: "SEV2",
		Releases: []string{"1.1.0"}, StartedAt: r2.Release.ReleasedAt.Add(time.Hour), MitigatedAt: r2.Release.RolledBackAt,
		ReleasePages: []*site.Page{r2}}}
	r2.Release.Incidents = []*site.Page{pm}
	met := &site.Page{Kind: site.KindMetric, Slug: "test-coverage", Title: "Test coverage", Metric: &site.Metric{
		Unit: "%", Target: 80, HasTarget: true, Better: "higher", Chart: "bar",
		Points: []site.MetricPoint{
			{Date: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), Value: 70},
			{Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Value: 78},
			{Date: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Value: 82},
		}}}
	s := &site.Site{
		Config:      site.Config{Location: time.UTC, MetricsWindowDays: 90},
		Releases:    []*site.Page{r2, r1},
		Stories:     []*site.Page{st},
		PostMortems: []*site.Page{pm},
		Metrics:     []*site.Page{met},
	}
	return metrics.Compute(s, reportNow, 0)
}

func TestFence(t *testing.T) {
	render := chart.Fence(Source(testReport(t)), chart.FenceOptions{})
	pos := site.Pos{File: "content/handbook/metrics.md", Line: 10, Col: 1}
	tests := []struct {
		name    string
		info    string
		body    string
		contain []string // in the HTML
		errLine int      // 0: no error
		errHas  []string // in the message and hint
	}{
		{"key by name", "chart", "lead_time\n", []string{`class="chart chart-line"`, "Median lead time", "<table"}, 0, nil},
		{"key in the info string", "chart deployment_frequency", "", []string{`class="chart chart-bar"`, "Deployments per week"}, 0, nil},
		{"team series keeps its chart type and target", "chart", "series: test-coverage\n", []string{`class="chart chart-bar"`, "target 80%"}, 0, nil},
		{"type and title", "chart", "# a comment\nseries: test-coverage\ntype: line\ntitle: Coverage <recent>\n",
			[]string{`class="chart chart-line"`, "Coverage &lt;recent&gt;"}, 0, nil},
		{"range cuts the points", "chart", "series: test-coverage\nrange: 6 months\n", []string{"2026-03-01", "2 of 2 with data"}, 0, nil},
		{"incidents stacked", "chart", "incidents\n", []string{`class="chart chart-stacked"`, "SEV2"}, 0, nil},
		{"incidents as a line of totals", "chart", "incidents\ntype: line\n", []string{`class="chart chart-line"`}, 0, nil},
		{"sparkline", "chart", "series: change_failure_rate\ntype: sparkline\n", []string{`chart-sparkline`}, 0, nil},
		{"unknown series", "chart", "\nseries: lead-time\n", nil, 12, []string{`unknown series "lead-time"`, "lead_time", "test-coverage", "throughput"}},
		{"no series", "chart", "range: 6 months\n", nil, 10, []string{"no series", "deployment_frequency"}},
		{"bad range", "chart", "lead_time\nrange: six months\n", nil, 12, []string{`bad range "six months"`, "range: 6 months"}},
		{"bad range unit", "chart", "lead_time\nrange: 6 fortnights\n", nil, 12, []string{`unknown unit "fortnights"`}},
		{"zero range", "chart", "lead_time\nrange: 0 days\n", nil, 12, []string{"bad range"}},
		{"unknown type", "chart", "lead_time\ntype: pie\n", nil, 12, []string{`unknown chart type "pie"`, "line, bar, stacked, sparkline"}},
		{"stacked needs parts", "chart", "lead_time\ntype: stacked\n", nil, 12, []string{"several parts", "type: line"}},
		{"unknown key", "chart", "lead_time\ncolour: red\n", nil, 12, []string{`unknown key "colour"`, "series, range, type, title"}},
		{"series twice", "chart lead_time", "throughput\n", nil, 11, []string{"series given twice"}},
		{"too much in the info string", "chart lead_time bar", "", nil, 10, []string{`unexpected "bar"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html, err := render(tt.info, []byte(tt.body), pos)
			if tt.errLine == 0 {
				if err != nil {
					t.Fatalf("error: %v", err)
				}
				for _, s := range tt.contain {
					if !strings.Contains(html, s) {
						t.Errorf("HTML lacks %q:\n%s", s, html)
					}
				}
				return
			}
			var fe *chart.FenceError
			if !errors.As(err, &fe) {
				t.Fatalf("error = %v, want a *FenceError", err)
			}
			if fe.Pos.File != pos.File || fe.Pos.Line != tt.errLine {
				t.Errorf("error at %s, want line %d", fe.Pos, tt.errLine)
			}
			for _, s := range tt.errHas {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q lacks %q", err.Error(), s)
				}
			}
		})
	}
}

// TestFenceIDs: two blocks with the same series on one page get distinct
// ids.
func TestFenceIDs(t *testing.T) {
	render := chart.Fence(Source(testReport(t)), chart.FenceOptions{DataLabel: "Numbers"})
	a, _ := render("chart", []byte("lead_time"), site.Pos{File: "x.md", Line: 3})
	b, _ := render("chart", []byte("lead_time"), site.Pos{File: "x.md", Line: 9})
	id := func(s string) string {
		_, rest, _ := strings.Cut(s, `<title id="`)
		v, _, _ := strings.Cut(rest, `"`)
		return v
	}
	if id(a) == "" || id(a) == id(b) {
		t.Errorf("ids %q and %q", id(a), id(b))
	}
	if !strings.Contains(a, "<summary>Numbers</summary>") {
		t.Error("DataLabel not used")
	}
}
