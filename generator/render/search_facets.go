package render

import (
	"cmp"
	"slices"
	"strconv"

	"almanac/generator/search"
	"almanac/generator/site"
)

// searchFacets are the filters of the results page, each value with its
// documents: kind, status, severity, tag, service, release and year, in
// the order the page lists them.
func (p *Prepared) searchFacets(st *searchState) []search.Facet {
	tr := p.env.tr
	loc := p.env.clk.loc
	type acc map[string][]int
	kinds, status, sev, tags, services, releases, years := acc{}, acc{}, acc{}, acc{}, acc{}, acc{}, acc{}
	add := func(a acc, n int, keys ...string) {
		for _, k := range keys {
			if k == "" {
				continue
			}
			if l := a[k]; len(l) == 0 || l[len(l)-1] != n { // one entry per document
				a[k] = append(l, n)
			}
		}
	}
	for n, pg := range st.pages {
		add(kinds, n, string(pg.Kind))
		add(tags, n, pg.Tags...)
		if !pg.Date.IsZero() {
			add(years, n, strconv.Itoa(pg.Date.In(loc).Year()))
		}
		switch {
		case pg.Story != nil:
			add(status, n, pg.Story.Status)
			add(releases, n, pg.Story.Release)
		case pg.Release != nil:
			add(status, n, pg.Release.Status)
			add(releases, n, pg.Release.Version)
		case pg.PostMortem != nil:
			pm := pg.PostMortem
			add(status, n, pm.Status)
			add(sev, n, pm.Severity)
			add(services, n, pm.Services...)
			add(releases, n, pm.Releases...)
		case pg.Decision != nil:
			add(status, n, pg.Decision.Status)
			add(releases, n, pg.Decision.Releases...)
		}
	}

	// values lists a facet's values in the given order, then any others
	// by name; label names each.
	values := func(a acc, order []string, label func(string) string) []search.FacetValue {
		var out []search.FacetValue
		seen := map[string]bool{}
		for _, k := range order {
			if docs, ok := a[k]; ok && !seen[k] {
				seen[k] = true
				out = append(out, search.FacetValue{Key: k, Label: label(k), Docs: docs})
			}
		}
		var rest []string
		for k := range a {
			if !seen[k] {
				rest = append(rest, k)
			}
		}
		slices.Sort(rest)
		for _, k := range rest {
			out = append(out, search.FacetValue{Key: k, Label: label(k), Docs: a[k]})
		}
		return out
	}
	same := func(k string) string { return k }
	byCount := func(a acc) []string {
		keys := make([]string, 0, len(a))
		for k := range a {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(x, y string) int {
			return cmp.Or(cmp.Compare(len(a[y]), len(a[x])), cmp.Compare(x, y))
		})
		return keys
	}

	kindOrder := make([]string, len(site.Kinds))
	for i, k := range site.Kinds {
		kindOrder[i] = string(k)
	}
	statusOrder := slices.Concat(site.StoryStatuses, site.ReleaseStatuses, site.PostMortemStatuses, site.DecisionStatuses)
	statusLabel := func(k string) string {
		for _, g := range []struct {
			group string
			list  []string
		}{{"status", site.StoryStatuses}, {"relstatus", site.ReleaseStatuses}, {"pmstatus", site.PostMortemStatuses},
			{"decstatus", site.DecisionStatuses}} {
			if slices.Contains(g.list, k) {
				return tr.label(g.group, k)
			}
		}
		return tr.label("status", k)
	}
	var relOrder []string
	for _, r := range p.s.Releases {
		if r.Release != nil {
			relOrder = append(relOrder, r.Release.Version)
		}
	}
	yearOrder := make([]string, 0, len(years))
	for y := range years {
		yearOrder = append(yearOrder, y)
	}
	slices.SortFunc(yearOrder, func(a, b string) int { return cmp.Compare(b, a) })

	return []search.Facet{
		{Name: "kind", Values: values(kinds, kindOrder, func(k string) string { return tr.T(kindNameKey(site.Kind(k))) })},
		{Name: "status", Values: values(status, statusOrder, statusLabel)},
		{Name: "severity", Values: values(sev, site.Severities, func(k string) string { return tr.label("severity", k) })},
		{Name: "tag", Values: values(tags, byCount(tags), same)},
		{Name: "service", Values: values(services, byCount(services), same)},
		{Name: "release", Values: values(releases, relOrder, same)},
		{Name: "year", Values: values(years, yearOrder, same)},
	}
}
