package report

import (
	"sort"
	"strings"
	"time"

	"almanac/generator/site"
)

// Ref points at a page.
type Ref struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

func refOf(p *site.Page) Ref { return Ref{ID: p.ID(), Title: p.Title, URL: p.URL} }

// Release is a release shipped in the period, or planned after it.
type Release struct {
	Ref
	Status string `json:"status"`
	Kind   string `json:"kind"`
	// Date is released_at for a deployment, planned_date otherwise.
	Date       time.Time       `json:"date"`
	Highlights []string        `json:"highlights"`
	Changelog  []CategoryCount `json:"changelog"`
	Stories    []Ref           `json:"stories"`
	// HotfixFor are the versions a hotfix fixes.
	HotfixFor []string `json:"hotfix_for,omitempty"`
	// Checks counts its release checks, the required ones it does not
	// list among the open.
	Checks CheckCounts `json:"checks"`
}

// CheckCounts counts a release's checks by where they stand.
type CheckCounts struct {
	Passed int `json:"passed"`
	Waived int `json:"waived"`
	// Open are pending, failed or required and missing.
	Open int `json:"open"`
}

// CategoryCount is the number of a release's stories in one changelog
// category; "" counts the stories that name none.
type CategoryCount struct {
	Category string `json:"category"`
	Count    int    `json:"count"`
}

func release(s *site.Site, p *site.Page, date time.Time, opt Options) Release {
	r := p.Release
	out := Release{Ref: refOf(p), Status: r.Status, Kind: r.ReleaseKind, Date: date,
		Highlights: []string{}, Changelog: []CategoryCount{}, Stories: []Ref{}, HotfixFor: r.HotfixFor}
	if opt.Highlights != nil {
		if h := opt.Highlights(p); h != nil {
			out.Highlights = h
		}
	}
	for _, c := range r.CheckList(s.Config.RequiredChecks) {
		switch {
		case c.Open():
			out.Checks.Open++
		case c.Status == "passed":
			out.Checks.Passed++
		case c.Status == "waived":
			out.Checks.Waived++
		}
	}
	if r.Status == "cancelled" {
		out.Checks.Open = 0
	}
	counts := map[string]int{}
	for _, sp := range r.Stories {
		out.Stories = append(out.Stories, refOf(sp))
		if sp.Story != nil {
			counts[sp.Story.Changelog]++
		}
	}
	for _, c := range append(append([]string{}, site.ChangelogCategories...), "") {
		if counts[c] > 0 {
			out.Changelog = append(out.Changelog, CategoryCount{Category: c, Count: counts[c]})
		}
	}
	return out
}

// shipped lists the deployments of the period, oldest first, with the
// rolled back ones and the hotfixes among them.
func shipped(s *site.Site, x *Index, p Period, opt Options) (rels []Release, rollbacks, hotfixes []Ref) {
	rels, rollbacks, hotfixes = []Release{}, []Ref{}, []Ref{}
	for _, d := range within(x.deployed, p.From, p.Until) {
		rp, r := d.p, d.p.Release
		rels = append(rels, release(s, rp, r.ReleasedAt, opt))
		if r.Status == "rolled_back" || !r.RolledBackAt.IsZero() {
			rollbacks = append(rollbacks, refOf(rp))
		}
		if r.ReleaseKind == "hotfix" || len(r.HotfixFor) > 0 {
			hotfixes = append(hotfixes, refOf(rp))
		}
	}
	return rels, rollbacks, hotfixes
}

// doneAt is when a done story was done: merged, else shipped; zero when
// neither is known or the story is not done.
func doneAt(p *site.Page) time.Time {
	st := p.Story
	if st == nil || st.Status != "done" {
		return time.Time{}
	}
	if !st.MergedAt.IsZero() {
		return st.MergedAt
	}
	if rp := st.ReleasePage; rp != nil && rp.Release != nil && rp.Release.Deployed() {
		return rp.Release.ReleasedAt
	}
	return time.Time{}
}

// VoiceGroup is the stories done that answer one source of customer
// voice. Source "" holds the stories that cite no customer.
type VoiceGroup struct {
	Source  string       `json:"source"`
	Stories []VoiceStory `json:"stories"`
}

// VoiceStory is a story done with the customers of one source.
type VoiceStory struct {
	Ref
	Customers []string `json:"customers"`
}

