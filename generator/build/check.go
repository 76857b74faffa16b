package build

import (
	"context"
	"sync"
	"time"

	"almanac/generator/check"
	"almanac/generator/metrics"
	"almanac/generator/render"
	"almanac/generator/site"
)

// Check runs every check a build runs and writes nothing: the same
// pipeline as Generate into a writer that keeps no bytes, less the search
// index, so `check` and `build` can never disagree about the content.
// Result.Site is set whenever the content could be loaded.
func (b *Builder) Check(ctx context.Context, now time.Time) (*Result, error) {
	return b.generate(ctx, now, discard{}, false, false) // nobody reads an index
}

// discard is an output that keeps nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// collectAnchors keeps the ids a page's HTML defines before the HTML is
// let go, for the #fragment checks that run once every page is rendered.
func collectAnchors(r *site.Rendered, kb *keptBlocks) {
	if r == nil || r.Anchors != nil {
		return
	}
	if kb == nil || kb.anchors == nil {
		r.Anchors = check.Anchors(r.HTML)
		return
	}
	r.Anchors = check.AnchorsKept(r.HTML, &kb.anchors.text, &kb.anchors.lists)
}

// checkLinks runs the link checks over the rendered site; outputs tells
// the files the build makes besides pages, so links to feeds and static
// files count. It returns the diagnostics and the count of broken links,
// those the link policy left out included.
func checkLinks(s *site.Site, outputs func(name string) bool) (site.Diagnostics, check.Broken) {
	return check.LinkReport(s, check.Options{Outputs: outputs})
}

// checkBodies renders the Markdown of a site whose front matter has
// errors, writing nothing, so that its links and fenced blocks are checked
// as well and one run lists every problem. Templates are not run; when
// they cannot be parsed, chart blocks are left as code and links to
// generated files are not known.
func (b *Builder) checkBodies(ctx context.Context, s *site.Site, now time.Time) (site.Diagnostics, check.Broken) {
	var diags site.Diagnostics
	md, outputs := b.plainMarkdown(s), func(string) bool { return false }
	if rd, err := b.renderer(); err == nil {
		if prep, m, err := b.bind(rd, s, metrics.Compute(s, now, 0), render.WithoutIndex(), render.Once()); err == nil {
			md, outputs = m, prep.Outputs()
		}
	}
	links := newLinkResolver(s)
	var mu sync.Mutex
	parallel(ctx, len(s.Pages), func(i int) {
		p := s.Pages[i]
		if err := b.readBody(s, p); err != nil {
			mu.Lock()
			diags.Append(toDiagnostic(p, err))
			mu.Unlock()
			p.Rendered = &site.Rendered{}
			return
		}
		r, errs := renderBody(md, links, p, nil)
		if !b.opts.KeepBodies {
			r.HTML = ""
			if p != s.Home {
				p.Body = nil
			}
		}
		p.Rendered = r
		if len(errs) > 0 {
			mu.Lock()
			diags.Append(errs)
			mu.Unlock()
		}
	})
	linkDiags, broken := checkLinks(s, outputs)
	diags.Append(linkDiags)
	return diags, broken
}
