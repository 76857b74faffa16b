package metrics

import (
	"slices"
	"sort"
	"strings"
	"time"

	"almanac/generator/site"
)

// Actions are the open post-mortem action items, grouped by owner.
type Actions struct {
	Open    int            `json:"open"`
	Overdue int            `json:"overdue"`
	Owners  []OwnerActions `json:"owners"`
}

// OwnerActions are one owner's open items, the earliest due first.
type OwnerActions struct {
	// Owner is the owner's name, or Unspecified.
	Owner   string       `json:"owner"`
	URL     string       `json:"url,omitempty"` // the person's page, when there is one
	Open    int          `json:"open"`
	Overdue int          `json:"overdue"`
	Items   []ActionItem `json:"items"`
}

// ActionItem is one open action item and where it comes from.
type ActionItem struct {
	PostMortem    string     `json:"postmortem"`
	PostMortemURL string     `json:"postmortem_url"`
	Index         int        `json:"index"` // in the post-mortem's action_items
	Title         string     `json:"title"`
	Type          string     `json:"type,omitempty"`
	Priority      string     `json:"priority,omitempty"`
	Status        string     `json:"status,omitempty"`
	Tracking      string     `json:"tracking,omitempty"`
	Due           *time.Time `json:"due"`
	Overdue       bool       `json:"overdue"`
}

func openActions(s *site.Site, cal calendar) Actions {
	urls := map[string]string{}
	for _, p := range s.People {
		urls[p.Name] = p.URL
	}
	byOwner := map[string]*OwnerActions{}
	var a Actions
	for _, p := range s.PostMortems {
		pm := p.PostMortem
		if pm == nil {
			continue
		}
		for i, it := range pm.ActionItems {
			if !it.Open() {
				continue
			}
			owner := strings.TrimSpace(it.Owner)
			if owner == "" {
				owner = Unspecified
			}
			o := byOwner[owner]
			if o == nil {
				o = &OwnerActions{Owner: owner, URL: urls[owner], Items: []ActionItem{}}
				byOwner[owner] = o
			}
			item := ActionItem{
				PostMortem: p.ID(), PostMortemURL: p.URL, Index: i,
				Title: it.Title, Type: it.Type, Priority: it.Priority, Status: it.Status, Tracking: it.Tracking,
				Overdue: it.Overdue(cal.now),
			}
			if !it.Due.IsZero() {
				item.Due = ptr(it.Due.In(cal.loc))
			}
			o.Items = append(o.Items, item)
			o.Open++
			a.Open++
			if item.Overdue {
				o.Overdue++
				a.Overdue++
			}
		}
	}
	a.Owners = make([]OwnerActions, 0, len(byOwner))
	for _, o := range byOwner {
		slices.SortStableFunc(o.Items, compareItems)
		a.Owners = append(a.Owners, *o)
	}
	sort.Slice(a.Owners, func(i, j int) bool {
		x, y := a.Owners[i].Owner, a.Owners[j].Owner
		if (x == Unspecified) != (y == Unspecified) {
			return y == Unspecified
		}
		return x < y
	})
	return a
}

// compareItems orders items by due date (none last), then post-mortem and
// position.
func compareItems(x, y ActionItem) int {
	switch {
	case x.Due == nil && y.Due != nil:
		return 1
	case x.Due != nil && y.Due == nil:
		return -1
	case x.Due != nil && !x.Due.Equal(*y.Due):
		return x.Due.Compare(*y.Due)
	case x.PostMortem != y.PostMortem:
		return strings.Compare(x.PostMortem, y.PostMortem)
	}
	return x.Index - y.Index
}

// VOCCounts counts stories by the source and the customer of their voice
// of the customer entries.
type VOCCounts struct {
	// Stories is how many stories have at least one entry; Entries how
	// many entries there are.
	Stories   int         `json:"stories"`
	Entries   int         `json:"entries"`
	Sources   []NameCount `json:"sources"`
	Customers []NameCount `json:"customers"`
}

// NameCount is how many stories (and entries) name one source or
// customer. A story with two entries from the same source counts once in
// Stories and twice in Entries.
type NameCount struct {
	Name    string `json:"name"`
	Stories int    `json:"stories"`
	Entries int    `json:"entries"`
}

func vocCounts(s *site.Site) VOCCounts {
	var v VOCCounts
	sources, customers := counter{}, counter{}
	for _, p := range s.Stories {
		if p.Story == nil || len(p.Story.VOC) == 0 {
			continue
		}
		v.Stories++
		seenS, seenC := map[string]bool{}, map[string]bool{}
		for _, e := range p.Story.VOC {
			v.Entries++
			sources.add(named(e.Source), seenS)
			customers.add(named(e.Customer), seenC)
		}
	}
	v.Sources, v.Customers = sources.sorted(), customers.sorted()
	return v
}

func named(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return Unspecified
	}
	return s
}

type counter map[string]*NameCount

// add counts one entry under name, and the story once.
func (c counter) add(name string, seen map[string]bool) {
	n := c[name]
	if n == nil {
		n = &NameCount{Name: name}
		c[name] = n
	}
	n.Entries++
	if !seen[name] {
		seen[name] = true
		n.Stories++
	}
}

// sorted returns the counts, most stories first, then by name.
func (c counter) sorted() []NameCount {
	out := make([]NameCount, 0, len(c))
	for _, n := range c {
		out = append(out, *n)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Stories != out[j].Stories {
			return out[i].Stories > out[j].Stories
		}
		return out[i].Name < out[j].Name
	})
	return out
}
