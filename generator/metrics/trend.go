package metrics

import (
	"slices"
	"time"

	"almanac/generator/site"
)

// TrendWeek holds the keys of one ISO week. A median or rate is nil when
// the week has nothing to compute it from: a gap, never a zero.
type TrendWeek struct {
	Start time.Time `json:"start"` // Monday, midnight in the site's zone
	Week  string    `json:"week"`  // 2026-W11

	Deployments int `json:"deployments"`
	// LeadTime is the median lead time of the stories shipped this week.
	LeadTime  *float64 `json:"lead_time_hours"`
	LeadTimeN int      `json:"lead_time_n"`
	// Failed deployments among this week's; FailureRate is Failed ÷
	// Deployments in percent, its n being Deployments.
	Failed      int      `json:"failed"`
	FailureRate *float64 `json:"failure_rate_percent"`
	// Recovery is the median recovery time of this week's failed
	// deployments.
	Recovery  *float64 `json:"recovery_hours"`
	RecoveryN int      `json:"recovery_n"`
	// Restore is the median time to restore of the incidents that started
	// this week.
	Restore  *float64 `json:"time_to_restore_hours"`
	RestoreN int      `json:"time_to_restore_n"`
}

// trend buckets the deployments and incidents up to now into the ISO weeks
// of the last 12 months.
func trend(deps []*deployment, incs []*incident, cal calendar) []TrendWeek {
	wk := cal.lastYear()
	out := make([]TrendWeek, wk.n)
	leads := make([][]float64, wk.n)
	recs := make([][]float64, wk.n)
	rests := make([][]float64, wk.n)
	for i := range out {
		d := wk.monday(i)
		out[i].Start, out[i].Week = d.midnight(cal.loc), d.isoWeek()
	}
	for _, d := range deps {
		i := wk.index(d.day)
		if i < 0 || d.at.After(cal.now) {
			continue
		}
		out[i].Deployments++
		leads[i] = append(leads[i], d.leads...)
		if d.failed() {
			out[i].Failed++
			if h := d.recoveryHours(); h != nil {
				recs[i] = append(recs[i], *h)
			}
		}
	}
	for _, in := range incs {
		if in.restore == nil || in.at.After(cal.now) {
			continue
		}
		if i := wk.index(cal.day(in.at)); i >= 0 {
			rests[i] = append(rests[i], *in.restore)
		}
	}
	for i := range out {
		w := &out[i]
		w.LeadTime, w.LeadTimeN = median(leads[i]), len(leads[i])
		w.Recovery, w.RecoveryN = median(recs[i]), len(recs[i])
		w.Restore, w.RestoreN = median(rests[i]), len(rests[i])
		if w.Deployments > 0 {
			w.FailureRate = ptr(100 * float64(w.Failed) / float64(w.Deployments))
		}
	}
	return out
}

// Unspecified labels a severity, source or owner that is not given.
const Unspecified = "unspecified"

// IncidentsByMonth counts post-mortems by severity per calendar month,
// dated by started_at, else by the post-mortem's date.
type IncidentsByMonth struct {
	// Severities are the columns of Counts: SEV1…SEV5, then any other value
	// found, then Unspecified when some post-mortem gives none.
	Severities []string        `json:"severities"`
	Months     []SeverityMonth `json:"months"`
	Excluded   []Exclusion     `json:"excluded"`
}

// SeverityMonth is one month of incidents.
type SeverityMonth struct {
	Start  time.Time `json:"start"`
	Month  string    `json:"month"` // 2026-03
	Counts []int     `json:"counts"`
	Total  int       `json:"total"`
}

func incidentsByMonth(incs []*incident, cal calendar) IncidentsByMonth {
	mo := cal.lastMonths(12)
	sevs := slices.Clone(site.Severities)
	var other []string
	unspecified := false
	var out tally
	type hit struct {
		i   int
		sev string
	}
	var hits []hit
	for _, in := range incs {
		if in.at.IsZero() {
			out.add(exUndated, in.page.ID())
			continue
		}
		i := mo.index(cal.day(in.at))
		if i < 0 || in.at.After(cal.now) {
			continue
		}
		sev := in.page.PostMortem.Severity
		switch {
		case sev == "":
			sev, unspecified = Unspecified, true
		case !slices.Contains(sevs, sev) && !slices.Contains(other, sev):
			other = append(other, sev)
		}
		hits = append(hits, hit{i, sev})
	}
	slices.Sort(other)
	sevs = append(sevs, other...)
	if unspecified {
		sevs = append(sevs, Unspecified)
	}
	months := make([]SeverityMonth, mo.n)
	for i := range months {
		m := mo.first + month(i)
		months[i] = SeverityMonth{Start: m.start(cal.loc), Month: m.label(), Counts: make([]int, len(sevs))}
	}
	for _, h := range hits {
		months[h.i].Counts[slices.Index(sevs, h.sev)]++
		months[h.i].Total++
	}
	return IncidentsByMonth{Severities: sevs, Months: months, Excluded: out.result()}
}

// ThroughputBasis says how a done story is placed in a week.
const ThroughputBasis = "merged_at, else the released_at of the release that shipped it"

// Throughput counts stories done per ISO week.
type Throughput struct {
	Basis    string           `json:"basis"`
	Weeks    []ThroughputWeek `json:"weeks"`
	Excluded []Exclusion      `json:"excluded"`
}

// ThroughputWeek is one week of finished stories: Done of them, ByMergedAt
// placed by their merge and ByReleasedAt by their release.
type ThroughputWeek struct {
	Start        time.Time `json:"start"`
	Week         string    `json:"week"`
	Done         int       `json:"done"`
	ByMergedAt   int       `json:"by_merged_at"`
	ByReleasedAt int       `json:"by_released_at"`
}

func throughput(s *site.Site, cal calendar) Throughput {
	wk := cal.lastYear()
	weeks := make([]ThroughputWeek, wk.n)
	for i := range weeks {
		d := wk.monday(i)
		weeks[i].Start, weeks[i].Week = d.midnight(cal.loc), d.isoWeek()
	}
	var out tally
	for _, p := range s.Stories {
		st := p.Story
		if st == nil || st.Status != "done" {
			continue
		}
		at, merged := st.MergedAt, true
		if at.IsZero() && st.ReleasePage != nil && st.ReleasePage.Release != nil {
			at, merged = st.ReleasePage.Release.ReleasedAt, false
		}
		if at.IsZero() {
			out.add(exUndated, p.ID())
			continue
		}
		i := wk.index(cal.day(at))
		if i < 0 || at.After(cal.now) {
			continue
		}
		weeks[i].Done++
		if merged {
			weeks[i].ByMergedAt++
		} else {
			weeks[i].ByReleasedAt++
		}
	}
	return Throughput{Basis: ThroughputBasis, Weeks: weeks, Excluded: out.result()}
}
