package content

import (
	"fmt"
	"sort"
	"time"

	"almanac/generator/site"
)

// Link builds the read-only Site from decoded pages: it leaves out drafts
// and future plain pages (unless opts.Drafts), finds duplicate ids,
// versions and URLs, sorts every list, resolves cross references both ways
// and gathers the taxonomies. It links copies and never changes the pages
// it is given, so a preview can keep decoded pages and link them again
// after one file changed. Nil pages are skipped. Assets are left to Load.
func Link(cfg site.Config, pages []*site.Page, opts Options) (*site.Site, site.Diagnostics) {
	cfg = withDefaults(cfg)
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	l := &linker{
		cfg: cfg, now: now, opts: opts,
		s: &site.Site{
			Config: cfg, Now: now,
			ByURL: map[string]*site.Page{}, ByID: map[string]*site.Page{}, ByVersion: map[string]*site.Page{},
		},
		hiddenIDs: map[string]bool{}, hiddenVersions: map[string]bool{},
	}
	l.collect(pages)
	l.index()
	l.sortKinds()
	l.crossReferences()
	l.taxonomies()
	l.diags.Sort()
	return l.s, l.diags
}

type linker struct {
	cfg   site.Config
	now   time.Time
	opts  Options
	s     *site.Site
	diags site.Diagnostics
	pages []*site.Page // kept pages, by Source
	// ids and versions of pages left out (drafts, future): naming them is
	// not an error.
	hiddenIDs, hiddenVersions map[string]bool
}

// collect copies the pages and leaves out those that are not shown.
func (l *linker) collect(pages []*site.Page) {
	for _, p := range pages {
		if p == nil || p.URL == "" {
			continue
		}
		c := clonePage(p)
		if !l.opts.Drafts && l.hidden(c) {
			if id := kindID(c); id != "" {
				l.hiddenIDs[id] = true
			}
			if c.Release != nil {
				l.hiddenVersions[c.Release.Version] = true
			}
			continue
		}
		l.pages = append(l.pages, c)
	}
	sort.SliceStable(l.pages, func(i, j int) bool { return l.pages[i].Source < l.pages[j].Source })
}

// hidden reports whether a page is a draft, or a plain page not yet
// published or already expired.
func (l *linker) hidden(p *site.Page) bool {
	if p.Draft {
		return true
	}
	if p.Kind != site.KindPage {
		return false
	}
	if p.Date.After(l.now) {
		return true
	}
	if t, ok := p.Params["publishDate"].(time.Time); ok && t.After(l.now) {
		return true
	}
	if t, ok := p.Params["expiryDate"].(time.Time); ok && !t.IsZero() && !t.After(l.now) {
		return true
	}
	return false
}

// clonePage copies a page and its kind's struct, with cross references
// cleared, so linking never writes to the caller's pages.
func clonePage(p *site.Page) *site.Page {
	c := *p
	if p.Story != nil {
		s := *p.Story
		s.ReleasePage = nil
		c.Story = &s
	}
	if p.Release != nil {
		r := *p.Release
		r.Stories, r.Incidents, r.Hotfixes, r.FixesFor = nil, nil, nil, nil
		c.Release = &r
	}
	if p.PostMortem != nil {
		pm := *p.PostMortem
		pm.ReleasePages = nil
		c.PostMortem = &pm
	}
	if p.Metric != nil {
		m := *p.Metric
		c.Metric = &m
	}
	return &c
}

// index fills the lookup maps, reporting and dropping duplicates: the page
// whose source sorts later is the one reported.
func (l *linker) index() {
	s := l.s
	firstAt := func(p *site.Page, key string) string {
		return "first defined at " + p.Pos(key).String()
	}
	for _, p := range l.pages {
		switch {
		case p.Release != nil:
			v := p.Release.Version
			if prev, ok := s.ByVersion[v]; ok {
				l.diags.ErrorHint(p.Pos("version"), firstAt(prev, "version"), "duplicate release version %q", v)
				continue
			}
		case kindID(p) != "":
			if prev, ok := s.ByID[kindID(p)]; ok {
				l.diags.ErrorHint(p.Pos("id"), firstAt(prev, "id"), "duplicate id %q", kindID(p))
				continue
			}
		}
		if site.GeneratedURL(p.URL) {
			l.diags.Add(site.Diagnostic{Pos: urlPos(p), Severity: site.Warning,
				Msg:  fmt.Sprintf("page left out: almanac writes %s itself", p.URL),
				Hint: "move its text to content/_index.md, or give it another slug or url"})
			continue
		}
		if prev, ok := s.ByURL[p.URL]; ok {
			l.diags.ErrorHint(urlPos(p), "first defined at "+urlPos(prev).String(), "duplicate URL %q", p.URL)
			continue
		}
		s.ByURL[p.URL] = p
		if p.Release != nil {
			s.ByVersion[p.Release.Version] = p
		} else if id := kindID(p); id != "" {
			s.ByID[id] = p
		}
		s.Pages = append(s.Pages, p)
	}
	l.checkAliases()
}

// checkAliases reports aliases that clash with a page or another alias.
func (l *linker) checkAliases() {
	owner := map[string]site.Pos{}
	for _, p := range l.s.Pages {
		for i, a := range p.Aliases {
			pos := p.Pos(fmt.Sprintf("aliases[%d]", i))
			if site.GeneratedURL(a) {
				l.diags.ErrorHint(pos, "pick a URL that no list or taxonomy page uses", "alias %q is a page almanac writes itself", a)
				continue
			}
			if other, ok := l.s.ByURL[a]; ok {
				l.diags.ErrorHint(pos, "first defined at "+urlPos(other).String(), "alias %q is the URL of another page", a)
				continue
			}
			if prev, ok := owner[a]; ok {
				l.diags.ErrorHint(pos, "first defined at "+prev.String(), "duplicate alias %q", a)
				continue
			}
			owner[a] = pos
		}
	}
}

// kindID is a story's or post-mortem's id, else "".
func kindID(p *site.Page) string {
	switch {
	case p.Story != nil:
		return p.Story.ID
	case p.PostMortem != nil:
		return p.PostMortem.ID
	}
	return ""
}

// urlPos is where a page's URL comes from.
func urlPos(p *site.Page) site.Pos {
	keys := []string{"url", "slug"}
	if p.Release != nil {
		keys = []string{"version"}
	}
	for _, key := range keys {
		if pos, ok := p.Fields[key]; ok {
			return pos
		}
	}
	return site.Pos{File: p.Source}
}
