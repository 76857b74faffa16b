package render

import (
	"path"
	"sort"
	"strings"
	"testing/fstest"
	"time"

	"almanac/generator/site"
)

// The fixture is a small team site built by hand, the way the loader will
// build one: pages with their front matter decoded and bodies rendered,
// then cross references, people and terms linked.

var seoul = time.FixedZone("Asia/Seoul", 9*3600)

// day is midnight of a date in the site's time zone.
func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, seoul)
	if err != nil {
		panic(err)
	}
	return t
}

// at is a time in the site's time zone.
func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, seoul)
	if err != nil {
		panic(err)
	}
	return t
}

// rendered fakes the markdown stage for a body given as HTML.
func rendered(html string, toc ...site.Heading) *site.Rendered {
	plain := html
	for strings.Contains(plain, "<") {
		i := strings.Index(plain, "<")
		j := strings.Index(plain[i:], ">")
		if j < 0 {
			break
		}
		plain = plain[:i] + " " + plain[i+j+1:]
	}
	plain = strings.Join(strings.Fields(plain), " ")
	return &site.Rendered{HTML: html, TOC: toc, Plain: plain, Words: len(strings.Fields(plain))}
}

func storyPage(slug, title string, s site.Story, body string) *site.Page {
	return &site.Page{
		Kind: site.KindStory, Source: "content/stories/" + slug + ".md", Slug: slug,
		URL: "/stories/" + slug + "/", Title: title, Date: s.Created, Story: &s,
		Rendered: rendered(body),
	}
}

func releasePage(title string, r site.Release, body string) *site.Page {
	d := r.ReleasedAt
	if d.IsZero() {
		d = r.PlannedDate
	}
	return &site.Page{
		Kind: site.KindRelease, Source: "content/releases/" + r.Version + ".md", Slug: r.Version,
		URL: "/releases/" + r.Version + "/", Title: title, Date: d, Release: &r,
		Rendered: rendered(body),
	}
}

func pmPage(slug, title string, date time.Time, m site.PostMortem, body string) *site.Page {
	return &site.Page{
		Kind: site.KindPostMortem, Source: "content/postmortems/" + slug + ".md", Slug: slug,
		URL: "/postmortems/" + slug + "/", Title: title, Date: date, PostMortem: &m,
		Rendered: rendered(body),
	}
}

func plainPage(rel, title, body string, toc ...site.Heading) *site.Page {
	slug := strings.TrimSuffix(path.Base(rel), ".md")
	url := "/" + strings.TrimSuffix(rel, ".md") + "/"
	return &site.Page{
		Kind: site.KindPage, Source: "content/" + rel, Slug: slug, URL: url, Title: title,
		Rendered: rendered(body, toc...),
	}
}

func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r > 127:
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// link fills the Site's indexes and cross references from its pages, as
// the loader does.
func link(s *site.Site) {
	s.ByURL = map[string]*site.Page{}
	s.ByID = map[string]*site.Page{}
	s.ByVersion = map[string]*site.Page{}
	all := append(append(append(append([]*site.Page{}, s.Stories...), s.Releases...), s.PostMortems...), s.Plain...)
	if s.Home != nil {
		all = append(all, s.Home)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Source < all[j].Source })
	s.Pages = all
	for _, p := range all {
		s.ByURL[p.URL] = p
		switch {
		case p.Story != nil:
			s.ByID[p.Story.ID] = p
		case p.PostMortem != nil:
			s.ByID[p.PostMortem.ID] = p
		case p.Release != nil:
			s.ByVersion[p.Release.Version] = p
		}
	}
	for _, p := range s.Stories {
		if r := s.ByVersion[p.Story.Release]; r != nil {
			p.Story.ReleasePage = r
			r.Release.Stories = append(r.Release.Stories, p)
		}
	}
	for _, p := range s.Releases {
		for _, v := range p.Release.HotfixFor {
			if r := s.ByVersion[v]; r != nil {
				p.Release.FixesFor = append(p.Release.FixesFor, r)
				r.Release.Hotfixes = append(r.Release.Hotfixes, p)
			}
		}
	}
	for _, p := range s.PostMortems {
		for _, v := range p.PostMortem.Releases {
			if r := s.ByVersion[v]; r != nil {
				p.PostMortem.ReleasePages = append(p.PostMortem.ReleasePages, r)
				r.Release.Incidents = append(r.Release.Incidents, p)
			}
		}
	}

	people := map[string]*site.Person{}
	person := func(name string) *site.Person {
		if people[name] == nil {
			slug := slugify(name)
			people[name] = &site.Person{Name: name, Slug: slug, URL: "/people/" + slug + "/"}
		}
		return people[name]
	}
	for _, p := range s.Stories {
		if p.Story.Owner != "" {
			per := person(p.Story.Owner)
			per.Stories = append(per.Stories, p)
		}
	}
	for _, p := range s.PostMortems {
		for _, a := range p.PostMortem.Authors {
			per := person(a)
			per.PostMortems = append(per.PostMortems, p)
		}
		for i, it := range p.PostMortem.ActionItems {
			if it.Owner != "" {
				per := person(it.Owner)
				per.ActionItems = append(per.ActionItems, site.ActionRef{PostMortem: p, Index: i})
			}
		}
	}
	s.People = nil
	for _, per := range people {
		s.People = append(s.People, per)
	}
	sort.Slice(s.People, func(i, j int) bool { return s.People[i].Name < s.People[j].Name })

	s.Tags = terms("tags", all, func(p *site.Page) []string { return p.Tags })
	s.Services = terms("services", all, func(p *site.Page) []string {
		if p.PostMortem != nil {
			return p.PostMortem.Services
		}
		return nil
	})
}

func terms(kind string, pages []*site.Page, names func(*site.Page) []string) []*site.Term {
	by := map[string]*site.Term{}
	for _, p := range pages {
		for _, n := range names(p) {
			if by[n] == nil {
				by[n] = &site.Term{Name: n, Slug: slugify(n), URL: "/" + kind + "/" + slugify(n) + "/"}
			}
			by[n].Pages = append(by[n].Pages, p)
		}
	}
	var out []*site.Term
	for _, t := range by {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// siteFS is the site root the fixture's assets are read from.
func siteFS() fstest.MapFS {
	return fstest.MapFS{
		"content/images/deploy-flow.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="480" height="80" viewBox="0 0 480 80" font-family="sans-serif" font-size="14">
<rect x="1" y="20" width="120" height="40" rx="6" fill="#ddf4ff" stroke="#0550ae"/><text x="61" y="45" text-anchor="middle">merge</text>
<rect x="180" y="20" width="120" height="40" rx="6" fill="#ddf4ff" stroke="#0550ae"/><text x="240" y="45" text-anchor="middle">staging</text>
<rect x="359" y="20" width="120" height="40" rx="6" fill="#dafbe1" stroke="#116329"/><text x="419" y="45" text-anchor="middle">production</text>
<path d="M121 40h59M300 40h59" stroke="#57606a" stroke-width="2"/>
</svg>`)},
	}
}
