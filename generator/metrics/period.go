package metrics

import (
	"slices"
	"sort"
	"time"

	"almanac/generator/site"
)

// Period holds the four keys over one explicit span [From, To): a quarter
// or a month of a stakeholder report, or the part of it that has passed.
// Unlike Report it has no trend, band or series: a period is compared with
// the one before it, not with the industry's bands.
type Period struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"` // excluded
	// Days is the span's length in days (fractional for a running period
	// that ends at now).
	Days float64 `json:"days"`

	DeploymentFrequency Key               `json:"deployment_frequency"`
	LeadTime            Key               `json:"lead_time"`
	ChangeFailureRate   ChangeFailureRate `json:"change_failure_rate"`
	RecoveryTime        Key               `json:"recovery_time"`
	TimeToRestore       Key               `json:"time_to_restore"`
}

// ComputePeriod works out the four keys over [from, to): the deployments
// released in it, the lead times of the stories they shipped, which of
// them failed and how soon they recovered (from everything the site knows,
// which may lie after to), and the time to restore of the incidents that
// started in it. Deployment frequency is per week of the span. Bands are
// left out. s is only read.
func ComputePeriod(s *site.Site, from, to time.Time) *Period {
	return NewFacts(s).Period(from, to)
}

// Facts are a site's deployments and incidents, collected once, so that
// many periods (every report and the one before it) are computed without
// walking the site again for each.
type Facts struct {
	s         *site.Site
	deps      []*deployment
	undated   []*site.Page
	incidents []*incident

	// A period takes its deployments and incidents by binary search:
	// the places in deps and incidents of those with a time, by time,
	// and of the incidents without one.
	depsByTime, incidentsByTime, untimed []int
}

// NewFacts collects the deployments and incidents of s.
func NewFacts(s *site.Site) *Facts {
	f := &Facts{s: s}
	f.deps, f.undated = collectDeployments(s, newCalendar(time.Time{}, s.Config.Location))
	f.incidents = collectIncidents(s)
	f.depsByTime = byTime(len(f.deps), func(i int) time.Time { return f.deps[i].at })
	f.incidentsByTime = byTime(len(f.incidents), func(i int) time.Time { return f.incidents[i].at })
	for i, inc := range f.incidents {
		if inc.at.IsZero() {
			f.untimed = append(f.untimed, i)
		}
	}
	return f
}

// byTime returns the places 0…n-1 of the items with a time, by time (of
// two at the same time, the first first).
func byTime(n int, at func(int) time.Time) []int {
	var out []int
	for i := range n {
		if !at(i).IsZero() {
			out = append(out, i)
		}
	}
	slices.SortStableFunc(out, func(a, b int) int { return at(a).Compare(at(b)) })
	return out
}

// within returns the places in sorted (as byTime gives them) whose time is
// in [from, to), in the order of their places.
func within(sorted []int, at func(int) time.Time, from, to time.Time) []int {
	lo := sort.Search(len(sorted), func(i int) bool { return !at(sorted[i]).Before(from) })
	hi := sort.Search(len(sorted), func(i int) bool { return !at(sorted[i]).Before(to) })
	if hi < lo {
		hi = lo
	}
	out := slices.Clone(sorted[lo:hi])
	slices.Sort(out)
	return out
}

// Period is ComputePeriod over the collected facts.
func (f *Facts) Period(from, to time.Time) *Period {
	s := f.s
	cal := newCalendar(to, s.Config.Location)
	p := &Period{From: from.In(cal.loc), To: to.In(cal.loc), Days: to.Sub(from).Hours() / 24}
	in := func(t time.Time) bool { return !t.IsZero() && !t.Before(from) && t.Before(to) }

	undated := f.undated
	var sel []*deployment
	for _, i := range within(f.depsByTime, func(i int) time.Time { return f.deps[i].at }, from, to) {
		sel = append(sel, f.deps[i])
	}
	df := newKey(DeploymentFrequencyKey, UnitPerWeek, defDeploymentFrequency)
	var t tally
	for _, u := range undated {
		t.add(exNoReleasedAt, u.ID())
	}
	df.Excluded, df.N = t.result(), len(sel)
	if p.Days > 0 {
		df.Value = ptr(float64(df.N) * 7 / p.Days)
	}
	p.DeploymentFrequency = df
	p.LeadTime = unband(leadTime(sel))
	cfr := changeFailureRate(sel, cal)
	cfr.Key = unband(cfr.Key)
	p.ChangeFailureRate = cfr
	p.RecoveryTime = unband(recoveryTime(sel))

	k := newKey(TimeToRestoreKey, UnitHours, defTimeToRestore)
	var xs []float64
	var out tally
	// The incidents in the period and those without a time, in their
	// order: the first of each reason are its examples.
	timed := within(f.incidentsByTime, func(i int) time.Time { return f.incidents[i].at }, from, to)
	for _, i := range mergeSorted(f.untimed, timed) {
		inc := f.incidents[i]
		switch {
		case inc.at.IsZero():
			out.add(inc.out, inc.page.ID())
		case !in(inc.at):
		case inc.restore == nil:
			out.add(inc.out, inc.page.ID())
		default:
			xs = append(xs, *inc.restore)
		}
	}
	k.N, k.Value, k.Excluded = len(xs), median(xs), out.result()
	p.TimeToRestore = k
	return p
}

// unband drops a key's band: a report period is not rated.
func unband(k Key) Key {
	k.Band = nil
	return k
}

// mergeSorted merges two ascending lists of distinct places.
func mergeSorted(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0] < b[0] {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}
