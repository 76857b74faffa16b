package report

import (
	"slices"
	"sort"
	"time"

	"almanac/generator/site"
)

// Index holds a site's dated facts sorted by date, so that a period's
// report reads only the pages of its period: a build makes a report for
// every month and quarter the content spans, and reading every page for
// each made the reports grow with the square of the site (28 s of a
// 100,000-page build; 0.2 s at 20,000 pages). Ties keep the site's order,
// so a range of an index lists what filtering the site's lists did.
type Index struct {
	deployed  []dated // releases shipped, by released_at
	scheduled []dated // releases not cancelled, by released_at or planned_date
	done      []dated // stories done, by doneAt
	incidents []dated // post-mortems, by incidentAt
	due       []dueItem
	decisions []dated // decisions made (not proposed), by date
}

// dated is a page at the moment that counts for it; n is its place in
// the site's list, for the sections that keep that order.
type dated struct {
	at time.Time
	p  *site.Page
	n  int
}

// dueItem is an action item by its due date.
type dueItem struct {
	at   time.Time
	pm   *site.Page
	item site.ActionItem
}

// NewIndex sorts a site's facts by date, once for every report.
func NewIndex(s *site.Site) *Index {
	x := &Index{}
	for i, rp := range s.Releases {
		r := rp.Release
		if r == nil {
			continue
		}
		if r.Deployed() {
			x.deployed = append(x.deployed, dated{r.ReleasedAt, rp, i})
		}
		if r.Status != "cancelled" {
			date := r.PlannedDate
			if r.Deployed() {
				date = r.ReleasedAt
			}
			x.scheduled = append(x.scheduled, dated{date, rp, i})
		}
	}
	for i, sp := range s.Stories {
		if t := doneAt(sp); !t.IsZero() {
			x.done = append(x.done, dated{t, sp, i})
		}
	}
	for i, pp := range s.PostMortems {
		pm := pp.PostMortem
		if pm == nil {
			continue
		}
		x.incidents = append(x.incidents, dated{incidentAt(pp), pp, i})
		for _, it := range pm.ActionItems {
			x.due = append(x.due, dueItem{it.Due, pp, it})
		}
	}
	for i, dp := range decisionPages(s) {
		x.decisions = append(x.decisions, dated{dp.Date, dp, i})
	}
	for _, list := range [][]dated{x.deployed, x.scheduled, x.done, x.incidents, x.decisions} {
		sort.SliceStable(list, func(i, j int) bool { return list[i].at.Before(list[j].at) })
	}
	sort.SliceStable(x.due, func(i, j int) bool { return x.due[i].at.Before(x.due[j].at) })
	return x
}

// within returns the part of a list sorted by date that falls in
// [from, to), zero times left out.
func within(list []dated, from, to time.Time) []dated {
	lo := sort.Search(len(list), func(i int) bool { return !list[i].at.Before(from) })
	hi := sort.Search(len(list), func(i int) bool { return !list[i].at.Before(to) })
	out := list[lo:max(lo, hi)]
	for len(out) > 0 && out[0].at.IsZero() {
		out = out[1:]
	}
	return out
}

// inSiteOrder returns the pages of a range in the order of the site's
// list.
func inSiteOrder(list []dated) []*site.Page {
	sorted := slices.Clone(list)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].n < sorted[j].n })
	out := make([]*site.Page, len(sorted))
	for i, d := range sorted {
		out[i] = d.p
	}
	return out
}
