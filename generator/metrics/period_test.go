package metrics

import (
	"fmt"
	"math"
	"testing"
)

// val reads a key's value, NaN when it has none.
func val(k Key) float64 {
	if k.Value == nil {
		return math.NaN()
	}
	return *k.Value
}

func near(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) < 1e-9
}

// TestComputePeriod checks the four keys of mixedSite over explicit spans
// against figures worked out by hand (see mixedSite).
func TestComputePeriod(t *testing.T) {
	s := mixedSite()
	nan := math.NaN()
	type want struct {
		days           float64
		depN           int
		freq           float64
		leadN          int
		lead           float64
		cfrN           int
		cfr            float64
		recN           int
		rec            float64
		ttrN, ttrOut   int
		ttr            float64
		failedVersions []string
	}
	cases := []struct {
		name     string
		from, to string
		want     want
	}{
		// 1.0.0, 1.1.0 and 1.1.1. Leads 48 (S-1), 12 (S-2 from merged_at),
		// 48 (S-5), 6 (S-6): median 30; S-3 and S-4 are excluded. Only
		// 1.1.0 failed (rolled back after 2 h, before its hotfix).
		{"january", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", want{
			days: 31, depN: 3, freq: 3 * 7.0 / 31, leadN: 4, lead: 30,
			cfrN: 3, cfr: 100.0 / 3, recN: 1, rec: 2, ttr: nan, failedVersions: []string{"1.1.0"}}},
		// Nothing deployed and no incident: a rate of zero, the rest empty.
		{"december", "2025-12-01T00:00:00Z", "2026-01-01T00:00:00Z", want{
			days: 31, freq: 0, lead: nan, cfr: nan, rec: nan, ttr: nan}},
		// 1.3.0 (named by PM-1, recovered 17 h later), 1.2.0 (PM-1 and
		// PM-2, 5 h), 1.4.0 (rolled back after 0.5 h), 1.4.1. Leads 24 and
		// 72. Incidents PM-1 (4 h) and PM-2 (1 h).
		{"february", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z", want{
			days: 28, depN: 4, freq: 1, leadN: 2, lead: 48, cfrN: 4, cfr: 75,
			recN: 3, rec: 5, ttrN: 2, ttr: 2.5, failedVersions: []string{"1.3.0", "1.2.0", "1.4.0"}}},
		// The end is excluded: 1.3.0 at 22:00 falls in the next span.
		{"half open", "2026-01-13T10:00:00Z", "2026-02-01T22:00:00Z", want{
			days: 19.5, depN: 1, freq: 7 / 19.5, leadN: 1, lead: 6, cfrN: 1, cfr: 0, rec: nan, ttr: nan}},
		// A running period up to now: 1.5.0 (1 h) and 1.8.0 (no moment);
		// PM-3 takes 2 h, PM-4 (no started_at) and PM-5 (no mitigated_at)
		// are excluded.
		{"running", "2026-03-01T00:00:00Z", "2026-03-20T12:00:00Z", want{
			days: 19.5, depN: 2, freq: 2 * 7 / 19.5, lead: nan, cfrN: 2, cfr: 100,
			recN: 1, rec: 1, ttrN: 1, ttrOut: 2, ttr: 2, failedVersions: []string{"1.5.0", "1.8.0"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := ComputePeriod(s, at(c.from), at(c.to))
			w := c.want
			if !near(p.Days, w.days) {
				t.Errorf("days = %v, want %v", p.Days, w.days)
			}
			df := p.DeploymentFrequency
			if df.N != w.depN || !near(val(df), w.freq) {
				t.Errorf("deployment frequency = %v (n %d), want %v (n %d)", val(df), df.N, w.freq, w.depN)
			}
			if df.ExcludedCount() != 1 {
				t.Errorf("deployment frequency excludes %d, want 1 (1.7.0 has no released_at)", df.ExcludedCount())
			}
			if p.LeadTime.N != w.leadN || !near(val(p.LeadTime), w.lead) {
				t.Errorf("lead time = %v (n %d), want %v (n %d)", val(p.LeadTime), p.LeadTime.N, w.lead, w.leadN)
			}
			cfr := p.ChangeFailureRate
			if cfr.N != w.cfrN || !near(val(cfr.Key), w.cfr) {
				t.Errorf("change failure rate = %v (n %d), want %v (n %d)", val(cfr.Key), cfr.N, w.cfr, w.cfrN)
			}
			var failed []string
			for _, f := range cfr.Failed {
				failed = append(failed, f.Version)
			}
			if len(failed) != len(w.failedVersions) {
				t.Errorf("failed = %v, want %v", failed, w.failedVersions)
			} else {
				for i := range failed {
					if failed[i] != w.failedVersions[i] {
						t.Errorf("failed = %v, want %v", failed, w.failedVersions)
						break
					}
				}
			}
			if p.RecoveryTime.N != w.recN || !near(val(p.RecoveryTime), w.rec) {
				t.Errorf("recovery = %v (n %d), want %v (n %d)", val(p.RecoveryTime), p.RecoveryTime.N, w.rec, w.recN)
			}
			ttr := p.TimeToRestore
			if ttr.N != w.ttrN || !near(val(ttr), w.ttr) || ttr.ExcludedCount() != w.ttrOut {
				t.Errorf("time to restore = %v (n %d, %d out), want %v (n %d, %d out)",
					val(ttr), ttr.N, ttr.ExcludedCount(), w.ttr, w.ttrN, w.ttrOut)
			}
			for _, k := range []Key{p.LeadTime, cfr.Key, p.RecoveryTime, ttr} {
				if k.Band != nil {
					t.Errorf("%s has a band; periods are not rated", k.Name)
				}
			}
		})
	}
}

