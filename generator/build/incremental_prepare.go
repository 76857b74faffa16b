package build

import (
	"context"
	"io/fs"
	"path"

	"almanac/generator/check"
	"almanac/generator/content"
	"almanac/generator/markdown"
	"almanac/generator/metrics"
	"almanac/generator/render"
	"almanac/generator/site"
	"almanac/generator/sitefs"
)

// applyState is what one Apply renders from; it becomes the Incremental's
// own when the Apply succeeds.
type applyState struct {
	site     *site.Site
	links    *linkResolver
	renderer *render.Renderer
	report   *metrics.Report
	figures  string // the report as JSON, to tell whether it changed
	prep     *render.Prepared
	md       *markdown.Markdown
	deps     map[string][]string
	owned    map[string][]string
	relinked bool
	moved    bool            // a link target moved: every link is checked
	markdown int             // bodies rendered
	redone   map[string]bool // sources whose bodies were rendered
	anchors  bool            // a rendered body has other anchors than before
	remove   []string        // output names no page makes any more
	shown    map[string]bool // sources of the pages rendered
	// deflated is set when the bodies were deflated as they were rendered
	// (many of them: see renderMarkdown): the pages are then rendered a
	// chunk at a time (see runPages).
	deflated bool
}

// prepare reads what changed and gets the site ready to render, through
// the stages Generate runs (pipeline.go), each by the same function: linked again when its structure changed (with
// git dates and the metrics report), templates parsed again when layouts
// changed, changed bodies rendered, links checked. It returns every
// diagnostic of the site; the state is nil when there are errors.
func (x *Incremental) prepare(ctx context.Context) (*applyState, site.Diagnostics) {
	var diags site.Diagnostics
	fail := func() (*applyState, site.Diagnostics) {
		x.mu.Lock()
		x.ok = false
		x.mu.Unlock()
		diags.Sort()
		return nil, diags
	}
	if x.dirty.reload {
		x.reload(ctx)
	}
	diags.Append(x.cfgDiags)
	if x.dirty.reload || ctx.Err() != nil {
		return fail()
	}
	for _, f := range x.files {
		if f.exists {
			diags.Append(f.diags)
		}
	}
	st := &applyState{site: x.site, links: x.links, renderer: x.renderer, report: x.report, figures: x.figures,
		prep: x.prep, md: x.md, deps: x.deps, owned: x.owned}
	if st.renderer == nil || x.dirty.layouts || x.dirty.all {
		r, err := x.b.renderer()
		if err != nil {
			if asDiagnostics(&diags, err) != nil {
				diags.Errorf(site.Pos{File: "layouts"}, "%v", err)
			}
			return fail()
		}
		st.renderer = r
	}
	if x.dirty.all || st.site == nil || x.structural() {
		x.relink(st, &diags)
	} else {
		x.updateBodies(st)
	}
	if diags.HasErrors() || ctx.Err() != nil {
		return fail()
	}
	if st.relinked || st.renderer != x.renderer || x.dirty.statics {
		prep, md, err := x.b.bind(st.renderer, st.site, st.report)
		if err != nil {
			if asDiagnostics(&diags, err) != nil {
				diags.Errorf(site.Pos{}, "%v", err)
			}
			return fail()
		}
		st.prep, st.md = prep, md
	}
	x.renderMarkdown(ctx, st, st.renderer != x.renderer || st.figures != x.figures)
	for _, f := range x.files {
		if f.exists {
			diags.Append(f.mdDiags)
		}
	}
	if diags.HasErrors() || ctx.Err() != nil {
		return fail()
	}
	links := x.checkLinks(st, st.moved || st.anchors || x.recheck)
	diags.Append(links)
	x.recheck = links.HasErrors()
	if x.recheck {
		return fail()
	}
	if st.relinked {
		x.index(st)
	}
	diags.Sort()
	return st, diags
}

// relink links the decoded pages into a new site, with the dates of git
// history and the metrics report, as Generate does after loading.
func (x *Incremental) relink(st *applyState, diags *site.Diagnostics) {
	pages := x.currentPages()
	s, linkDiags := content.Link(x.cfg, pages, content.Options{Drafts: x.b.opts.Drafts, Now: x.now})
	s.Assets = x.currentAssets(pages)
	diags.Append(linkDiags)
	if linkDiags.HasErrors() {
		return
	}
	report, derived := x.b.derive(context.Background(), s, x.gitDates, x.now)
	diags.Append(derived)
	if derived.HasErrors() {
		return
	}
	st.site, st.links, st.relinked = s, newLinkResolver(s), true
	st.report = report
	if data, err := metrics.JSON(st.report); err == nil {
		st.figures = string(data)
	}
}

// updateBodies puts the new bodies of changed pages, whose front matter
// is as it was, into the linked site in place.
func (x *Incremental) updateBodies(st *applyState) {
	for src := range x.dirty.sources {
		f := x.files[src]
		if p := st.links.bySource[src]; p != nil && f != nil && f.page != nil {
			p.Body, p.BodyLine, p.Sum = f.page.Body, f.page.BodyLine, f.page.Sum
		}
	}
}

// checkLinks runs the build's link checks. When nothing moved, only the
// links of the bodies just rendered are checked: the other pages take part
// as targets only (their links are hidden from the checker), so a check
// costs little however large the site.
func (x *Incremental) checkLinks(st *applyState, full bool) site.Diagnostics {
	opts := check.Options{Outputs: x.outputExists}
	if full {
		return check.Links(st.site, opts)
	}
	if len(st.redone) == 0 {
		return nil
	}
	view := *st.site
	view.Pages = make([]*site.Page, len(st.site.Pages))
	for i, p := range st.site.Pages {
		view.Pages[i] = p
		if st.redone[p.Source] || p.Rendered == nil || len(p.Rendered.Links) == 0 {
			continue
		}
		c, r := *p, *p.Rendered
		r.Links = nil
		c.Rendered = &r
		view.Pages[i] = &c
	}
	return check.Links(&view, opts)
}

// outputExists reports whether the site has a file of that output name:
// one written already, or a static file that the deferred work copies.
func (x *Incremental) outputExists(name string) bool {
	if has(x.out, name) {
		return true
	}
	if !fs.ValidPath(name) {
		return false
	}
	_, err := fs.Stat(sitefs.Overlay{Site: x.b.opts.Source, Theme: x.b.opts.Theme}, path.Join("static", name))
	return err == nil
}