// done counts the stories done in the period and groups them by the
// sources of their customer voice: a story that cites two sources is in
// both groups. The biggest group comes first, the stories without a
// voice last.
func done(x *Index, p Period) (int, []VoiceGroup) {
	n := 0
	groups := map[string]*VoiceGroup{}
	var order []string
	for _, sp := range inSiteOrder(within(x.done, p.From, p.Until)) {
		n++
		bySource := map[string][]string{}
		var sources []string
		for _, v := range sp.Story.VOC {
			src := strings.TrimSpace(v.Source)
			if src == "" {
				src = "unspecified"
			}
			if _, ok := bySource[src]; !ok {
				sources = append(sources, src)
			}
			if c := strings.TrimSpace(v.Customer); c != "" && !contains(bySource[src], c) {
				bySource[src] = append(bySource[src], c)
			} else if bySource[src] == nil {
				bySource[src] = []string{}
			}
		}
		if len(sources) == 0 {
			sources = []string{""}
			bySource[""] = []string{}
		}
		for _, src := range sources {
			g := groups[src]
			if g == nil {
				g = &VoiceGroup{Source: src}
				groups[src] = g
				order = append(order, src)
			}
			g.Stories = append(g.Stories, VoiceStory{Ref: refOf(sp), Customers: bySource[src]})
		}
	}
	out := make([]VoiceGroup, 0, len(order))
	for _, src := range order {
		out = append(out, *groups[src])
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Source == "") != (b.Source == "") {
			return b.Source == ""
		}
		if len(a.Stories) != len(b.Stories) {
			return len(a.Stories) > len(b.Stories)
		}
		return a.Source < b.Source
	})
	return n, out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// next lists the releases that come after the period: not cancelled, not
// shipped by its end, planned (or shipped, for a period that is over)
// before the end of the next period, by date.
func next(s *site.Site, x *Index, p Period, now time.Time, opt Options) []Release {
	out := []Release{}
	for _, d := range within(x.scheduled, p.Until, p.Next(now).To) {
		out = append(out, release(s, d.p, d.at, opt))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// incidentAt is when an incident started: started_at, else the
// post-mortem's date.
func incidentAt(p *site.Page) time.Time {
	if pm := p.PostMortem; pm != nil && !pm.StartedAt.IsZero() {
		return pm.StartedAt
	}
	return p.Date
}

// SeverityGroup is the incidents of one severity; "" when none is given.
type SeverityGroup struct {
	Severity  string     `json:"severity"`
	Incidents []Incident `json:"incidents"`
}

// Incident is one post-mortem of the period.
type Incident struct {
	Ref
	Status    string    `json:"status"`
	StartedAt time.Time `json:"started_at"`
	// RestoreHours is mitigated_at − started_at; nil when either is
	// missing or it is not positive.
	RestoreHours *float64 `json:"restore_hours"`
}

// incidents groups the post-mortems that started in the period by
// severity, SEV1 first, each oldest first.
func incidents(x *Index, p Period) (int, []SeverityGroup) {
	by := map[string][]Incident{}
	n := 0
	for _, d := range within(x.incidents, p.From, p.Until) {
		pp, pm, at := d.p, d.p.PostMortem, d.at
		n++
		inc := Incident{Ref: refOf(pp), Status: pm.Status, StartedAt: at}
		if !pm.StartedAt.IsZero() && pm.MitigatedAt.After(pm.StartedAt) {
			h := pm.MitigatedAt.Sub(pm.StartedAt).Hours()
			inc.RestoreHours = &h
		}
		by[pm.Severity] = append(by[pm.Severity], inc)
	}
	out := []SeverityGroup{}
	for _, sev := range append(append([]string{}, site.Severities...), "") {
		if list := by[sev]; len(list) > 0 {
			sort.SliceStable(list, func(i, j int) bool { return list[i].StartedAt.Before(list[j].StartedAt) })
			out = append(out, SeverityGroup{Severity: sev, Incidents: list})
		}
	}
	return n, out
}

// Actions counts post-mortem action items. Items carry no date of their
// own: Opened are those of the period's post-mortems, Closed those of
// them done or dropped by now, Overdue the open items of any post-mortem
// whose due date fell in the period and has passed.
type Actions struct {
	Opened  int          `json:"opened"`
	Closed  int          `json:"closed"`
	Overdue int          `json:"overdue"`
	Items   []ActionItem `json:"overdue_items"`
}

// ActionItem is an overdue item with the post-mortem it comes from.
type ActionItem struct {
	Title      string    `json:"title"`
	Owner      string    `json:"owner"`
	Due        time.Time `json:"due"`
	PostMortem Ref       `json:"postmortem"`
}

// firstDue is the place of the first item due at or after from.
func firstDue(due []dueItem, from time.Time) int {
	return sort.Search(len(due), func(i int) bool { return !due[i].at.Before(from) })
}

func actions(x *Index, p Period, now time.Time) Actions {
	a := Actions{Items: []ActionItem{}}
	for _, d := range within(x.incidents, p.From, p.Until) {
		for _, it := range d.p.PostMortem.ActionItems {
			a.Opened++
			if !it.Open() {
				a.Closed++
			}
		}
	}
	for _, d := range x.due[firstDue(x.due, p.From):] {
		if !d.at.Before(p.Until) {
			break
		}
		if it := d.item; !it.Due.IsZero() && it.Overdue(now) {
			a.Overdue++
			a.Items = append(a.Items, ActionItem{Title: it.Title, Owner: it.Owner, Due: it.Due, PostMortem: refOf(d.pm)})
		}
	}
	sort.SliceStable(a.Items, func(i, j int) bool { return a.Items[i].Due.Before(a.Items[j].Due) })
	return a
}
