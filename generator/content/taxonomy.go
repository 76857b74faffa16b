package content

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"almanac/generator/site"
)

// taxonomies gathers tags, services and people.
func (l *linker) taxonomies() {
	s := l.s
	tags := newTerms("tags")
	for _, p := range s.Pages {
		for _, t := range p.Tags {
			tags.add(t, p)
		}
	}
	services := newTerms("services")
	for _, p := range s.PostMortems {
		for _, name := range p.PostMortem.Services {
			services.add(name, p)
		}
	}
	s.Tags, s.Services = tags.sorted(), services.sorted()
	s.People = l.people()
}

// terms collects the values of one taxonomy, one term per slug.
type terms struct {
	base   string
	bySlug map[string]*site.Term
}

func newTerms(base string) *terms { return &terms{base: base, bySlug: map[string]*site.Term{}} }

func (ts *terms) add(name string, p *site.Page) {
	slug := Slugify(name)
	if slug == "" {
		return
	}
	t, ok := ts.bySlug[slug]
	if !ok {
		t = &site.Term{Name: name, Slug: slug, URL: "/" + ts.base + "/" + slug + "/"}
		ts.bySlug[slug] = t
	}
	if !lastIs(t.Pages, p) { // pages come one at a time
		t.Pages = append(t.Pages, p)
	}
}

func (ts *terms) sorted() []*site.Term {
	out := make([]*site.Term, 0, len(ts.bySlug))
	for _, t := range ts.bySlug {
		sortTermPages(t.Pages)
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return nameLess(out[i].Name, out[i].Slug, out[j].Name, out[j].Slug) })
	return out
}

// nameLess orders names without regard to case, then by slug.
func nameLess(a, aslug, b, bslug string) bool {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	if la != lb {
		return la < lb
	}
	return aslug < bslug
}

// people gathers story owners, post-mortem authors, action item owners
// and deciders,
// with every declared person, and warns about undeclared names.
func (l *linker) people() []*site.Person {
	bySlug := map[string]*site.Person{}
	get := func(name string) *site.Person {
		slug := Slugify(name)
		if slug == "" {
			return nil
		}
		p, ok := bySlug[slug]
		if !ok {
			p = &site.Person{Name: name, Slug: slug, URL: "/people/" + slug + "/"}
			bySlug[slug] = p
		}
		return p
	}
	for _, name := range l.cfg.People {
		get(name)
	}
	named := func(page *site.Page, key, name string) *site.Person {
		if len(l.cfg.People) > 0 && !slices.Contains(l.cfg.People, name) {
			hint := suggest(name, l.cfg.People)
			if hint == "" {
				hint = "add them to people in almanac.toml"
			}
			l.diags.Add(site.Diagnostic{Pos: page.Pos(key), Severity: site.Warning, Hint: hint,
				Msg: fmt.Sprintf("%s: %q is not among the people of almanac.toml", key, name)})
		}
		return get(name)
	}
	for _, p := range l.s.Stories {
		if o := p.Story.Owner; o != "" {
			if person := named(p, "owner", o); person != nil {
				person.Stories = append(person.Stories, p)
			}
		}
	}
	for _, p := range l.s.PostMortems {
		for i, a := range p.PostMortem.Authors {
			if person := named(p, fmt.Sprintf("authors[%d]", i), a); person != nil && !lastIs(person.PostMortems, p) {
				person.PostMortems = append(person.PostMortems, p)
			}
		}
		for i, a := range p.PostMortem.ActionItems {
			if a.Owner == "" {
				continue
			}
			if person := named(p, fmt.Sprintf("action_items[%d].owner", i), a.Owner); person != nil {
				person.ActionItems = append(person.ActionItems, site.ActionRef{PostMortem: p, Index: i})
			}
		}
	}
	for _, p := range l.s.Decisions {
		for i, name := range p.Decision.Deciders {
			if person := named(p, fmt.Sprintf("deciders[%d]", i), name); person != nil && !lastIs(person.Decisions, p) {
				person.Decisions = append(person.Decisions, p)
			}
		}
	}
	out := make([]*site.Person, 0, len(bySlug))
	for _, p := range bySlug {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return nameLess(out[i].Name, out[i].Slug, out[j].Name, out[j].Slug) })
	return out
}

// lastIs reports whether p was the last page added to ps.
func lastIs(ps []*site.Page, p *site.Page) bool { return len(ps) > 0 && ps[len(ps)-1] == p }
