package site

// Shown are the other pages whose content a page's own file shows: a
// story its release's version and status; a release its stories,
// incidents, hotfixes and the releases it fixes; a post-mortem the
// releases it names. A preview renders the page again when one of them
// changes. Nil pages are left out.
func (p *Page) Shown() []*Page {
	var list []*Page
	add := func(pages ...*Page) {
		for _, q := range pages {
			if q != nil {
				list = append(list, q)
			}
		}
	}
	switch {
	case p.Story != nil:
		add(p.Story.ReleasePage)
	case p.Release != nil:
		r := p.Release
		add(r.Stories...)
		add(r.Incidents...)
		add(r.Hotfixes...)
		add(r.FixesFor...)
	case p.PostMortem != nil:
		add(p.PostMortem.ReleasePages...)
	}
	return list
}
