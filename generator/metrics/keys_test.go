package metrics

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

func fp(v float64) *float64 { return &v }

func sameFloat(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return math.Abs(*a-*b) < 1e-9
}

func showFloat(v *float64) string {
	if v == nil {
		return "nil"
	}
	return fmt.Sprintf("%g", *v)
}

func exclusionCounts(list []Exclusion) map[string]int {
	m := map[string]int{}
	for _, e := range list {
		m[e.Code] = e.Count
	}
	return m
}

func bandName(b *Band) string {
	if b == nil {
		return ""
	}
	return b.Name
}

type keyWant struct {
	value    *float64
	n        int
	excluded map[string]int
	band     string
}

func checkKey(t *testing.T, name string, got Key, want keyWant) {
	t.Helper()
	if !sameFloat(got.Value, want.value) {
		t.Errorf("%s: value = %s, want %s", name, showFloat(got.Value), showFloat(want.value))
	}
	if got.N != want.n {
		t.Errorf("%s: n = %d, want %d", name, got.N, want.n)
	}
	if want.excluded == nil {
		want.excluded = map[string]int{}
	}
	if ex := exclusionCounts(got.Excluded); !reflect.DeepEqual(ex, want.excluded) {
		t.Errorf("%s: excluded = %v, want %v", name, ex, want.excluded)
	}
	if b := bandName(got.Band); b != want.band {
		t.Errorf("%s: band = %q, want %q", name, b, want.band)
	}
	if got.Band != nil && (got.Band.Year != BandYear || got.Band.Rule == "") {
		t.Errorf("%s: band %+v lacks its year or rule", name, got.Band)
	}
	if got.Definition == "" {
		t.Errorf("%s: no definition", name)
	}
}

func TestKeysMixed(t *testing.T) {
	r := Compute(mixedSite(), mixedNow, 0)
	tests := []struct {
		name string
		got  Key
		want keyWant
	}{
		// 9 deployments in 90 days; 1.7.0 has no released_at. Months in the
		// last 90 days: Dec 0, Jan 3, Feb 4, Mar 2 (median 2.5); 7 of 14
		// weeks had a deployment, so not Weekly.
		{"deployment frequency", r.DeploymentFrequency.Key,
			keyWant{fp(0.7), 9, map[string]int{exNoReleasedAt: 1}, "Monthly"}},
		// 6, 12 (merged_at), 24, 48, 48, 72 hours; S-3 has no start, S-4
		// starts after its release.
		{"lead time", r.LeadTime,
			keyWant{fp(36), 6, map[string]int{exNoStart: 1, exLeadNotPositive: 1}, "One week"}},
		// 1.1.0, 1.2.0, 1.3.0, 1.4.0, 1.5.0, 1.8.0 of 9.
		{"change failure rate", r.ChangeFailureRate.Key,
			keyWant{fp(600.0 / 9), 9, nil, "46–60%"}},
		// 0.5, 1, 2, 5, 17 hours; 1.8.0 has no recovery moment.
		{"recovery time", r.RecoveryTime,
			keyWant{fp(2), 5, map[string]int{exNoRecovery: 1}, "One day"}},
		// PM-1 4 h, PM-2 1 h, PM-3 2 h (no release); n < 5: no band.
		{"time to restore", r.TimeToRestore,
			keyWant{fp(2), 3, map[string]int{exNoStartedAt: 1, exNoMitigatedAt: 1}, ""}},
	}
	for _, tt := range tests {
		checkKey(t, tt.name, tt.got, tt.want)
	}
	if got, want := r.DeploymentFrequency.PerMonth, 9*daysPerMonth/90; math.Abs(got-want) > 1e-9 {
		t.Errorf("per month = %g, want %g", got, want)
	}
	if n := r.LeadTime.Notes; len(n) != 1 || n[0].Code != noteMergedAt || n[0].Count != 1 || n[0].Examples[0] != "S-2" {
		t.Errorf("lead time notes = %+v, want one from_merged_at for S-2", n)
	}
	if ex := r.LeadTime.Excluded; ex[0].Examples[0] != "S-3" && ex[1].Examples[0] != "S-3" {
		t.Errorf("lead time exclusions %+v do not name S-3", ex)
	}
}

