package figures

import (
	"slices"
	"strings"
	"testing"
	"time"

	"almanac/generator/chart"
	"almanac/generator/metrics"
)

func TestFromReport(t *testing.T) {
	r := testReport(t)
	jan5 := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	feb9 := time.Date(2026, 2, 9, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		kind   string
		unit   string
		dates  int
		values map[time.Time]float64 // every present value of the first series
	}{
		{metrics.DeploymentFrequencyKey, chart.KindBar, "deployments", len(r.Trend), nil},
		// 168 hours is shown in days.
		{metrics.LeadTimeKey, chart.KindLine, "days", len(r.Trend), map[time.Time]float64{jan5: 7}},
		{metrics.ChangeFailureRateKey, chart.KindLine, "%", len(r.Trend), map[time.Time]float64{jan5: 0, feb9: 100}},
		{metrics.RecoveryTimeKey, chart.KindLine, "hours", len(r.Trend), map[time.Time]float64{feb9: 2}},
		{metrics.TimeToRestoreKey, chart.KindLine, "hours", len(r.Trend), map[time.Time]float64{feb9: 1}},
		{ThroughputSeries, chart.KindBar, "stories", len(r.Trend), nil},
		{IncidentsSeries, chart.KindStacked, "incidents", 12, nil},
		{"test-coverage", chart.KindBar, "%", 3, map[time.Time]float64{
			time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC): 70,
			time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC): 78,
			time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC): 82,
		}},
	}
	for _, tt := range tests {
		d, kind, err := FromReport(r, tt.name)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if kind != tt.kind || d.Unit != tt.unit || len(d.Dates) != tt.dates {
			t.Errorf("%s: kind %s unit %q dates %d, want %s %q %d", tt.name, kind, d.Unit, len(d.Dates), tt.kind, tt.unit, tt.dates)
		}
		if tt.values == nil {
			continue
		}
		got := map[time.Time]float64{}
		for i, v := range d.Series[0].Values {
			if v != nil {
				got[d.Dates[i]] = *v
			}
		}
		if len(got) != len(tt.values) {
			t.Errorf("%s: present values %v, want %v (the rest gaps)", tt.name, got, tt.values)
		}
		for at, want := range tt.values {
			if v, ok := got[at]; !ok || v != want {
				t.Errorf("%s: value on %s = %v (present %v), want %v", tt.name, at.Format("2006-01-02"), v, ok, want)
			}
		}
	}
	deploys, _, _ := FromReport(r, metrics.DeploymentFrequencyKey)
	total := 0.0
	for _, v := range deploys.Series[0].Values {
		if v == nil {
			t.Fatal("a week without deployments is a gap; it is a count of zero")
		}
		total += *v
	}
	if total != 2 {
		t.Errorf("deployments in the trend = %g, want 2", total)
	}
	inc, _, _ := FromReport(r, IncidentsSeries)
	if len(inc.Series) != 5 || inc.Series[1].Name != "SEV2" || inc.Series[1].Class != "chart-sev2" || *inc.Series[1].Values[10] != 1 {
		t.Errorf("incidents = %+v", inc.Series)
	}
	if _, _, err := FromReport(r, "nope"); err == nil {
		t.Error("FromReport of an unknown series did not fail")
	}
	if names := Names(r); !slices.Contains(names, "test-coverage") || names[0] != metrics.DeploymentFrequencyKey {
		t.Errorf("Names = %v", names)
	}
}

func TestRenderKinds(t *testing.T) {
	r := testReport(t)
	spark, err := KeySparkline(r, metrics.LeadTimeKey)
	if err != nil || !strings.Contains(spark, "chart-sparkline") || !strings.Contains(spark, `id="chart-lead_time-spark-title"`) {
		t.Errorf("KeySparkline = %q, %v", spark, err)
	}
	if _, err := KeySparkline(r, "nope"); err == nil {
		t.Error("KeySparkline of an unknown series did not fail")
	}
	d, _, _ := FromReport(r, IncidentsSeries)
	for _, k := range chart.Kinds() {
		svg, err := chart.Render(k, d)
		if err != nil || !strings.Contains(svg, "chart-"+k) {
			t.Errorf("Render(%s) = %v", k, err)
		}
	}
	if _, err := chart.Render("pie", d); err == nil {
		t.Error("Render of an unknown kind did not fail")
	}
}
