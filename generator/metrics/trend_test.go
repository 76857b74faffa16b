package metrics

import (
	"reflect"
	"testing"
	"time"
)

func trendByWeek(r *Report) map[string]TrendWeek {
	m := map[string]TrendWeek{}
	for _, w := range r.Trend {
		m[w.Week] = w
	}
	return m
}

func TestTrendMixed(t *testing.T) {
	r := Compute(mixedSite(), mixedNow, 0)
	if n := len(r.Trend); n != 53 {
		t.Fatalf("trend has %d weeks, want 53", n)
	}
	if first, last := r.Trend[0], r.Trend[52]; first.Week != "2025-W12" || last.Week != "2026-W12" ||
		!first.Start.Equal(at("2025-03-17T00:00:00Z")) || !last.Start.Equal(at("2026-03-16T00:00:00Z")) {
		t.Errorf("trend runs %s (%v) to %s (%v), want 2025-W12 to 2026-W12", first.Week, first.Start, last.Week, last.Start)
	}
	type want struct {
		deployments, failed int
		rate                *float64
		lead                *float64
		leadN               int
		recovery            *float64
		recoveryN           int
		restore             *float64
		restoreN            int
	}
	tests := []struct {
		week string
		want want
	}{
		{"2025-W20", want{}}, // nothing at all: gaps, not zeros
		{"2025-W44", want{1, 1, fp(100), nil, 0, fp(3), 1, fp(1), 1}}, // 0.9.0 and PM-0
		{"2026-W02", want{1, 0, fp(0), fp(30), 2, nil, 0, nil, 0}},    // 1.0.0: 48 and 12 h
		{"2026-W03", want{2, 1, fp(50), fp(27), 2, fp(2), 1, nil, 0}},
		{"2026-W05", want{1, 1, fp(100), fp(24), 1, fp(17), 1, nil, 0}}, // 1.3.0 on Sunday 02-01
		{"2026-W06", want{1, 1, fp(100), fp(72), 1, fp(5), 1, fp(2.5), 2}},
		{"2026-W08", want{2, 1, fp(50), nil, 0, fp(0.5), 1, nil, 0}},
		{"2026-W10", want{1, 1, fp(100), nil, 0, fp(1), 1, fp(2), 1}}, // PM-3, no release
		{"2026-W11", want{1, 1, fp(100), nil, 0, nil, 0, nil, 0}},
	}
	weeks := trendByWeek(r)
	for _, tt := range tests {
		w, ok := weeks[tt.week]
		if !ok {
			t.Errorf("no week %s", tt.week)
			continue
		}
		got := want{w.Deployments, w.Failed, w.FailureRate, w.LeadTime, w.LeadTimeN, w.Recovery, w.RecoveryN, w.Restore, w.RestoreN}
		if got.deployments != tt.want.deployments || got.failed != tt.want.failed || !sameFloat(got.rate, tt.want.rate) ||
			!sameFloat(got.lead, tt.want.lead) || got.leadN != tt.want.leadN ||
			!sameFloat(got.recovery, tt.want.recovery) || got.recoveryN != tt.want.recoveryN ||
			!sameFloat(got.restore, tt.want.restore) || got.restoreN != tt.want.restoreN {
			t.Errorf("%s: deployments %d failed %d rate %s lead %s/%d recovery %s/%d restore %s/%d, want %+v",
				tt.week, got.deployments, got.failed, showFloat(got.rate), showFloat(got.lead), got.leadN,
				showFloat(got.recovery), got.recoveryN, showFloat(got.restore), got.restoreN, tt.want)
		}
	}
}

// TestDaylightSaving: New York moves to summer time on 2026-03-08 at 2:00.
// Durations are on instants (a wall-clock day across the change is 23
// hours); weeks and months are the site's, not UTC's.
func TestDaylightSaving(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	b := newBuilder(ny)
	// Saturday 10:00 EST to Sunday 10:00 EDT: 23 hours.
	b.release("5.0.0", "released", "2026-03-08T10:00:00-04:00", "")
	b.story("S-1", "5.0.0", "2026-03-07T10:00:00-05:00", "")
	// Given in Seoul time: 2026-03-07T03:00Z, 35 hours before the release.
	b.story("S-2", "5.0.0", "2026-03-07T12:00:00+09:00", "")
	// Monday in UTC, still Sunday 23:30 in New York: ISO week 2026-W10.
	b.release("5.0.1", "released", "2026-03-09T03:30:00Z", "", "5.0.0")
	// March in UTC, Saturday 28 February 22:00 in New York.
	b.release("4.9.0", "released", "2026-03-01T03:00:00Z", "")
	// 01:30 EST to 03:30 EDT is one hour.
	b.postmortem("PM-1", "SEV3", "2026-03-08T01:30:00-05:00", "2026-03-08T03:30:00-04:00")
	now := at("2026-03-20T12:00:00-04:00")
	r := Compute(b.site(), now, 90)

	checkKey(t, "lead time", r.LeadTime, keyWant{fp(29), 2, nil, ""})
	checkKey(t, "time to restore", r.TimeToRestore, keyWant{fp(1), 1, nil, ""})
	// 5.0.0 failed (hotfix 5.0.1), recovered 13.5 hours later.
	checkKey(t, "recovery time", r.RecoveryTime, keyWant{fp(13.5), 1, nil, ""})

	weeks := trendByWeek(r)
	for week, n := range map[string]int{"2026-W09": 1, "2026-W10": 2, "2026-W11": 0} {
		if got := weeks[week].Deployments; got != n {
			t.Errorf("trend %s: %d deployments, want %d", week, got, n)
		}
	}
	if w := weeks["2026-W10"]; !w.Start.Equal(time.Date(2026, 3, 2, 0, 0, 0, 0, ny)) || w.Start.Location() != ny {
		t.Errorf("week 2026-W10 starts %v, want Monday 2026-03-02 midnight in New York", w.Start)
	}
	months := map[string]int{}
	for _, m := range r.DeploymentFrequency.Months {
		months[m.Label] = m.Count
	}
	if months["2026-02"] != 1 || months["2026-03"] != 2 {
		t.Errorf("deployments by month = %v, want 2026-02: 1, 2026-03: 2", months)
	}
	if r.TimeZone != "America/New_York" || r.Now.Location() != ny {
		t.Errorf("report zone = %q, now in %v", r.TimeZone, r.Now.Location())
	}
}

