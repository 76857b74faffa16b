package render

import (
	"testing"

	"almanac/generator/metrics"
	"almanac/generator/report"
)

// TestReportKeyText checks how a key and its change are written out: the
// change in the unit of the values it compares, with its sign.
func TestReportKeyText(t *testing.T) {
	en, ko := translators(t)
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		tr                 *translator
		unit               string
		cur, prev          float64
		verdict            string
		value, before, chg string
	}{
		// 16.9 and 14.8 days: the change is in days too.
		{en, metrics.UnitHours, 405.6, 355.2, report.Worse, "16.9 days", "14.8 days", "+2.1 days"},
		{en, metrics.UnitHours, 2.08, 2.75, report.Better, "2.08 hours", "2.75 hours", "−0.67 hours"},
		{en, metrics.UnitPerWeek, 0.375, 0.6087, report.Worse, "0.38 per week", "0.61 per week", "−0.23 per week"},
		{en, metrics.UnitPercent, 50, 50, report.Same, "50 %", "50 %", "±0 points"},
		{ko, metrics.UnitPerWeek, 0.47, 0.23, report.Better, "주당 0.47회", "주당 0.23회", "주당 +0.24회"},
		{ko, metrics.UnitPercent, 50, 0, report.Worse, "50 %", "0 %", "+50%p"},
	}
	for _, tt := range tests {
		e := &env{tr: tt.tr}
		d := tt.cur - tt.prev
		k := e.reportKey(report.KeyChange{Name: metrics.LeadTimeKey, Unit: tt.unit, Value: f(tt.cur), Previous: f(tt.prev), Change: &d, Verdict: tt.verdict})
		if k.Value != tt.value || k.Prev != tt.before || k.Change != tt.chg {
			t.Errorf("%s %s %v vs %v = %q, %q, %q; want %q, %q, %q", tt.tr.lang, tt.unit, tt.cur, tt.prev,
				k.Value, k.Prev, k.Change, tt.value, tt.before, tt.chg)
		}
	}
}
