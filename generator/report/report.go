// Package report makes the reports to stakeholders: one per quarter and
// per month that has content, each computed from the site at now for its
// period (a running period up to now, "so far"). It reads a *site.Site
// and returns plain values, the same ones the page shows and the JSON
// file holds.
package report

import (
	"math"
	"time"

	"almanac/generator/metrics"
	"almanac/generator/site"
)

// Report is what one report shows.
type Report struct {
	Period   Period    `json:"period"`
	Previous Period    `json:"previous"`
	Now      time.Time `json:"now"`
	TimeZone string    `json:"time_zone"`

	// Keys are the four keys and time to restore over the period beside
	// the period before.
	Keys []KeyChange `json:"keys"`

	// Releases are the deployments of the period, oldest first;
	// Rollbacks and Hotfixes are those of them that were rolled back or
	// are hotfixes.
	Releases  []Release `json:"releases"`
	Rollbacks []Ref     `json:"rollbacks"`
	Hotfixes  []Ref     `json:"hotfixes"`

	// StoriesDone counts the stories done in the period (merged, else
	// shipped); Voices groups them by the customer voice they answer.
	StoriesDone int          `json:"stories_done"`
	Voices      []VoiceGroup `json:"voices"`
	// Next are the releases planned for after the period, up to the end of
	// the next one, with their stories.
	Next []Release `json:"next"`

	// Incidents are the post-mortems that started in the period, by
	// severity.
	IncidentCount int             `json:"incident_count"`
	Incidents     []SeverityGroup `json:"incidents"`
	Actions       Actions         `json:"actions"`

	// Decisions are the decisions dated in the period, oldest first.
	Decisions []Decision `json:"decisions"`

	// Weeks count deployments, stories done and incidents per week of
	// the period, from its first day, the last week cut at its end.
	Weeks []Week `json:"weeks"`
}

// Week is one week of a period.
type Week struct {
	Start       time.Time `json:"start"`
	Deployments int       `json:"deployments"`
	Done        int       `json:"stories_done"`
	Incidents   int       `json:"incidents"`
}

// Empty reports whether nothing happened in the period.
func (r *Report) Empty() bool {
	return len(r.Releases) == 0 && r.StoriesDone == 0 && r.IncidentCount == 0 && len(r.Decisions) == 0
}

// Options are what the site alone does not give.
type Options struct {
	// Highlights returns a release's highlights; nil leaves them out.
	Highlights func(*site.Page) []string
	// Facts are the site's deployments and incidents, collected once for
	// every report of a build; nil collects them for this one.
	Facts *metrics.Facts
	// Index is the site's facts by date, made once for every report of
	// a build; nil makes it for this one.
	Index *Index
}

// Build computes the report of period p of s at now.
func Build(s *site.Site, p Period, now time.Time, opt Options) *Report {
	loc := zone(s.Config.Location)
	prev := p.Previous(now)
	tz := s.Config.TimeZone
	if tz == "" {
		tz = loc.String()
	}
	r := &Report{Period: p, Previous: prev, Now: now.In(loc), TimeZone: tz}
	facts := opt.Facts
	if facts == nil {
		facts = metrics.NewFacts(s)
	}
	r.Keys = compare(facts.Period(p.From, p.Until), facts.Period(prev.From, prev.Until))
	x := opt.Index
	if x == nil {
		x = NewIndex(s)
	}
	r.Releases, r.Rollbacks, r.Hotfixes = shipped(s, x, p, opt)
	r.StoriesDone, r.Voices = done(x, p)
	r.Next = next(s, x, p, now, opt)
	r.IncidentCount, r.Incidents = incidents(x, p)
	r.Actions = actions(x, p, now)
	r.Decisions = decisions(x, p)
	r.Weeks = weeks(x, p)
	return r
}

// All builds the report of every period Periods lists, in its order.
func All(s *site.Site, now time.Time, opt Options) []*Report {
	if opt.Index == nil {
		opt.Index = NewIndex(s)
	}
	var out []*Report
	for _, p := range Periods(s, now) {
		out = append(out, Build(s, p, now, opt))
	}
	return out
}

// Verdicts of a key's change.
const (
	Better = "better"
	Worse  = "worse"
	Same   = "same"
)

// KeyChange is one key over the period and the period before.
type KeyChange struct {
	Name string `json:"name"`
	Unit string `json:"unit"`
	// HigherIsBetter says which way is good.
	HigherIsBetter bool     `json:"higher_is_better"`
	Value          *float64 `json:"value"`
	N              int      `json:"n"`
	Excluded       int      `json:"excluded"`
	Previous       *float64 `json:"previous"`
	PreviousN      int      `json:"previous_n"`
	// Change is Value − Previous; nil when either is missing.
	Change *float64 `json:"change"`
	// Verdict is Better, Worse or Same; "" when Change is nil.
	Verdict string `json:"verdict"`
}

// compare pairs the keys of two periods.
func compare(cur, prev *metrics.Period) []KeyChange {
	pairs := []struct {
		a, b   metrics.Key
		higher bool
	}{
		{cur.DeploymentFrequency, prev.DeploymentFrequency, true},
		{cur.LeadTime, prev.LeadTime, false},
		{cur.ChangeFailureRate.Key, prev.ChangeFailureRate.Key, false},
		{cur.RecoveryTime, prev.RecoveryTime, false},
		{cur.TimeToRestore, prev.TimeToRestore, false},
	}
	out := make([]KeyChange, 0, len(pairs))
	for _, p := range pairs {
		k := KeyChange{Name: p.a.Name, Unit: p.a.Unit, HigherIsBetter: p.higher,
			Value: p.a.Value, N: p.a.N, Excluded: p.a.ExcludedCount(),
			Previous: p.b.Value, PreviousN: p.b.N}
		if k.Value != nil && k.Previous != nil {
			d := *k.Value - *k.Previous
			k.Change = &d
			switch {
			case math.Abs(d) < 1e-9:
				k.Verdict = Same
			case (d > 0) == p.higher:
				k.Verdict = Better
			default:
				k.Verdict = Worse
			}
		}
		out = append(out, k)
	}
	return out
}

// weeks buckets the period's deployments, stories done and incidents by
// week, counted from its first day. Weeks after now are left out.
func weeks(x *Index, p Period) []Week {
	var out []Week
	for d := p.From; d.Before(p.Until); d = d.AddDate(0, 0, 7) {
		out = append(out, Week{Start: d})
	}
	index := func(t time.Time) int {
		if !in(t, p.From, p.Until) {
			return -1
		}
		for i := len(out) - 1; i >= 0; i-- {
			if !t.Before(out[i].Start) {
				return i
			}
		}
		return -1
	}
	for _, d := range within(x.deployed, p.From, p.Until) {
		if i := index(d.at); i >= 0 {
			out[i].Deployments++
		}
	}
	for _, d := range within(x.done, p.From, p.Until) {
		if i := index(d.at); i >= 0 {
			out[i].Done++
		}
	}
	for _, d := range within(x.incidents, p.From, p.Until) {
		if i := index(d.at); i >= 0 {
			out[i].Incidents++
		}
	}
	if out == nil {
		out = []Week{}
	}
	return out
}
