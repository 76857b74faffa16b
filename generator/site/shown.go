package site

// Shown are the other pages whose content a page's own file shows: a
// story its release's version and status; a release its stories,
// incidents, hotfixes and the releases it fixes; a post-mortem the
// releases it names; a decision the decisions it supersedes or is
// superseded by and what it names; and each of those the decisions that
// name it. A preview renders the page again when one of them
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
		add(p.Story.Decisions...)
	case p.Release != nil:
		r := p.Release
		add(r.Stories...)
		add(r.Incidents...)
		add(r.Hotfixes...)
		add(r.FixesFor...)
		add(r.Decisions...)
	case p.PostMortem != nil:
		add(p.PostMortem.ReleasePages...)
		add(p.PostMortem.Decisions...)
	case p.Decision != nil:
		d := p.Decision
		add(d.SupersedesPages...)
		add(d.SupersededBy...)
		add(d.StoryPages...)
		add(d.ReleasePages...)
		add(d.PostMortemPages...)
		for _, t := range d.Tracks {
			add(t.PostMortem)
		}
	}
	return list
}
