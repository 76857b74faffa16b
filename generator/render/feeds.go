package render

import (
	"bytes"
	"encoding/xml"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"time"

	"almanac/generator/site"
)

// feedsExt is the feeds extension: the Atom feed, the sitemap and, unless
// the site has its own, robots.txt.
type feedsExt struct{ p *Prepared }

func (x *feedsExt) funcs() template.FuncMap { return nil }

func (x *feedsExt) jobs() []Job {
	p := x.p
	jobs := append([]Job{p.feedJob()}, p.sitemapJobs()...)
	if !p.hasStatic("robots.txt") {
		jobs = append(jobs, p.robotsJob())
	}
	return jobs
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title     string       `xml:"title"`
	ID        string       `xml:"id"`
	Link      atomLink     `xml:"link"`
	Published string       `xml:"published,omitempty"`
	Updated   string       `xml:"updated"`
	Category  atomCategory `xml:"category"`
	Summary   string       `xml:"summary,omitempty"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// feedItem is a release or post-mortem with the instant the feed dates it.
type feedItem struct {
	page *site.Page
	at   time.Time // when it happened: released_at, or the incident's date
	upd  time.Time // when it last changed: lastmod when later, else at
}

// feedItems are the deployed releases and the post-mortems, newest first,
// the URL breaking ties, at most the configured number ([feeds]
// atom_entries, 50 by default: what feed readers expect to page through).
func (p *Prepared) feedItems() []feedItem {
	var items []feedItem
	add := func(pg *site.Page, at time.Time) {
		if at.IsZero() {
			return
		}
		upd := at
		if pg.Lastmod.After(upd) {
			upd = pg.Lastmod
		}
		items = append(items, feedItem{page: pg, at: at, upd: upd})
	}
	for _, pg := range p.env.views.Deployed {
		add(pg, pg.Release.ReleasedAt)
	}
	for _, pg := range p.s.PostMortems {
		at := pg.Date
		if pg.PostMortem != nil && !pg.PostMortem.StartedAt.IsZero() {
			at = pg.PostMortem.StartedAt
		}
		add(pg, at)
	}
	sort.SliceStable(items, func(i, j int) bool {
		if !items[i].at.Equal(items[j].at) {
			return items[i].at.After(items[j].at)
		}
		return items[i].page.URL < items[j].page.URL
	})
	return items[:min(p.s.Config.Entries(), len(items))]
}

// feedJob writes the Atom feed /index.xml. Its ids are the entries'
// absolute URLs and its updated time is the newest entry's, so the same
// site always gives the same bytes.
func (p *Prepared) feedJob() Job {
	items := p.feedItems()
	return Job{Name: "index.xml", Sources: feedSources(items), make: func(b *bytes.Buffer) error {
		e, s := p.env, p.s
		f := atomFeed{
			Lang:   p.lang(),
			Title:  s.Config.Title,
			ID:     e.u.abs("/"),
			Links:  []atomLink{{Href: e.u.abs("/index.xml"), Rel: "self", Type: "application/atom+xml"}, {Href: e.u.abs("/")}},
			Author: atomAuthor{Name: s.Config.Title},
		}
		var newest time.Time
		for _, it := range items {
			if it.upd.After(newest) {
				newest = it.upd
			}
			f.Entries = append(f.Entries, p.feedEntry(it))
		}
		if newest.IsZero() {
			newest = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		f.Updated = newest.UTC().Format(time.RFC3339)
		b.WriteString(xml.Header)
		enc := xml.NewEncoder(b)
		enc.Indent("", "  ")
		if err := enc.Encode(f); err != nil {
			return err
		}
		b.WriteByte('\n')
		return nil
	}}
}

func (p *Prepared) feedEntry(it feedItem) atomEntry {
	e, pg := p.env, it.page
	var title, cat, summary string
	switch {
	case pg.Release != nil:
		cat = "release"
		title = e.tr.T("feed.release", pg.Release.Version)
		if pg.Title != "" && pg.Title != pg.Release.Version {
			title += " — " + pg.Title
		}
		summary = pg.Description
	case pg.PostMortem != nil:
		cat = "postmortem"
		title = pg.ID() + " " + pg.Title
		summary = pg.PostMortem.Summary
	}
	if summary == "" && pg.Rendered != nil {
		summary = excerpt(pg.Rendered.Plain, SummaryRunes)
	}
	return atomEntry{
		Title:     title,
		ID:        e.u.abs(pg.URL),
		Link:      atomLink{Href: e.u.abs(pg.URL)},
		Published: it.at.UTC().Format(time.RFC3339),
		Updated:   it.upd.UTC().Format(time.RFC3339),
		Category:  atomCategory{Term: cat},
		Summary:   summary,
	}
}

func feedSources(items []feedItem) []string {
	var src []string
	for _, it := range items {
		src = appendSources(src, it.page)
	}
	return src
}

// SummaryRunes is how long a summary cut from a page's text may be, in
// characters once runs of white space count as one: what a build must
// keep of a page's text after writing it (see excerpt).
const SummaryRunes = 280

// Excerpt is the summary a feed cuts from a page's text.
func Excerpt(text string) string { return excerpt(text, SummaryRunes) }

// excerpt cuts text at a word boundary near n runes.
func excerpt(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

// sitemapLimit is how many URLs one sitemap file holds: the protocol's
// limit. A site with more gets a sitemap index at sitemap.xml pointing
// to sitemap-1.xml, sitemap-2.xml … of at most that many each. A variable
// so that a test can make a small site split.
var sitemapLimit = 50000

// sitemapJobs list every page's absolute URL, with its lastmod when known:
// in sitemap.xml, or, past sitemapLimit URLs, in numbered sitemaps that
// sitemap.xml indexes.
func (p *Prepared) sitemapJobs() []Job {
	s, e := p.s, p.env
	type entry struct {
		url     string
		lastmod time.Time
	}
	entries := []entry{{url: "/"}}
	for _, k := range site.TypedKinds() {
		entries = append(entries, entry{url: k.ListURL})
	}
	for _, u := range []string{"/actions/", "/calendar/", "/tags/", "/services/", "/people/"} {
		entries = append(entries, entry{url: u})
	}
	for _, u := range p.reportURLs() {
		entries = append(entries, entry{url: u})
	}
	if s.Home != nil {
		entries[0].lastmod = s.Home.Lastmod
	}
	var src []string
	for _, pg := range s.Pages {
		if pg == s.Home || pg.URL == "" {
			continue
		}
		entries = append(entries, entry{url: pg.URL, lastmod: pg.Lastmod})
		src = appendSources(src, pg)
	}
	for _, terms := range [][]*site.Term{s.Tags, s.Services} {
		for _, t := range terms {
			entries = append(entries, entry{url: t.URL})
		}
	}
	for _, per := range s.People {
		entries = append(entries, entry{url: per.URL})
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].url < entries[j].url })
	var urls []sitemapURL
	for i, en := range entries {
		if en.url == "" || (i > 0 && entries[i-1].url == en.url) {
			continue
		}
		urls = append(urls, sitemapURL{Loc: e.u.abs(en.url), Lastmod: e.clk.date(en.lastmod)})
	}
	limit := max(1, sitemapLimit)
	if len(urls) <= limit {
		return []Job{{Name: "sitemap.xml", Sources: src, make: func(b *bytes.Buffer) error {
			return writeXML(b, urlset{URLs: urls})
		}}}
	}
	// Each part names the sources of its own pages; the index lists the
	// parts, which only the number of URLs changes.
	var idx sitemapIndex
	var jobs []Job
	for n := 1; (n-1)*limit < len(urls); n++ {
		part := chunk(urls, n, limit)
		name := "sitemap-" + strconv.Itoa(n) + ".xml"
		idx.Sitemaps = append(idx.Sitemaps, sitemapURL{Loc: e.u.abs("/" + name)})
		jobs = append(jobs, Job{Name: name, Sources: src, make: func(b *bytes.Buffer) error {
			return writeXML(b, urlset{URLs: part})
		}})
	}
	index := Job{Name: "sitemap.xml", Sources: src, make: func(b *bytes.Buffer) error {
		return writeXML(b, idx)
	}}
	return append([]Job{index}, jobs...)
}

// writeXML writes v as an indented XML document with its header.
func writeXML(b *bytes.Buffer, v any) error {
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.WriteByte('\n')
	return nil
}

// robotsJob allows everything and points at the sitemap.
func (p *Prepared) robotsJob() Job {
	return Job{Name: "robots.txt", make: func(b *bytes.Buffer) error {
		b.WriteString("User-agent: *\nAllow: /\n\nSitemap: " + p.env.u.abs("/sitemap.xml") + "\n")
		return nil
	}}
}

// aliasJob writes a small page at an old URL that sends readers to the
// page's real one.
func (p *Prepared) aliasJob(alias string, pg *site.Page) Job {
	return Job{Name: aliasName(alias), Sources: []string{pg.Source}, make: func(b *bytes.Buffer) error {
		rel := template.HTMLEscapeString(p.env.u.rel(pg.URL))
		abs := template.HTMLEscapeString(p.env.u.abs(pg.URL))
		b.WriteString(`<!doctype html>
<html lang="` + template.HTMLEscapeString(p.lang()) + `">
<head>
<meta charset="utf-8">
<title>` + template.HTMLEscapeString(pg.Title) + `</title>
<link rel="canonical" href="` + abs + `">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=` + rel + `">
</head>
<body><p><a href="` + rel + `">` + rel + `</a></p></body>
</html>
`)
		return nil
	}}
}

// aliasName is the file of the redirect at alias.
func aliasName(alias string) string {
	if !strings.HasPrefix(alias, "/") {
		alias = "/" + alias
	}
	return site.OutputFile(alias)
}
