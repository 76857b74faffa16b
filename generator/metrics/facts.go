package metrics

import (
	"time"

	"almanac/generator/site"
)

// deployment is what the keys need to know about one dated deployment,
// worked out once and then counted in the window and in the weekly trend.
type deployment struct {
	page *site.Page
	at   time.Time
	day  civil

	// reasons says why it failed; empty when it did not.
	reasons []Reason
	// recoveredAt and recoveredBy are set for a failed deployment with a
	// recovery moment after at; otherwise recoveryOut says why not.
	recoveredAt time.Time
	recoveredBy *Reason
	recoveryOut string

	leads     []float64  // lead times of its stories, hours, all > 0
	leadOut   []excluded // stories left out of lead time
	leadNotes []excluded // stories measured from merged_at
	leadFrom  []leadFrom // where each of leads was read, in the same order
}

func (d *deployment) failed() bool { return len(d.reasons) > 0 }

func (d *deployment) recoveryHours() *float64 {
	if d.recoveredAt.IsZero() {
		return nil
	}
	return ptr(hours(d.at, d.recoveredAt))
}

// collectDeployments returns the dated deployments of the site in its
// release order, and the deployed releases that have no released_at.
func collectDeployments(s *site.Site, cal calendar) (deps []*deployment, undated []*site.Page) {
	for _, p := range s.Releases {
		r := p.Release
		if r == nil || !r.Deployed() {
			continue
		}
		if r.ReleasedAt.IsZero() {
			undated = append(undated, p)
			continue
		}
		d := &deployment{page: p, at: r.ReleasedAt, day: cal.day(r.ReleasedAt)}
		d.reasons = failureReasons(p)
		if d.failed() {
			d.recoveredAt, d.recoveredBy, d.recoveryOut = recovery(p)
		}
		d.leadTimes()
		deps = append(deps, d)
	}
	return deps, undated
}

// failureReasons lists why a deployed release counts as failed: its own
// rollback, each distinct post-mortem naming it, each distinct hotfix.
func failureReasons(p *site.Page) []Reason {
	r := p.Release
	var out []Reason
	if r.Status == "rolled_back" || !r.RolledBackAt.IsZero() {
		out = append(out, Reason{Kind: ReasonRolledBack, Ref: r.Version, URL: p.URL})
	}
	for _, pm := range distinct(r.Incidents) {
		out = append(out, Reason{Kind: ReasonPostMortem, Ref: pm.ID(), URL: pm.URL})
	}
	for _, h := range distinct(r.Hotfixes) {
		out = append(out, Reason{Kind: ReasonHotfix, Ref: h.ID(), URL: h.URL})
	}
	return out
}

// recovery finds the earliest moment after released_at at which a failed
// release was recovered: its rollback, its first deployed hotfix, or the
// mitigation of a post-mortem naming it. On a tie the first of that order
// wins. Without one, it returns the exclusion code.
func recovery(p *site.Page) (time.Time, *Reason, string) {
	r := p.Release
	type moment struct {
		at time.Time
		by Reason
	}
	var cands []moment
	if !r.RolledBackAt.IsZero() {
		cands = append(cands, moment{r.RolledBackAt, Reason{Kind: ReasonRolledBack, Ref: r.Version, URL: p.URL}})
	}
	for _, h := range distinct(r.Hotfixes) {
		hr := h.Release
		if hr != nil && hr.Deployed() && !hr.ReleasedAt.IsZero() {
			cands = append(cands, moment{hr.ReleasedAt, Reason{Kind: ReasonHotfix, Ref: h.ID(), URL: h.URL}})
		}
	}
	for _, pm := range distinct(r.Incidents) {
		if m := pm.PostMortem; m != nil && !m.MitigatedAt.IsZero() {
			cands = append(cands, moment{m.MitigatedAt, Reason{Kind: ReasonPostMortem, Ref: pm.ID(), URL: pm.URL}})
		}
	}
	if len(cands) == 0 {
		return time.Time{}, nil, exNoRecovery
	}
	var best *moment
	for i := range cands {
		c := &cands[i]
		if !c.at.After(r.ReleasedAt) {
			continue
		}
		if best == nil || c.at.Before(best.at) {
			best = c
		}
	}
	if best == nil {
		return time.Time{}, nil, exRecoveryNotAfter
	}
	return best.at, &best.by, ""
}

// leadTimes measures each story the release shipped.
func (d *deployment) leadTimes() {
	for _, sp := range d.page.Release.Stories {
		st := sp.Story
		if st == nil {
			continue
		}
		start, fallback := st.FirstCommitAt, false
		if start.IsZero() {
			start, fallback = st.MergedAt, true
		}
		if start.IsZero() {
			d.leadOut = append(d.leadOut, excluded{exNoStart, sp.ID()})
			continue
		}
		h := hours(start, d.at)
		if h <= 0 {
			d.leadOut = append(d.leadOut, excluded{exLeadNotPositive, sp.ID()})
			continue
		}
		d.leads = append(d.leads, h)
		d.leadFrom = append(d.leadFrom, newLeadFrom(sp, fallback, start, h))
		if fallback {
			d.leadNotes = append(d.leadNotes, excluded{noteMergedAt, sp.ID()})
		}
	}
}

// incident is what time to restore needs to know about one post-mortem.
type incident struct {
	page    *site.Page
	at      time.Time // started_at, else the post-mortem's date; zero if neither
	restore *float64  // hours; nil when out says why
	out     string
}

// collectIncidents works out every post-mortem once.
func collectIncidents(s *site.Site) []*incident {
	out := make([]*incident, 0, len(s.PostMortems))
	for _, p := range s.PostMortems {
		pm := p.PostMortem
		if pm == nil {
			continue
		}
		in := &incident{page: p, at: pm.StartedAt}
		switch {
		case pm.StartedAt.IsZero():
			in.at, in.out = p.Date, exNoStartedAt
			if in.at.IsZero() {
				in.out = exUndated
			}
		case pm.MitigatedAt.IsZero():
			in.out = exNoMitigatedAt
		case !pm.MitigatedAt.After(pm.StartedAt):
			in.out = exRestoreNotPositive
		default:
			in.restore = ptr(hours(pm.StartedAt, pm.MitigatedAt))
		}
		out = append(out, in)
	}
	return out
}

// distinct drops repeated pages, keeping the first of each.
func distinct(ps []*site.Page) []*site.Page {
	if len(ps) < 2 {
		return ps
	}
	out := make([]*site.Page, 0, len(ps))
	seen := make(map[*site.Page]bool, len(ps))
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}