func TestFailedDeployments(t *testing.T) {
	r := Compute(mixedSite(), mixedNow, 0)
	want := map[string]struct {
		reasons   string
		recovered string
		hours     *float64
	}{
		"1.1.0": {"rolled_back:1.1.0 hotfix:1.1.1", "rolled_back:1.1.0", fp(2)},
		"1.2.0": {"post_mortem:PM-1 post_mortem:PM-2", "post_mortem:PM-1", fp(5)},
		"1.3.0": {"post_mortem:PM-1", "post_mortem:PM-1", fp(17)},
		"1.4.0": {"rolled_back:1.4.0", "rolled_back:1.4.0", fp(0.5)},
		"1.5.0": {"rolled_back:1.5.0", "rolled_back:1.5.0", fp(1)},
		"1.8.0": {"rolled_back:1.8.0", "", nil},
	}
	seen := map[string]bool{}
	for _, f := range r.ChangeFailureRate.Failed {
		w, ok := want[f.Version]
		if !ok {
			t.Errorf("%s counted as failed", f.Version)
			continue
		}
		if seen[f.Version] {
			t.Errorf("%s counted twice", f.Version)
		}
		seen[f.Version] = true
		var rs []string
		for _, x := range f.Reasons {
			rs = append(rs, x.Kind+":"+x.Ref)
		}
		if got := strings.Join(rs, " "); got != w.reasons {
			t.Errorf("%s reasons = %q, want %q", f.Version, got, w.reasons)
		}
		by := ""
		if f.RecoveredBy != nil {
			by = f.RecoveredBy.Kind + ":" + f.RecoveredBy.Ref
		}
		if by != w.recovered {
			t.Errorf("%s recovered by %q, want %q", f.Version, by, w.recovered)
		}
		if !sameFloat(f.RecoveryHours, w.hours) {
			t.Errorf("%s recovery = %s h, want %s", f.Version, showFloat(f.RecoveryHours), showFloat(w.hours))
		}
		if (f.RecoveredAt == nil) != (w.hours == nil) {
			t.Errorf("%s recovered_at = %v", f.Version, f.RecoveredAt)
		}
	}
	if len(seen) != len(want) {
		t.Errorf("failed = %d deployments, want %d", len(seen), len(want))
	}
}

func TestRecoveryMoments(t *testing.T) {
	tests := []struct {
		name  string
		build func(b *builder)
		by    string // kind:ref, or the exclusion code
		hours float64
	}{
		{"hotfix earlier than post-mortem", func(b *builder) {
			b.release("2.0.0", "released", "2026-03-01T00:00:00Z", "")
			b.release("2.0.1", "released", "2026-03-01T03:00:00Z", "", "2.0.0")
			b.postmortem("PM-9", "SEV2", "2026-03-01T01:00:00Z", "2026-03-01T05:00:00Z", "2.0.0")
		}, "hotfix:2.0.1", 3},
		{"planned hotfix does not recover", func(b *builder) {
			b.release("2.0.0", "released", "2026-03-01T00:00:00Z", "")
			b.release("2.0.1", "planned", "", "", "2.0.0")
			b.postmortem("PM-9", "SEV2", "2026-03-01T01:00:00Z", "2026-03-01T05:00:00Z", "2.0.0")
		}, "post_mortem:PM-9", 5},
		{"first of two hotfixes", func(b *builder) {
			b.release("2.0.0", "released", "2026-03-01T00:00:00Z", "")
			b.release("2.0.2", "released", "2026-03-02T00:00:00Z", "", "2.0.0")
			b.release("2.0.1", "released", "2026-03-01T06:00:00Z", "", "2.0.0")
		}, "hotfix:2.0.1", 6},
		{"moments before the release do not count", func(b *builder) {
			b.release("2.0.0", "released", "2026-03-01T00:00:00Z", "2026-02-28T00:00:00Z")
		}, exRecoveryNotAfter, 0},
		{"tie goes to the rollback", func(b *builder) {
			b.release("2.0.0", "rolled_back", "2026-03-01T00:00:00Z", "2026-03-01T02:00:00Z")
			b.postmortem("PM-9", "SEV2", "2026-03-01T01:00:00Z", "2026-03-01T02:00:00Z", "2.0.0")
		}, "rolled_back:2.0.0", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBuilder(time.UTC)
			tt.build(b)
			s := b.site()
			at, by, code := recovery(s.ByVersion["2.0.0"])
			got := code
			if by != nil {
				got = by.Kind + ":" + by.Ref
				if h := hours(s.ByVersion["2.0.0"].Release.ReleasedAt, at); h != tt.hours {
					t.Errorf("recovery = %g h, want %g", h, tt.hours)
				}
			}
			if got != tt.by {
				t.Errorf("recovered by %q, want %q", got, tt.by)
			}
		})
	}
}

