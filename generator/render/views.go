package render

import (
	"sort"

	"almanac/generator/site"
)

// Number of items the home page lists in each section.
const (
	homeReleases    = 5
	homePostMortems = 5
	homeActions     = 10
)

// views are the lists computed once per site and shared by every page, so
// that no page has to walk the whole site to show a summary.
type views struct {
	Board       []column
	Decisions   []column     // decisions by status, in status order; empty statuses left out
	Upcoming    []*site.Page // planned and frozen releases, soonest first
	Next        *site.Page   // the next planned release, if any
	Deployed    []*site.Page // released and rolled back, newest release first
	Latest      []*site.Page // the first few of Deployed
	RecentPMs   []*site.Page
	OpenActions []actionView // open items, overdue first, then by due date
	Overdue     int          // how many of OpenActions are overdue
	HomeActions []actionView // the first few of OpenActions, for the home page

	people   map[string]*site.Person
	tags     map[string]*site.Term
	services map[string]*site.Term
}

// column is one status of the story board, or of the decisions' list.
type column struct {
	Status  string
	Stories []*site.Page // the pages, of whichever kind
}

// boardCap is how many cards a column of the story board shows: the
// latest (the highest ids), so that the board does not grow with the site.
// The rest are counted and found through search or the table.
const boardCap = 20

// Latest are the cards the board shows of a column: its last boardCap
// stories, in id order.
func (c column) Latest() []*site.Page {
	return c.Stories[max(0, len(c.Stories)-boardCap):]
}

// Hidden is how many stories of the column the board leaves out.
func (c column) Hidden() int { return max(0, len(c.Stories)-boardCap) }

// decisionGroups are decisions by status, in status order, empty statuses
// left out.
func decisionGroups(list []*site.Page) []column {
	decided := map[string][]*site.Page{}
	for _, p := range list {
		if p.Decision != nil {
			decided[p.Decision.Status] = append(decided[p.Decision.Status], p)
		}
	}
	var out []column
	for _, st := range site.DecisionStatuses {
		if len(decided[st]) > 0 {
			out = append(out, column{Status: st, Stories: decided[st]})
		}
	}
	return out
}

// actionView is one action item with the post-mortem it comes from.
type actionView struct {
	PM      *site.Page
	Item    *site.ActionItem
	Overdue bool
}

func newViews(s *site.Site) *views {
	v := &views{
		people:   make(map[string]*site.Person, len(s.People)),
		tags:     make(map[string]*site.Term, len(s.Tags)),
		services: make(map[string]*site.Term, len(s.Services)),
	}
	for _, p := range s.People {
		v.people[p.Name] = p
	}
	for _, t := range s.Tags {
		v.tags[t.Name] = t
	}
	for _, t := range s.Services {
		v.services[t.Name] = t
	}

	byStatus := map[string][]*site.Page{}
	for _, p := range s.Stories {
		if p.Story != nil {
			byStatus[p.Story.Status] = append(byStatus[p.Story.Status], p)
		}
	}
	for _, st := range site.StoryStatuses {
		v.Board = append(v.Board, column{Status: st, Stories: byStatus[st]})
	}
	v.Decisions = decisionGroups(s.Decisions)

	for _, p := range s.Releases {
		r := p.Release
		if r == nil {
			continue
		}
		switch {
		case r.Status == "planned" || r.Status == "frozen":
			v.Upcoming = append(v.Upcoming, p)
		case r.Deployed():
			v.Deployed = append(v.Deployed, p)
		}
	}
	sort.SliceStable(v.Upcoming, func(i, j int) bool {
		a, b := v.Upcoming[i].Release.PlannedDate, v.Upcoming[j].Release.PlannedDate
		if a.IsZero() != b.IsZero() {
			return !a.IsZero() // undated plans last
		}
		return a.Before(b)
	})
	for _, p := range v.Upcoming {
		if !p.Release.PlannedDate.IsZero() {
			v.Next = p
			break
		}
	}
	sort.SliceStable(v.Deployed, func(i, j int) bool {
		return v.Deployed[i].Release.ReleasedAt.After(v.Deployed[j].Release.ReleasedAt)
	})
	v.Latest = v.Deployed[:min(homeReleases, len(v.Deployed))]
	v.RecentPMs = s.PostMortems[:min(homePostMortems, len(s.PostMortems))]

	for _, p := range s.PostMortems {
		if p.PostMortem == nil {
			continue
		}
		for i := range p.PostMortem.ActionItems {
			it := &p.PostMortem.ActionItems[i]
			if it.Open() {
				v.OpenActions = append(v.OpenActions, actionView{PM: p, Item: it, Overdue: it.Overdue(s.Now)})
			}
		}
	}
	sortActions(v.OpenActions)
	v.HomeActions = v.OpenActions[:min(homeActions, len(v.OpenActions))]
	for _, a := range v.OpenActions {
		if a.Overdue {
			v.Overdue++
		}
	}
	return v
}

// sortActions puts overdue items first, then items by due date (undated
// last), keeping the post-mortem order otherwise.
func sortActions(list []actionView) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.Overdue != b.Overdue {
			return a.Overdue
		}
		if a.Item.Due.IsZero() != b.Item.Due.IsZero() {
			return !a.Item.Due.IsZero()
		}
		return a.Item.Due.Before(b.Item.Due)
	})
}

// personActions are a person's action items in the same order as the home
// page lists them, done ones last.
func personActions(p *site.Person, s *site.Site) []actionView {
	var open, closed []actionView
	for _, ref := range p.ActionItems {
		if ref.PostMortem == nil || ref.PostMortem.PostMortem == nil {
			continue
		}
		it := ref.Item()
		av := actionView{PM: ref.PostMortem, Item: it, Overdue: it.Overdue(s.Now)}
		if it.Open() {
			open = append(open, av)
		} else {
			closed = append(closed, av)
		}
	}
	sortActions(open)
	return append(open, closed...)
}
