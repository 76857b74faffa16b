package metrics

import (
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
}

// NewFacts collects the deployments and incidents of s.
func NewFacts(s *site.Site) *Facts {
	f := &Facts{s: s}
	f.deps, f.undated = collectDeployments(s, newCalendar(time.Time{}, s.Config.Location))
	f.incidents = collectIncidents(s)
	return f
}

// Period is ComputePeriod over the collected facts.
func (f *Facts) Period(from, to time.Time) *Period {
	s := f.s
	cal := newCalendar(to, s.Config.Location)
	p := &Period{From: from.In(cal.loc), To: to.In(cal.loc), Days: to.Sub(from).Hours() / 24}
	in := func(t time.Time) bool { return !t.IsZero() && !t.Before(from) && t.Before(to) }

	deps, undated := f.deps, f.undated
	var sel []*deployment
	for _, d := range deps {
		if in(d.at) {
			sel = append(sel, d)
		}
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
	for _, inc := range f.incidents {
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