func TestIncidentsByMonth(t *testing.T) {
	r := Compute(mixedSite(), mixedNow, 0)
	inc := r.Incidents
	wantSev := []string{"SEV1", "SEV2", "SEV3", "SEV4", "SEV5", Unspecified}
	if !reflect.DeepEqual(inc.Severities, wantSev) {
		t.Errorf("severities = %v, want %v", inc.Severities, wantSev)
	}
	if len(inc.Months) != 12 || inc.Months[0].Month != "2025-04" || inc.Months[11].Month != "2026-03" {
		t.Fatalf("months = %d from %s, want 12 from 2025-04", len(inc.Months), inc.Months[0].Month)
	}
	want := map[string][]int{
		"2025-11": {0, 1, 0, 0, 0, 0},
		"2026-02": {1, 0, 1, 0, 0, 0},
		"2026-03": {0, 1, 0, 1, 0, 1},
		"2026-01": {0, 0, 0, 0, 0, 0},
	}
	for _, m := range inc.Months {
		w, ok := want[m.Month]
		if !ok {
			continue
		}
		total := 0
		for _, c := range w {
			total += c
		}
		if !reflect.DeepEqual(m.Counts, w) || m.Total != total {
			t.Errorf("%s: counts %v total %d, want %v total %d", m.Month, m.Counts, m.Total, w, total)
		}
	}
}

func TestThroughput(t *testing.T) {
	b := newBuilder(time.UTC)
	b.release("1.0.0", "released", "2026-03-04T10:00:00Z", "")
	b.story("S-1", "1.0.0", "", "2026-03-02T10:00:00Z") // merged, week 10
	b.story("S-2", "1.0.0", "", "")                     // by its release, week 10
	b.story("S-3", "", "", "2026-03-10T10:00:00Z")      // merged, week 11
	b.story("S-4", "", "", "")                          // done, never dated
	b.story("S-5", "", "", "2026-03-11T10:00:00Z").Story.Status = "in_review"
	b.story("S-6", "", "", "2026-04-01T00:00:00Z") // after now
	r := Compute(b.site(), mixedNow, 0)
	got := map[string][3]int{}
	total := 0
	for _, w := range r.Throughput.Weeks {
		if w.Done > 0 {
			got[w.Week] = [3]int{w.Done, w.ByMergedAt, w.ByReleasedAt}
		}
		total += w.Done
	}
	want := map[string][3]int{"2026-W10": {2, 1, 1}, "2026-W11": {1, 1, 0}}
	if !reflect.DeepEqual(got, want) || total != 3 {
		t.Errorf("throughput = %v, want %v", got, want)
	}
	if ex := exclusionCounts(r.Throughput.Excluded); !reflect.DeepEqual(ex, map[string]int{exUndated: 1}) {
		t.Errorf("throughput excluded = %v", ex)
	}
	if r.Throughput.Basis == "" {
		t.Error("throughput does not say how stories are dated")
	}
}

func TestCalendar(t *testing.T) {
	tests := []struct {
		date    string
		monday  string
		isoWeek string
	}{
		{"2026-01-01", "2025-12-29", "2026-W01"},
		{"2025-12-28", "2025-12-22", "2025-W52"},
		{"2026-03-08", "2026-03-02", "2026-W10"},
		{"2026-03-09", "2026-03-09", "2026-W11"},
		{"2021-01-03", "2020-12-28", "2020-W53"},
		{"1969-12-31", "1969-12-29", "1970-W01"},
	}
	for _, tt := range tests {
		d := civilOf(at(tt.date+"T12:00:00Z"), time.UTC)
		m := d.monday()
		y, mo, dd := m.date()
		got := time.Date(y, mo, dd, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		if got != tt.monday || m.isoWeek() != tt.isoWeek {
			t.Errorf("%s: monday %s week %s, want %s %s", tt.date, got, m.isoWeek(), tt.monday, tt.isoWeek)
		}
	}
}