func TestBands(t *testing.T) {
	durations := []struct {
		h    float64
		want string
	}{
		{0.1, "One day"}, {23.99, "One day"}, {24, "One week"}, {167.9, "One week"},
		{168, "One month"}, {729, "One month"}, {730, "Six months"}, {4379, "Six months"},
		{4380, "One year"}, {1e6, "One year"},
	}
	for _, tt := range durations {
		if got := bandName(durationBand(tt.h)); got != tt.want {
			t.Errorf("durationBand(%g) = %q, want %q", tt.h, got, tt.want)
		}
	}
	rates := []struct {
		pct  float64
		want string
	}{
		{0, "0–15%"}, {15, "0–15%"}, {15.01, "16–45%"}, {45.9, "16–45%"}, {46, "46–60%"}, {100, "46–60%"},
	}
	for _, tt := range rates {
		if got := bandName(rateBand(tt.pct)); got != tt.want {
			t.Errorf("rateBand(%g) = %q, want %q", tt.pct, got, tt.want)
		}
	}
	freq := []struct {
		days, months []int
		want         string
	}{
		{[]int{3, 3, 4, 0, 5}, []int{20, 30}, "Daily"},
		{[]int{3, 2, 1, 0}, []int{6, 0}, "Weekly"},  // days median 1.5; weeks deployed median 1
		{[]int{3, 3, 0, 0}, []int{6, 0}, "Monthly"}, // half the weeks: median 0.5
		{[]int{1, 1, 0, 0}, []int{2, 0}, "Monthly"},
		{[]int{1, 0, 0, 0}, []int{1, 1, 0}, "Monthly"},
		{[]int{1, 0, 0, 0}, []int{1, 0, 0}, "Yearly"},
		{nil, nil, ""},
	}
	for _, tt := range freq {
		if got := bandName(frequencyBand(tt.days, tt.months)); got != tt.want {
			t.Errorf("frequencyBand(%v, %v) = %q, want %q", tt.days, tt.months, got, tt.want)
		}
	}
	for _, k := range []string{DeploymentFrequencyKey, LeadTimeKey, ChangeFailureRateKey, RecoveryTimeKey, TimeToRestoreKey} {
		if len(BandTable(k)) < 3 {
			t.Errorf("BandTable(%q) = %v", k, BandTable(k))
		}
	}
	if BandTable("nope") != nil {
		t.Errorf("BandTable of an unknown key is not nil")
	}
}

// TestFewItemsNoBand: four deployments, all failed and recovered, four
// lead times: every key has a value and none has a band.
func TestFewItemsNoBand(t *testing.T) {
	b := newBuilder(time.UTC)
	for i, day := range []string{"02", "09", "16", "23"} {
		v := fmt.Sprintf("3.%d.0", i)
		b.release(v, "rolled_back", "2026-02-"+day+"T10:00:00Z", "2026-02-"+day+"T11:00:00Z")
		b.story(fmt.Sprintf("S-%d", i), v, "2026-02-"+day+"T08:00:00Z", "")
	}
	r := Compute(b.site(), mixedNow, 90)
	checkKey(t, "deployment frequency", r.DeploymentFrequency.Key, keyWant{fp(4 * 7.0 / 90), 4, nil, ""})
	checkKey(t, "lead time", r.LeadTime, keyWant{fp(2), 4, nil, ""})
	checkKey(t, "change failure rate", r.ChangeFailureRate.Key, keyWant{fp(100), 4, nil, ""})
	checkKey(t, "recovery time", r.RecoveryTime, keyWant{fp(1), 4, nil, ""})
}

func TestEmptyWindow(t *testing.T) {
	b := newBuilder(time.UTC)
	b.release("1.0.0", "rolled_back", "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z")
	b.story("S-1", "1.0.0", "2023-12-30T00:00:00Z", "")
	b.postmortem("PM-1", "SEV1", "2024-01-01T00:30:00Z", "2024-01-01T01:00:00Z", "1.0.0")
	for name, s := range map[string]*builder{"old content": b, "no content": newBuilder(time.UTC)} {
		r := Compute(s.site(), mixedNow, 90)
		checkKey(t, name+": deployment frequency", r.DeploymentFrequency.Key, keyWant{fp(0), 0, nil, ""})
		checkKey(t, name+": lead time", r.LeadTime, keyWant{nil, 0, nil, ""})
		checkKey(t, name+": change failure rate", r.ChangeFailureRate.Key, keyWant{nil, 0, nil, ""})
		checkKey(t, name+": recovery time", r.RecoveryTime, keyWant{nil, 0, nil, ""})
		checkKey(t, name+": time to restore", r.TimeToRestore, keyWant{nil, 0, nil, ""})
		if len(r.ChangeFailureRate.Failed) != 0 {
			t.Errorf("%s: failed = %v", name, r.ChangeFailureRate.Failed)
		}
		for _, w := range r.Trend {
			if w.Deployments != 0 || w.LeadTime != nil || w.FailureRate != nil || w.Recovery != nil || w.Restore != nil {
				t.Errorf("%s: trend week %s = %+v, want empty", name, w.Week, w)
			}
		}
	}
}

