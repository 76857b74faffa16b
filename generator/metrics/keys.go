package metrics

import (
	"time"

	"almanac/generator/site"
)

// DefaultWindowDays is the window of the four keys when neither the caller
// nor the configuration gives one.
const DefaultWindowDays = 90

// bandDays is the span the deployment frequency band looks at.
const bandDays = 90

// daysPerMonth is the length of an average Gregorian month.
const daysPerMonth = 365.2425 / 12

// The definitions shown beside each key.
const (
	defDeploymentFrequency = "Deployments (releases with status released or rolled_back, dated by released_at) in the window, per week."
	defLeadTime            = "Median time from a story's first commit (its merge when the first commit is not recorded) to the release that shipped it, over the deployments in the window."
	defChangeFailureRate   = "Share of the deployments in the window that failed: rolled back, named by a post-mortem, or named by a hotfix, each deployment counted once."
	defRecoveryTime        = "Median time from a failed deployment's release to the earliest of its rollback, its first deployed hotfix and the mitigation of a post-mortem naming it."
	defTimeToRestore       = "Median time from an incident's start to its mitigation, over every post-mortem that started in the window."
)

// Compute works out every figure of the site at now, over a window of
// windowDays calendar days up to now. windowDays ≤ 0 takes
// s.Config.MetricsWindowDays, or DefaultWindowDays when that is unset too.
// It never reads the clock; s is only read.
func Compute(s *site.Site, now time.Time, windowDays int) *Report {
	if windowDays <= 0 {
		windowDays = s.Config.MetricsWindowDays
	}
	if windowDays <= 0 {
		windowDays = DefaultWindowDays
	}
	cal := newCalendar(now, s.Config.Location)
	w := Window{Days: windowDays, From: cal.now.AddDate(0, 0, -windowDays), To: cal.now}
	deps, undated := collectDeployments(s, cal)
	incs := collectIncidents(s)
	var in []*deployment
	for _, d := range deps {
		if w.Contains(d.at) {
			in = append(in, d)
		}
	}
	zone := s.Config.TimeZone
	if zone == "" {
		zone = cal.loc.String()
	}
	r := &Report{Now: cal.now, TimeZone: zone, Location: cal.loc, Window: w}
	r.DeploymentFrequency = deploymentFrequency(in, deps, undated, w, cal)
	r.LeadTime = leadTime(in)
	r.ChangeFailureRate = changeFailureRate(in, cal)
	r.RecoveryTime = recoveryTime(in)
	r.TimeToRestore = timeToRestore(incs, w)
	r.Trend = trend(deps, incs, cal)
	r.Incidents = incidentsByMonth(incs, cal)
	r.Throughput = throughput(s, cal)
	r.Actions = openActions(s, cal)
	r.VOC = vocCounts(s)
	r.Series = teamSeries(s, cal)
	if len(s.Config.Repositories) > 0 {
		r.Sources = sources(in, cal)
		r.LeadTime.Notes = append(r.LeadTime.Notes, leadSourceNotes(in)...)
	}
	return r
}

// newKey returns a key with its name, unit and definition.
func newKey(name, unit, def string) Key {
	return Key{Name: name, Unit: unit, Excluded: []Exclusion{}, Definition: def}
}

func deploymentFrequency(in, all []*deployment, undated []*site.Page, w Window, cal calendar) DeploymentFrequency {
	k := newKey(DeploymentFrequencyKey, UnitPerWeek, defDeploymentFrequency)
	var t tally
	for _, p := range undated {
		t.add(exNoReleasedAt, p.ID())
	}
	k.Excluded = t.result()
	k.N = len(in)
	k.Value = ptr(float64(k.N) * 7 / float64(w.Days))
	df := DeploymentFrequency{Key: k, PerMonth: float64(k.N) * daysPerMonth / float64(w.Days)}

	wk := weeksBetween(cal.day(w.From), cal.today)
	mo := monthsBetween(cal.day(w.From), cal.today)
	perWeek, perMonth := make([]int, wk.n), make([]int, mo.n)
	for _, d := range in {
		if i := wk.index(d.day); i >= 0 {
			perWeek[i]++
		}
		if i := mo.index(d.day); i >= 0 {
			perMonth[i]++
		}
	}
	df.Weeks = wk.counts(perWeek, cal.loc)
	df.Months = mo.counts(perMonth, cal.loc)
	df.Band = frequencyBandAt(all, cal)
	return df
}