// A period takes its deployments and incidents by time, however the site
// orders them, and lists the excluded in the site's order: untimed
// incidents among those of the period, the first of a reason its
// examples. The edges: PM-7 a second before the span, 1.9.0 at its end.
func TestPeriodTakesItsSpanInTheSitesOrder(t *testing.T) {
	b := newBuilder(nil)
	b.release("2.0.0", "released", "2026-03-20T00:00:00Z", "")
	b.release("1.0.0", "released", "2026-01-10T00:00:00Z", "")
	b.release("1.5.0", "released", "2026-02-01T00:00:00Z", "") // the first instant of February
	b.release("1.9.0", "released", "2026-03-01T00:00:00Z", "") // the first instant after it
	b.postmortem("PM-4", "sev2", "2026-02-20T00:00:00Z", "")
	b.postmortem("PM-9", "sev2", "", "")
	b.postmortem("PM-1", "sev2", "2026-02-03T00:00:00Z", "")
	b.postmortem("PM-7", "sev2", "2026-01-31T23:59:59Z", "")
	b.postmortem("PM-2", "sev2", "2026-02-10T00:00:00Z", "2026-02-10T03:00:00Z")
	b.postmortem("PM-5", "sev2", "", "")
	f := NewFacts(b.site())
	p := f.Period(at("2026-02-01T00:00:00Z"), at("2026-03-01T00:00:00Z"))
	if p.DeploymentFrequency.N != 1 {
		t.Errorf("%d deployments in February, want 1 (1.5.0)", p.DeploymentFrequency.N)
	}
	if k := p.TimeToRestore; k.N != 1 || !near(val(k), 3) {
		t.Errorf("time to restore: %d incidents, %v h; want PM-2's 3 h", k.N, val(k))
	}
	var got []string
	for _, e := range p.TimeToRestore.Excluded {
		got = append(got, e.Examples...)
	}
	// Not mitigated (PM-4, PM-1), then without a start (PM-9, PM-5).
	if want := "[PM-4 PM-1 PM-9 PM-5]"; fmt.Sprint(got) != want {
		t.Errorf("excluded incidents %v, want %s (by reason, each in the site's order)", got, want)
	}
	if q := f.Period(at("2026-03-01T00:00:00Z"), at("2026-02-01T00:00:00Z")); q.DeploymentFrequency.N != 0 {
		t.Errorf("a span that ends before it starts holds %d deployments", q.DeploymentFrequency.N)
	}
}
