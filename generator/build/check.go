package build

import (
	"context"
	"sync"
	"time"

	"almanac/generator/check"
	"almanac/generator/markdown"
	"almanac/generator/metrics"
	"almanac/generator/render"
	"almanac/generator/site"
)

// Check runs every check a build runs and writes nothing: the same
// pipeline as Generate into a writer that keeps no bytes, less the search
// index, so `check` and `build` can never disagree about the content.
// Result.Site is set whenever the content could be loaded.
func (b *Builder) Check(ctx context.Context, now time.Time) (*Result, error) {
	return b.generate(ctx, now, discard{}, false) // nobody reads an index
}

// discard is an output that keeps nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// collectAnchors keeps the ids a page's HTML defines before the HTML is
// let go, for the #fragment checks that run once every page is rendered.
func collectAnchors(r *site.Rendered) {
	if r != nil && r.Anchors == nil {
		r.Anchors = check.Anchors(r.HTML)
	}
}

// checkLinks runs the link checks over the rendered site; jobs are every
// output file the build makes, so links to feeds and static files count.
// It returns the diagnostics and the count of broken links, those the
// link policy left out included.
func checkLinks(s *site.Site, jobs []render.Job) (site.Diagnostics, check.Broken) {
	names := make(map[string]bool, len(jobs))
	for _, j := range jobs {
		names[j.Name] = true
	}
	return check.LinkReport(s, check.Options{Outputs: func(name string) bool { return names[name] }})
}

// allJobs lists every output of a prepared site: list jobs and each
// page's own.
func allJobs(s *site.Site, prep *render.Prepared, lists []render.Job) []render.Job {
	jobs := append([]render.Job(nil), lists...)
	for _, pg := range s.Pages {
		jobs = append(jobs, prep.PageJobs(pg)...)
	}
	return jobs
}

// checkBodies renders the Markdown of a site whose front matter has
// errors, writing nothing, so that its links and fenced blocks are checked
// as well and one run lists every problem. Templates are not run.
func (b *Builder) checkBodies(ctx context.Context, s *site.Site, now time.Time) (site.Diagnostics, check.Broken) {
	var diags site.Diagnostics
	opts := markdown.Options{Unsafe: s.Config.MarkdownUnsafe, Highlight: b.highlight}
	var prep *render.Prepared
	if r, err := render.New(render.Options{Theme: b.opts.Theme, Site: b.opts.Source}); err == nil {
		if p, err := r.Prepare(s, render.WithMetrics(metrics.Compute(s, now, 0))); err == nil {
			prep = p
			opts = b.markdownOptions(s, prep)
		}
	}
	md := markdown.New(opts)
	links := newLinkResolver(s)
	var mu sync.Mutex
	parallel(ctx, len(s.Pages), func(i int) {
		p := s.Pages[i]
		r, err := md.Render(p.Source, p.BodyLine, p.Body, links.forPage(p))
		if r == nil {
			r = &site.Rendered{}
		}
		collectAnchors(r)
		if !b.opts.KeepBodies {
			r.HTML = ""
		}
		p.Rendered = r
		if err != nil {
			mu.Lock()
			diags.Append(toDiagnostic(p, err))
			mu.Unlock()
		}
	})
	var linkDiags site.Diagnostics
	var broken check.Broken
	if prep != nil {
		linkDiags, broken = checkLinks(s, allJobs(s, prep, prep.Jobs()))
	} else {
		linkDiags, broken = check.LinkReport(s, check.Options{})
	}
	diags.Append(linkDiags)
	return diags, broken
}
