package render

import (
	"bytes"
	"slices"
	"strings"

	"almanac/generator/site"
)

// Jobs lists every output file of the site, in a fixed order: generated
// lists, content pages, folders, terms and people, 404, the extensions'
// files (feeds, search, metrics, calendar; the search index's last),
// static files. When two jobs would write the same file, the first one
// wins. A preview server renders them again by their sources.
func (p *Prepared) Jobs() []Job {
	return dedupe(append(p.siteJobs(), p.IndexJobs()...))
}

// siteJobs are the core's jobs and the extensions', less what finishers
// make once every page is rendered.
func (p *Prepared) siteJobs() []Job { return p.siteJobsWith(true) }

// siteJobsWith is siteJobs, without the content pages' own jobs unless
// pages is set (their names are the same either way: each is its page's).
func (p *Prepared) siteJobsWith(pages bool) []Job {
	s := p.s
	var jobs []Job
	var extra []Job // the extensions'
	for _, x := range p.exts {
		extra = append(extra, x.jobs()...)
	}
	theirs := make(map[string]bool, len(extra))
	for _, j := range extra {
		theirs[j.Name] = true
	}
	jobs = append(jobs, p.homeJob())
	for _, k := range site.TypedKinds() {
		if !theirs[site.OutputFile(k.ListURL)] { // metrics makes its own list
			jobs = append(jobs, p.sectionJobs(k, s.OfKind(k.Name))...)
		}
	}
	for _, pg := range s.Pages {
		if pg == s.Home || !pages {
			continue
		}
		jobs = append(jobs, p.PageJobs(pg)...)
	}
	jobs = append(jobs, p.folderJobs()...)
	jobs = append(jobs, p.termJobs("tags", s.Tags)...)
	jobs = append(jobs, p.termJobs("services", s.Services)...)
	jobs = append(jobs, p.peopleJobs()...)
	jobs = append(jobs, p.notFoundJob())
	jobs = append(jobs, extra...)
	jobs = append(jobs, p.staticJobs()...)
	return jobs
}

// dedupe keeps the first job of each name.
func dedupe(jobs []Job) []Job {
	seen := make(map[string]bool, len(jobs))
	out := jobs[:0]
	for _, j := range jobs {
		if !seen[j.Name] {
			seen[j.Name] = true
			out = append(out, j)
		}
	}
	return out
}

// data starts the template data of one output.
func (p *Prepared) data(layout, url, title string) *Data {
	return &Data{
		Site:   p.s,
		Layout: layout,
		Title:  title,
		URL:    url,
		V:      p.env.views,
		Lang:   p.lang(),
		CSS:    "/" + p.css.Name,
		JS:     "/" + siteJS,
		Now:    p.s.Now,
	}
}

// lang is the content's language for <html lang>: the configured one,
// even when the theme has no table for it and speaks English.
func (p *Prepared) lang() string {
	if l := p.s.Config.Language; l != "" {
		return l
	}
	return p.env.tr.lang
}

// pageJob renders d into the file for its URL.
func (p *Prepared) pageJob(d *Data, source string, sources []string) Job {
	return Job{Name: site.OutputFile(d.URL), Sources: sources, layout: d.Layout, make: func(b *bytes.Buffer) error {
		return p.execute(b, d, source)
	}}
}

// PageJobs are the files one content page makes: the page itself and a
// redirect at each of its aliases.
func (p *Prepared) PageJobs(pg *site.Page) []Job {
	d := p.data(layoutOf(pg.Kind), pg.URL, pg.Title)
	d.Page = pg
	d.Desc = pg.Description
	d.Lastmod = pg.Lastmod
	var sources []string
	if k, ok := site.KindByName(string(pg.Kind)); ok {
		d.Section = k.Folder
		d.Crumbs = []Crumb{{Name: p.env.tr.T(k.NavKey), URL: k.ListURL}, {Name: pg.ID()}}
	}
	sources = append(sources, pg.Source)
	sources = appendSources(sources, pg.Shown()...)
	var jobs []Job
	if !p.claimed(pg) { // a report's narrative is shown by the report
		jobs = append(jobs, p.pageJob(d, pg.Source, sources))
	}
	for _, a := range pg.Aliases {
		jobs = append(jobs, p.aliasJob(a, pg))
	}
	return jobs
}

// pageJobNames calls name with the name of each job PageJobs gives, in
// the same order, without making the jobs.
func (p *Prepared) pageJobNames(pg *site.Page, name func(string)) {
	if !p.claimed(pg) {
		name(site.OutputFile(pg.URL))
	}
	for _, a := range pg.Aliases {
		name(aliasName(a))
	}
}

func appendSources(list []string, pages ...*site.Page) []string {
	for _, pg := range pages {
		if pg != nil && pg.Source != "" {
			list = append(list, pg.Source)
		}
	}
	return list
}

func (p *Prepared) homeJob() Job {
	s := p.s
	d := p.data("home.html", "/", s.Config.Title)
	var sources []string
	if s.Home != nil {
		d.Page = s.Home
		d.Desc = s.Home.Description
		d.Lastmod = s.Home.Lastmod
		sources = append(sources, s.Home.Source)
	}
	v := p.env.views
	sources = appendSources(sources, v.Upcoming...)
	sources = appendSources(sources, v.Latest...)
	sources = appendSources(sources, s.PostMortems...)
	for _, x := range p.exts {
		if h, ok := x.(homeSource); ok {
			sources = append(sources, h.homeSources()...) // the four keys' tiles
		}
	}
	return p.pageJob(d, "", sources)
}