func TestWindowDays(t *testing.T) {
	s := mixedSite()
	tests := []struct {
		days, config, want int
		n                  int
	}{
		{0, 90, 90, 9},
		{30, 90, 30, 2}, // 1.5.0 and 1.8.0
		{0, 0, 90, 9},   // nothing configured: 90
		{0, 15, 15, 1},  // from the configuration: only 1.8.0
		{-5, 45, 45, 4}, // from 02-03T12:00: 1.4.0, 1.4.1, 1.5.0, 1.8.0
	}
	for _, tt := range tests {
		s.Config.MetricsWindowDays = tt.config
		r := Compute(s, mixedNow, tt.days)
		if r.Window.Days != tt.want || r.DeploymentFrequency.N != tt.n {
			t.Errorf("Compute(days %d, config %d): window %d days, n %d; want %d days, n %d",
				tt.days, tt.config, r.Window.Days, r.DeploymentFrequency.N, tt.want, tt.n)
		}
	}
}

func TestIncidentExclusions(t *testing.T) {
	tests := []struct {
		name               string
		date, start, mitig string
		restore            *float64
		out                string
	}{
		{"restored", "", "2026-03-01T10:00:00Z", "2026-03-01T12:30:00Z", fp(2.5), ""},
		{"same offset written differently", "", "2026-03-01T19:00:00+09:00", "2026-03-01T11:00:00Z", fp(1), ""},
		{"mitigated before it started", "", "2026-03-01T10:00:00Z", "2026-03-01T09:00:00Z", nil, exRestoreNotPositive},
		{"mitigated as it started", "", "2026-03-01T10:00:00Z", "2026-03-01T10:00:00Z", nil, exRestoreNotPositive},
		{"not mitigated", "", "2026-03-01T10:00:00Z", "", nil, exNoMitigatedAt},
		{"no start, dated", "2026-03-01T00:00:00Z", "", "2026-03-01T10:00:00Z", nil, exNoStartedAt},
		{"no date at all", "", "", "", nil, exUndated},
	}
	for _, tt := range tests {
		b := newBuilder(time.UTC)
		p := b.postmortem("PM-1", "SEV3", tt.start, tt.mitig)
		if tt.date != "" {
			p.Date = at(tt.date)
		}
		in := collectIncidents(b.site())[0]
		if !sameFloat(in.restore, tt.restore) || in.out != tt.out {
			t.Errorf("%s: restore %s out %q, want %s %q", tt.name, showFloat(in.restore), in.out, showFloat(tt.restore), tt.out)
		}
		r := Compute(b.site(), mixedNow, 90)
		wantN, wantEx := 1, map[string]int{}
		if tt.out != "" {
			wantN, wantEx[tt.out] = 0, 1
		}
		checkKey(t, tt.name, r.TimeToRestore, keyWant{tt.restore, wantN, wantEx, ""})
	}
}

// TestReasonsCountedOnce: a post-mortem that names a release twice, and a
// release that is rolled back, fixed and written up, each count once.
func TestReasonsCountedOnce(t *testing.T) {
	b := newBuilder(time.UTC)
	b.release("2.0.0", "rolled_back", "2026-03-01T00:00:00Z", "2026-03-01T01:00:00Z")
	b.release("2.0.1", "released", "2026-03-02T00:00:00Z", "", "2.0.0")
	b.postmortem("PM-1", "SEV2", "2026-03-01T00:10:00Z", "2026-03-01T00:50:00Z", "2.0.0", "2.0.0")
	r := Compute(b.site(), mixedNow, 90)
	checkKey(t, "change failure rate", r.ChangeFailureRate.Key, keyWant{fp(50), 2, nil, ""})
	f := r.ChangeFailureRate.Failed
	if len(f) != 1 || len(f[0].Reasons) != 3 {
		t.Fatalf("failed = %+v, want 2.0.0 with three reasons", f)
	}
	// The post-mortem's mitigation, 50 minutes in, comes before the
	// rollback.
	if by := f[0].RecoveredBy; by == nil || by.Kind != ReasonPostMortem || !sameFloat(f[0].RecoveryHours, fp(50.0/60)) {
		t.Errorf("recovered by %+v after %s h", by, showFloat(f[0].RecoveryHours))
	}
}