// frequencyBandAt applies the Four Keys rule to the last 90 days, or
// returns nil when fewer than MinBandN deployments fall in them.
func frequencyBandAt(all []*deployment, cal calendar) *Band {
	from := cal.now.AddDate(0, 0, -bandDays)
	span := Window{From: from, To: cal.now}
	wk := weeksBetween(cal.day(from), cal.today)
	mo := monthsBetween(cal.day(from), cal.today)
	days := make([]map[civil]bool, wk.n)
	perMonth := make([]int, mo.n)
	n := 0
	for _, d := range all {
		if !span.Contains(d.at) {
			continue
		}
		n++
		if i := wk.index(d.day); i >= 0 {
			if days[i] == nil {
				days[i] = map[civil]bool{}
			}
			days[i][d.day] = true
		}
		if i := mo.index(d.day); i >= 0 {
			perMonth[i]++
		}
	}
	if n < MinBandN {
		return nil
	}
	daysPerWeek := make([]int, wk.n)
	for i, m := range days {
		daysPerWeek[i] = len(m)
	}
	return frequencyBand(daysPerWeek, perMonth)
}

func leadTime(in []*deployment) Key {
	k := newKey(LeadTimeKey, UnitHours, defLeadTime)
	var leads []float64
	var out, notes tally
	for _, d := range in {
		leads = append(leads, d.leads...)
		for _, e := range d.leadOut {
			out.add(e.code, e.id)
		}
		for _, e := range d.leadNotes {
			notes.add(e.code, e.id)
		}
	}
	k.N, k.Value = len(leads), median(leads)
	k.Excluded = out.result()
	if len(notes.list) > 0 {
		k.Notes = notes.result()
	}
	if k.Value != nil && k.N >= MinBandN {
		k.Band = durationBand(*k.Value)
	}
	return k
}

func changeFailureRate(in []*deployment, cal calendar) ChangeFailureRate {
	k := newKey(ChangeFailureRateKey, UnitPercent, defChangeFailureRate)
	k.N = len(in)
	failed := []FailedDeployment{}
	for _, d := range in {
		if !d.failed() {
			continue
		}
		f := FailedDeployment{
			Version:       d.page.ID(),
			URL:           d.page.URL,
			ReleasedAt:    d.at.In(cal.loc),
			Reasons:       d.reasons,
			RecoveredBy:   d.recoveredBy,
			RecoveryHours: d.recoveryHours(),
		}
		if !d.recoveredAt.IsZero() {
			f.RecoveredAt = ptr(d.recoveredAt.In(cal.loc))
		}
		failed = append(failed, f)
	}
	if k.N > 0 {
		k.Value = ptr(100 * float64(len(failed)) / float64(k.N))
		if k.N >= MinBandN {
			k.Band = rateBand(*k.Value)
		}
	}
	return ChangeFailureRate{Key: k, Failed: failed}
}

func recoveryTime(in []*deployment) Key {
	k := newKey(RecoveryTimeKey, UnitHours, defRecoveryTime)
	var xs []float64
	var out tally
	for _, d := range in {
		if !d.failed() {
			continue
		}
		if h := d.recoveryHours(); h != nil {
			xs = append(xs, *h)
		} else {
			out.add(d.recoveryOut, d.page.ID())
		}
	}
	k.N, k.Value, k.Excluded = len(xs), median(xs), out.result()
	if k.Value != nil && k.N >= MinBandN {
		k.Band = durationBand(*k.Value)
	}
	return k
}

func timeToRestore(incs []*incident, w Window) Key {
	k := newKey(TimeToRestoreKey, UnitHours, defTimeToRestore)
	var xs []float64
	var out tally
	for _, in := range incs {
		switch {
		case in.at.IsZero():
			out.add(in.out, in.page.ID())
		case !w.Contains(in.at):
		case in.restore == nil:
			out.add(in.out, in.page.ID())
		default:
			xs = append(xs, *in.restore)
		}
	}
	k.N, k.Value, k.Excluded = len(xs), median(xs), out.result()
	if k.Value != nil && k.N >= MinBandN {
		k.Band = durationBand(*k.Value)
	}
	return k
}
