package check

import (
	"sync"

	"almanac/generator/site"
)

// waits is the finding of a link that cannot be checked yet: it names an
// anchor on a page that may not be rendered.
var waits = &finding{}

// Early checks links while pages are rendered, so that a build need not
// keep every link of every page until its last page is rendered: a link
// to a page, file, image or URL, and a #fragment of the page itself, is
// decided by what loading knew; only a #fragment of another page waits
// for that page's anchors, and a link to a file that is neither a page
// nor an asset for the list of files the build makes. Its report is LinkReport's, finding for
// finding. Page is safe for concurrent use.
type Early struct {
	c *checker

	mu sync.Mutex
	t  *tally
}

// NewEarly starts an early check of a loaded site.
func NewEarly(s *site.Site) *Early {
	return &Early{c: newChecker(s, Options{}), t: newTally(s)}
}

// Page checks the links of a page just rendered (p.Rendered set) and
// returns those that wait for other pages: keep them as the page's
// Rendered.Links for Report.
func (e *Early) Page(p *site.Page) []site.Link {
	if p.Rendered == nil || len(p.Rendered.Links) == 0 {
		return nil
	}
	c := *e.c // shares the lookups, which nothing writes in an early check
	c.self = p
	var (
		later []site.Link
		found []*finding
	)
	for _, l := range p.Rendered.Links {
		switch pr := c.link(p, l); pr {
		case waits:
			later = append(later, l)
		case nil:
		default:
			found = append(found, pr)
		}
	}
	if len(found) > 0 {
		e.mu.Lock()
		for _, pr := range found {
			e.t.add(p, pr)
		}
		e.mu.Unlock()
	}
	return later
}

// Report checks the links the pages kept (those Page returned), with the
// options LinkReport would get, and returns every finding, those found
// early included, with the count of broken links.
func (e *Early) Report(s *site.Site, opts Options) (site.Diagnostics, Broken) {
	e.c.opts = opts
	for _, p := range s.Pages {
		if p.Rendered == nil {
			continue
		}
		for _, l := range p.Rendered.Links {
			e.t.add(p, e.c.link(p, l))
		}
	}
	return e.t.report()
}
