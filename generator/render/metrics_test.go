package render

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"almanac/generator/chart"
	"almanac/generator/metrics"
)

func TestRoundFigure(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0.3888, "0.39"},
		{1.6909, "1.69"},
		{15.7, "15.7"},
		{21.474, "21.5"},
		{40, "40"},
		{515.38, "515"},
		{1234.5, "1,235"},
		{0, "0"},
	}
	for _, tt := range tests {
		if got := figure(tt.in); got != tt.want {
			t.Errorf("figure(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHoursFigure(t *testing.T) {
	en, ko := translators(t)
	tests := []struct {
		tr        *translator
		hours     float64
		fig, unit string
		text      string
	}{
		{en, 0.5, "30", "minutes", "30 min"},
		{en, 1.3833, "1.38", "hours", "1 h 23 min"},
		{en, 1, "1", "hour", "1 h"},
		{en, 15.7, "15.7", "hours", "15 h 42 min"},
		{en, 515.38, "21.5", "days", "21 d 11 h 23 min"},
		{en, 24, "24", "hours", "1 d"},
		{en, 72, "3", "days", "3 d"},
		{ko, 15.7, "15.7", "시간", "15시간 42분"},
		{ko, 515.38, "21.5", "일", "21일 11시간 23분"},
	}
	for _, tt := range tests {
		e := &env{tr: tt.tr}
		fig, unit := e.hoursFigure(tt.hours)
		if fig != tt.fig || unit != tt.unit {
			t.Errorf("%s hoursFigure(%v) = %q %q, want %q %q", tt.tr.lang, tt.hours, fig, unit, tt.fig, tt.unit)
		}
		if got := e.hoursText(tt.hours); got != tt.text {
			t.Errorf("%s hoursText(%v) = %q, want %q", tt.tr.lang, tt.hours, got, tt.text)
		}
	}
}

func TestSigned(t *testing.T) {
	for in, want := range map[float64]string{2: "+2", -0.13: "−0.13", 0: "0", 1234: "+1,234", -0.001: "0"} {
		if got := signed(in); got != want {
			t.Errorf("signed(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestDescribeChart(t *testing.T) {
	en, ko := translators(t)
	d := chart.Data{
		Title: "Deployments per week", Unit: "deployments",
		Dates:  []time.Time{day("2026-11-02"), day("2026-11-09"), day("2026-11-16")},
		Series: []chart.Series{{Values: []*float64{chart.V(2), nil, chart.V(1)}}},
		Target: chart.V(3),
	}
	tests := []struct {
		tr   *translator
		kind string
		d    chart.Data
		want string
	}{
		{en, chart.KindBar, d, "Bar chart from 2026-11-02 to 2026-11-16. 2 of 3 with data; lowest 1 deployments, highest 2 deployments, latest 1 deployments on 2026-11-16. Target 3 deployments."},
		{ko, chart.KindLine, d, "2026-11-02부터 2026-11-16까지의 꺾은선 차트. 3개 중 2개에 값이 있습니다. 최저 1 deployments, 최고 2 deployments, 최근 값은 2026-11-16의 1 deployments입니다. 목표 3 deployments."},
		{en, chart.KindLine, chart.Data{Title: "x"}, "Line chart. No data."},
		{en, chart.KindStacked, chart.Data{Unit: "incidents", Dates: []time.Time{day("2026-10-01")},
			Series: []chart.Series{{Name: "SEV1", Values: []*float64{chart.V(1)}}, {Name: "SEV2", Values: []*float64{chart.V(2)}}}},
			"Stacked bar chart from 2026-10-01 to 2026-10-01. Stacked by SEV1, SEV2. 1 of 1 with data; lowest 3 incidents, highest 3 incidents, latest 3 incidents on 2026-10-01."},
	}
	for _, tt := range tests {
		e := &env{tr: tt.tr}
		if got := e.describeChart(tt.d, tt.kind); got != tt.want {
			t.Errorf("%s describeChart(%s) =\n  %q\nwant\n  %q", tt.tr.lang, tt.kind, got, tt.want)
		}
	}
}

// TestEnglishTableMatchesMetrics keeps the English table's definitions,
// bands and exclusion reasons the same words as the metrics package's,
// which stay the one source: the table only lets other languages (and a
// site) say them otherwise.
func TestEnglishTableMatchesMetrics(t *testing.T) {
	en, _ := translators(t)
	_, rep, _ := loadMetricsSite(t, metricsSite, "")
	keys := []metrics.Key{rep.DeploymentFrequency.Key, rep.LeadTime, rep.ChangeFailureRate.Key, rep.RecoveryTime, rep.TimeToRestore}
	seen := map[string]bool{}
	for _, k := range keys {
		if got, _ := en.lookup("metrics.def." + k.Name); got != k.Definition {
			t.Errorf("en.toml metrics.def.%s = %q, metrics says %q", k.Name, got, k.Definition)
		}
		for _, row := range metrics.BandTable(k.Name) {
			if got, _ := en.lookup("metrics.rule." + row.Name); got != row.Rule {
				t.Errorf("en.toml metrics.rule.%q = %q, metrics says %q", row.Name, got, row.Rule)
			}
		}
		for _, x := range append(k.Excluded, k.Notes...) {
			seen[x.Code] = true
			if got, _ := en.lookup("metrics.excl." + x.Code); got != x.Reason {
				t.Errorf("en.toml metrics.excl.%s = %q, metrics says %q", x.Code, got, x.Reason)
			}
		}
	}
	// The fixture has items excluded for these reasons; the others are
	// checked by their presence in both tables (TestTranslationsComplete).
	for _, code := range []string{"no_first_commit_or_merge", "no_mitigated_at", "from_merged_at"} {
		if !seen[code] {
			t.Errorf("the fixture excludes nothing for %s; the comparison above missed it", code)
		}
	}
	if got, _ := en.lookup("metrics.band_source"); got != metrics.BandSource {
		t.Errorf("en.toml metrics.band_source = %q, metrics says %q", got, metrics.BandSource)
	}
	if got, _ := en.lookup("metrics.basis"); got != metrics.ThroughputBasis {
		t.Errorf("en.toml metrics.basis = %q, metrics says %q", got, metrics.ThroughputBasis)
	}
}

// TestPrepareUsesGivenReport: the renderer shows the report the build
// computed, never one of its own.
func TestPrepareUsesGivenReport(t *testing.T) {
	s, rep, _ := loadMetricsSite(t, metricsSite, "")
	r, err := New(Options{Theme: theme()})
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Prepare(s, WithMetrics(rep))
	if err != nil {
		t.Fatal(err)
	}
	if p.Metrics() != rep {
		t.Errorf("Prepared.Metrics() is not the report given to Prepare")
	}
	q, err := r.Prepare(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := q.Metrics(); got == nil || got == rep || got != q.Metrics() {
		t.Errorf("without a report Prepare should compute one, once")
	}
}

// TestMetricsPages checks what the golden files would hide in their bulk:
// the figures, bands, n and exclusions on the tiles, overdue items marked
// in words, and the JSON document being the report's.
func TestMetricsPages(t *testing.T) {
	s, rep, _ := loadMetricsSite(t, metricsSite, "")
	out := renderMetricsSite(t, s, rep)
	page := get(t, out, "metrics/index.html")
	for _, want := range []string{
		`id="key-deployment_frequency"`, `id="key-time_to_restore"`,
		"no band: n below 5",
		"1 left out: story without first_commit_at or merged_at <span class=\"mono\">(STORY-3)</span>",
		`<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-stacked"`,
		`href="/team/metrics/uptime/"`, "target met", "target missed",
		`src="/team/js/charts.js"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/metrics/ lacks %s", want)
		}
	}
	actions := get(t, out, "actions/index.html")
	for _, want := range []string{"Lint migrations for locks", `class="badge action-overdue">overdue</span>`, "25 days late", "No owner named", `href="/team/postmortems/2026-10-01-ledger-locks/"`, `href="/team/people/mina-park/"`} {
		if !strings.Contains(actions, want) {
			t.Errorf("/actions/ lacks %s", want)
		}
	}
	if strings.Contains(actions, "Add a lock timeout") {
		t.Errorf("/actions/ lists a done item")
	}
	home := get(t, out, "index.html")
	if n := strings.Count(home, `class="tile"`); n != 4 {
		t.Errorf("home page has %d tiles, want the four keys", n)
	}
	js := get(t, out, "metrics.json")
	want, err := metrics.JSON(rep)
	if err != nil {
		t.Fatal(err)
	}
	if js != string(want) {
		t.Errorf("/metrics.json is not the report's JSON")
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Errorf("/metrics.json does not parse: %v", err)
	}
}
