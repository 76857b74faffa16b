package build

import (
	"context"
	"crypto/sha256"
	"regexp"
	"slices"

	"almanac/generator/markdown"
	"almanac/generator/site"
)

// chartFence finds a ```chart (or ~~~chart) block, whose HTML is drawn from
// the metrics report rather than from the page alone.
var chartFence = regexp.MustCompile("(?mi)^[ \t]*(?:```+|~~~+)[ \t]*chart\\b")

// renderMarkdown renders the bodies that changed, the bodies whose links
// now lead elsewhere and, when the metrics report or the templates (whose
// words the charts use) changed, the bodies with charts; and it gives
// every linked page its body.
func (x *Incremental) renderMarkdown(ctx context.Context, st *applyState, charts bool) {
	var todo []*site.Page
	moved := st.relinked && (x.dirty.all || x.linksMoved(st))
	st.moved = moved
	for _, p := range st.site.Pages {
		f := x.files[p.Source]
		switch {
		case f.md == nil,
			x.dirty.sources[p.Source] && (f.mdLine != p.BodyLine || p.Body == nil || f.mdFrom != x.bodyHash(p.Body)),
			charts && f.charts,
			moved && !x.dirty.all && x.resolvesElsewhere(st, p):
			todo = append(todo, p)
		}
	}
	// Many bodies (the first build, a new configuration) are deflated as
	// they are rendered, so that their HTML is never all held at once; a
	// few are let go once their files are written (see lighten).
	st.deflated = len(todo) > x.pagesChunk()
	keep := x.listsShowBodies()
	anchors := make([]bool, len(todo))
	parallel(ctx, len(todo), func(i int) {
		p := todo[i]
		f := x.files[p.Source]
		if err := x.b.readBody(st.site, p); err != nil { // a body let go (see letGo)
			f.mdDiags = toDiagnostic(p, err)
			return
		}
		r, errs := renderBody(st.md, st.links, p, nil)
		// The digest of the whole text, before anyone shares r: the
		// search index compares it, and keeps reading the text for pages
		// whose digest changed (see bodyCodec.light).
		r.PlainSum = sha256.Sum256([]byte(r.Plain))
		f.mdDiags = errs
		anchors[i] = f.md != nil && !slices.Equal(f.md.Anchors, r.Anchors)
		f.md, f.mdZ, f.mdFrom, f.mdLine = r, nil, x.bodyHash(p.Body), p.BodyLine
		if st.deflated && !keep && p != st.site.Home && !mayNarrate(st.site, p) { // as keepsHTML
			f.md, f.mdZ = x.bodies.light(r)
		}
		f.charts = chartFence.Match(p.Body)
	})
	st.markdown = len(todo)
	st.anchors = slices.Contains(anchors, true)
	st.redone = make(map[string]bool, len(todo))
	for _, p := range todo {
		st.redone[p.Source] = true
	}
	if st.relinked {
		for _, p := range st.site.Pages {
			p.Rendered = x.files[p.Source].md
		}
		return
	}
	// In place: the bodies just rendered, and those of changed files
	// rendered by an Apply that failed after rendering them.
	for _, p := range todo {
		p.Rendered = x.files[p.Source].md
	}
	for src := range x.dirty.sources {
		if p, f := st.links.bySource[src], x.files[src]; p != nil && f != nil && f.md != nil {
			p.Rendered = f.md
		}
	}
}

// linksMoved reports whether a changed file moved a link target: a page
// added, removed, at another URL or with other aliases, or other assets.
func (x *Incremental) linksMoved(st *applyState) bool {
	if x.links == nil || !slices.Equal(x.site.Assets, st.site.Assets) {
		return true
	}
	for src := range x.dirty.sources {
		a, b := x.links.bySource[src], st.links.bySource[src]
		if (a == nil) != (b == nil) || a != nil && (a.URL != b.URL || !slices.Equal(a.Aliases, b.Aliases)) {
			return true
		}
	}
	return false
}

// resolvesElsewhere reports whether a link in p's body leads elsewhere now
// than when the body was rendered.
func (x *Incremental) resolvesElsewhere(st *applyState, p *site.Page) bool {
	f := x.files[p.Source]
	if f.md == nil || len(f.md.Links) == 0 {
		return false
	}
	before, now := x.links.forPage(p), st.links.forPage(p)
	for _, l := range f.md.Links {
		u1, ok1 := before(l.Dest)
		u2, ok2 := now(l.Dest)
		if ok1 != ok2 || u1 != u2 {
			return true
		}
	}
	return false
}

// freshHighlights gives the Incremental a Builder of its own whose
// highlighting cache starts empty, over the same cache folder. The first
// build read or highlighted every code block of the site, and the cache
// kept the last 16 MiB of them in memory (markdown.MemoryBudget) for as
// long as the preview ran, though a save renders a body or two, whose
// blocks the folder holds. Without a folder the memory is the only
// cache, and it stays. Call it only where no Settle runs beside.
func (x *Incremental) freshHighlights() {
	if x.b.opts.CacheDir == "" {
		return
	}
	hc, err := markdown.NewHighlightCache(x.b.opts.CacheDir)
	if err != nil {
		return
	}
	b := *x.b
	b.highlight = hc
	x.b = &b
	if x.md != nil && x.site != nil && x.prep != nil {
		x.md = markdown.New(b.markdownOptions(x.site, x.prep))
	}
}
