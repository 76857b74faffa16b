package content

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"almanac/generator/internal/slab"
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
	l.folders()
	l.sortKinds()
	l.crossReferences()
	l.taxonomies()
	l.releaseChecks()
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
	// The copies of the pages, in blocks (see package slab): a site's
	// pages live and die together.
	stories     slab.Of[withKind[site.Story]]
	releases    slab.Of[withKind[site.Release]]
	postmortems slab.Of[withKind[site.PostMortem]]
	decisions   slab.Of[withKind[site.Decision]]
	metrics     slab.Of[withKind[site.Metric]]
	plain       slab.Of[site.Page]
}

// collect copies the pages and leaves out those that are not shown.
func (l *linker) collect(pages []*site.Page) {
	for _, p := range pages {
		if p == nil || p.URL == "" {
			continue
		}
		c := l.clonePage(p)
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
// cleared, so linking never writes to the caller's pages. The page and
// its kind's struct are one value, in a block of the linker's: a site's
// pages stay live through a whole build, where the collector marks them
// again on each cycle.
func (l *linker) clonePage(p *site.Page) *site.Page {
	switch {
	case p.Story != nil:
		return cloneWith(&l.stories, p, *p.Story, func(c *site.Page, s *site.Story) {
			s.ReleasePage, s.Decisions = nil, nil
			c.Story = s
		})
	case p.Release != nil:
		return cloneWith(&l.releases, p, *p.Release, func(c *site.Page, r *site.Release) {
			r.Stories, r.Incidents, r.Hotfixes, r.FixesFor, r.Decisions = nil, nil, nil, nil, nil
			c.Release = r
		})
	case p.PostMortem != nil:
		return cloneWith(&l.postmortems, p, *p.PostMortem, func(c *site.Page, pm *site.PostMortem) {
			pm.ReleasePages, pm.Decisions = nil, nil
			c.PostMortem = pm
		})
	case p.Decision != nil:
		return cloneWith(&l.decisions, p, *p.Decision, func(c *site.Page, d *site.Decision) {
			d.SupersedesPages, d.SupersededBy, d.StoryPages, d.ReleasePages, d.PostMortemPages, d.Tracks = nil, nil, nil, nil, nil, nil
			c.Decision = d
		})
	case p.Metric != nil:
		return cloneWith(&l.metrics, p, *p.Metric, func(c *site.Page, m *site.Metric) { c.Metric = m })
	}
	c := l.plain.New()
	*c = *p
	return c
}

// withKind is a page and its kind's struct, side by side.
type withKind[K any] struct {
	page site.Page
	kind K
}

// cloneWith copies p and its kind's struct k into one value of blocks;
// set clears the copy's cross references and points the page at it.
func cloneWith[K any](blocks *slab.Of[withKind[K]], p *site.Page, k K, set func(*site.Page, *K)) *site.Page {
	b := blocks.New()
	b.page, b.kind = *p, k
	set(&b.page, &b.kind)
	return &b.page
}

// index fills the lookup maps, reporting and dropping duplicates: the page
// whose source sorts later is the one reported.
func (l *linker) index() {
	s := l.s
	firstAt := func(p *site.Page, key string) string {
		return "first defined at " + p.Pos(key).String()
	}
	left := l.folderPages()
	for _, p := range l.pages {
		if left[p] {
			continue
		}
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

// folderPages picks the page of each folder that has more than one of
// README.md, index.md and _index.md: the first in that order wins, the
// others are left out, with one warning at the winner naming them.
func (l *linker) folderPages() map[*site.Page]bool {
	best := map[string]*site.Page{}
	var dirs []string
	others := map[string][]*site.Page{}
	for _, p := range l.pages { // by Source
		rel := relToContent(p.Source, l.cfg.ContentDir)
		if p.Kind != site.KindPage || !isIndexFile(rel) {
			continue
		}
		dir := path.Dir(p.Source)
		cur, ok := best[dir]
		switch {
		case !ok:
			best[dir] = p
			dirs = append(dirs, dir)
			continue
		case indexRank(rel) < indexRank(relToContent(cur.Source, l.cfg.ContentDir)):
			best[dir], p = p, cur
		}
		others[dir] = append(others[dir], p)
	}
	left := map[*site.Page]bool{}
	for _, dir := range dirs {
		if len(others[dir]) == 0 {
			continue
		}
		win := best[dir]
		names := make([]string, len(others[dir]))
		for i, o := range others[dir] {
			left[o] = true
			names[i] = o.Source
		}
		sort.Strings(names)
		l.diags.Add(site.Diagnostic{Pos: site.Pos{File: win.Source}, Severity: site.Warning,
			Msg:  fmt.Sprintf("%s is the folder's page; left out: %s", path.Base(win.Source), strings.Join(names, ", ")),
			Hint: "README.md wins over index.md, and index.md over _index.md: merge the others into it, or remove them"})
	}
	return left
}

// folders makes a listing page, as GitHub shows a folder, for each folder
// under the content folder that holds pages (in it or further down) but
// has no README.md, index.md or _index.md, so that a link to the folder
// finds a page. Folders of stories, releases, post-mortems and metrics are
// left alone (their lists are almanac's own), and so is a folder whose
// URL another page or a generated list already takes. The pages go into
// Site.ByURL only; see site.Page.Folder.
func (l *linker) folders() {
	s := l.s
	own := map[string]*site.Page{}       // folder → its README, index or _index
	in := map[string][]*site.Page{}      // folder → the other pages in it
	subs := map[string]map[string]bool{} // folder → its sub-folders that hold pages
	var dirs []string
	seen := map[string]bool{}
	for _, p := range s.Pages {
		rel := relToContent(p.Source, l.cfg.ContentDir)
		dir := path.Dir(rel)
		if p.Kind == site.KindPage && isIndexFile(rel) {
			own[dir] = p
		} else {
			in[dir] = append(in[dir], p)
		}
		for d := dir; d != "." && d != "/"; d = path.Dir(d) {
			up := path.Dir(d)
			if subs[up] == nil {
				subs[up] = map[string]bool{}
			}
			if !seen[d] {
				seen[d] = true
				dirs = append(dirs, d)
			}
			subs[up][d] = true
		}
	}
	made := map[string]*site.Page{}
	for _, d := range dirs {
		url := folderURL(d)
		if own[d] != nil || kindOfFolder(d+"/x.md") != "page" || url == "/" || site.GeneratedURL(url) {
			continue
		}
		if _, taken := s.ByURL[url]; taken {
			continue
		}
		p := &site.Page{Kind: site.KindPage, URL: url, Slug: path.Base(strings.TrimSuffix(url, "/")),
			Title: path.Base(d), Folder: &site.Folder{Path: d}}
		made[d] = p
		s.ByURL[url] = p
	}
	pageOf := func(d string) *site.Page {
		if p := own[d]; p != nil {
			return p
		}
		return made[d]
	}
	for d, p := range made {
		f := p.Folder
		f.Pages = append([]*site.Page(nil), in[d]...)
		for sub := range subs[d] {
			if sp := pageOf(sub); sp != nil {
				f.Folders = append(f.Folders, sp)
			}
		}
		sortListed(f.Pages)
		sortListed(f.Folders)
		for up := path.Dir(d); up != "."; up = path.Dir(up) {
			if pp := pageOf(up); pp != nil {
				f.Parents = append([]*site.Page{pp}, f.Parents...)
			}
		}
	}
}

// sortListed orders the entries of a folder listing: pages with a weight
// first, by weight, then by title (numbers as numbers), then by URL.
func sortListed(ps []*site.Page) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if (a.Weight > 0) != (b.Weight > 0) {
			return a.Weight > 0
		}
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		if c := naturalCompare(strings.ToLower(a.Title), strings.ToLower(b.Title)); c != 0 {
			return c < 0
		}
		return a.URL < b.URL
	})
}

// checkAliases reports aliases that clash with a page or another alias.
func (l *linker) checkAliases() {
	owner := map[string]site.Pos{}
	for _, p := range l.s.Pages {
		self := -1
		for i, a := range p.Aliases {
			pos := p.Pos(fmt.Sprintf("aliases[%d]", i))
			if a == p.URL {
				// Sites moved from Hugo often keep the old, lower-cased
				// URL as an alias, which is the URL again: nothing to
				// redirect, and a redirect would replace the page.
				l.diags.Add(site.Diagnostic{Pos: pos, Severity: site.Warning, Hint: "remove it",
					Msg: fmt.Sprintf("alias %q is the page's own URL", a)})
				self = i
				continue
			}
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
		if self >= 0 {
			p.Aliases = slices.DeleteFunc(slices.Clone(p.Aliases), func(a string) bool { return a == p.URL })
		}
	}
}

// kindID is a story's, post-mortem's or decision's id, else "".
func kindID(p *site.Page) string {
	switch {
	case p.Story != nil:
		return p.Story.ID
	case p.PostMortem != nil:
		return p.PostMortem.ID
	case p.Decision != nil:
		return p.Decision.ID
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
		if pos, ok := p.Fields.Lookup(key); ok {
			return pos
		}
	}
	return site.Pos{File: p.Source}
}