// sectionJobs make a kind's list, one page per page size of its pages.
// The first page also shows summaries of the whole kind (the story board,
// the upcoming releases), so it names every page of the kind among its
// sources; the others name the pages they list.
func (p *Prepared) sectionJobs(k site.KindInfo, pages []*site.Page) []Job {
	title := p.env.tr.T(k.NavKey)
	start := func() *Data {
		d := p.data(k.ListLayout, k.ListURL, title)
		d.Section = k.Folder
		return d
	}
	return pagedJobs(p, k.ListURL, pages, start, func(d *Data, n int, share []*site.Page) []string {
		d.Items = share
		if k.Name == site.KindDecision {
			d.Groups = decisionGroups(share)
		}
		if n == 1 {
			return appendSources(nil, pages...)
		}
		return appendSources(nil, share...)
	})
}

// termJobs make the index of a taxonomy and the pages of each term.
func (p *Prepared) termJobs(kind string, terms []*site.Term) []Job {
	title := p.env.tr.T("terms." + kind)
	idx := p.data("terms.html", "/"+kind+"/", title)
	idx.TermKind = kind
	var all []string
	for _, t := range terms {
		idx.Terms = append(idx.Terms, TermItem{Name: t.Name, URL: t.URL, Count: len(t.Pages)})
		all = appendSources(all, t.Pages...)
	}
	jobs := []Job{p.pageJob(idx, "", all)}
	for _, t := range terms {
		if t.URL == "" {
			continue
		}
		start := func() *Data {
			d := p.data("term.html", t.URL, t.Name)
			d.Term, d.TermKind = t, kind
			d.Crumbs = []Crumb{{Name: title, URL: "/" + kind + "/"}, {Name: t.Name}}
			return d
		}
		jobs = append(jobs, pagedJobs(p, t.URL, t.Pages, start, func(d *Data, _ int, share []*site.Page) []string {
			d.Items = share
			return appendSources(nil, share...)
		})...)
	}
	return jobs
}

// peopleJobs make the list of people and the pages of each.
func (p *Prepared) peopleJobs() []Job {
	title := p.env.tr.T("terms.people")
	idx := p.data("terms.html", "/people/", title)
	idx.TermKind = "people"
	var all []string
	for _, per := range p.s.People {
		n := len(per.Stories) + len(per.PostMortems) + len(per.ActionItems) + len(per.Decisions)
		idx.Terms = append(idx.Terms, TermItem{Name: per.Name, URL: per.URL, Count: n})
		all = appendSources(all, per.Stories...)
		all = appendSources(all, per.PostMortems...)
		all = appendSources(all, per.Decisions...) // counted too
		for _, a := range per.ActionItems {
			all = appendSources(all, a.PostMortem)
		}
	}
	jobs := []Job{p.pageJob(idx, "", all)}
	for _, per := range p.s.People {
		if per.URL != "" {
			jobs = append(jobs, p.personJobs(per, title)...)
		}
	}
	return jobs
}

// personJobs make a person's pages. The page shows four lists (stories,
// post-mortems, action items, decisions); page n shows the nth share of
// each, so the person has as many pages as the longest list needs.
func (p *Prepared) personJobs(per *site.Person, title string) []Job {
	size := p.s.Config.PageSize()
	actions := personActions(per, p.s)
	count := max(pageCount(len(per.Stories), size), pageCount(len(per.PostMortems), size),
		pageCount(len(actions), size), pageCount(len(per.Decisions), size))
	jobs := make([]Job, 0, count)
	for n := 1; n <= count; n++ {
		d := p.data("person.html", pageURL(per.URL, n), per.Name)
		if n > 1 {
			d.Title = p.env.tr.T("paging.title", per.Name, n)
		}
		d.Person, d.TermKind = per, "people"
		d.Crumbs = []Crumb{{Name: title, URL: "/people/"}, {Name: per.Name}}
		d.Pager = newPager(per.URL, n, count, size, 0)
		own := PersonItems{
			Stories:     chunk(per.Stories, n, size),
			PostMortems: chunk(per.PostMortems, n, size),
			Decisions:   chunk(per.Decisions, n, size),
			ActionCount: len(actions),
		}
		d.Actions = chunk(actions, n, size)
		d.Own = &own
		src := appendSources(nil, own.Stories...)
		src = appendSources(src, own.PostMortems...)
		src = appendSources(src, own.Decisions...)
		for _, a := range d.Actions {
			src = appendSources(src, a.PM)
		}
		if count > 1 { // each page shows how long each whole list is
			src = append(src, lengthSource(len(per.Stories), len(per.PostMortems), len(actions), len(per.Decisions)))
		}
		jobs = append(jobs, p.pageJob(d, "", src))
	}
	return jobs
}

// folderJobs make the listing pages of content folders that have no page
// of their own (see site.Page.Folder), by URL.
func (p *Prepared) folderJobs() []Job {
	var folders []*site.Page
	for _, pg := range p.s.ByURL {
		if pg.Folder != nil {
			folders = append(folders, pg)
		}
	}
	slices.SortFunc(folders, func(a, b *site.Page) int { return strings.Compare(a.URL, b.URL) })
	jobs := make([]Job, 0, len(folders))
	for _, pg := range folders {
		f := pg.Folder
		d := p.data("folder.html", pg.URL, pg.Title)
		d.Page = pg
		for _, up := range f.Parents {
			d.Crumbs = append(d.Crumbs, Crumb{Name: up.Title, URL: up.URL})
		}
		d.Crumbs = append(d.Crumbs, Crumb{Name: pg.Title})
		src := appendSources(nil, f.Pages...)
		src = appendSources(src, f.Folders...)
		src = appendSources(src, f.Parents...)
		jobs = append(jobs, p.pageJob(d, "", src))
	}
	return jobs
}

func (p *Prepared) notFoundJob() Job {
	d := p.data("404.html", "/404.html", p.env.tr.T("notfound.title"))
	return p.pageJob(d, "", nil)
}
