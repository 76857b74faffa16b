package build

import (
	"context"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"almanac/generator/check"
	"almanac/generator/content"
	"almanac/generator/internal/slab"
	"almanac/generator/markdown"
	"almanac/generator/output"
	"almanac/generator/render"
	"almanac/generator/site"
)

// renderPages reads every page body again (the load stage let them go),
// parses it once and renders the page's own files right away, on as many
// goroutines as there are processors; with a reuser, a page that
// provably comes out as in the last build is taken from it instead.
// Unless the Builder keeps bodies, a page's Markdown and HTML are let go
// once its files are written, so a build holds only what lists and feeds
// need (the plain text is cut to what a summary shows), and its links are
// checked by early at once, keeping only those that wait for other pages.
func (b *Builder) renderPages(ctx context.Context, s *site.Site, prep *render.Prepared, md *markdown.Markdown, links *linkResolver, out output.Writer, u *reuser, early *check.Early, kb *keptBlocks) site.Diagnostics {
	var (
		mu    sync.Mutex
		diags site.Diagnostics
	)
	report := func(list site.Diagnostics) {
		mu.Lock()
		diags.Append(list)
		mu.Unlock()
	}
	parallel(ctx, len(s.Pages), func(i int) {
		p := s.Pages[i]
		if u != nil && p != s.Home {
			if kept, ok := u.take(p); ok {
				report(kept)
				if err := prep.PageReused(p); err != nil {
					report(toDiagnostic(p, err))
				}
				b.letGo(s, p, early, kb)
				return
			}
		}
		if err := b.readBody(s, p); err != nil {
			report(toDiagnostic(p, err))
			p.Rendered = &site.Rendered{}
			return
		}
		r, errs := renderBody(md, links, p, kb)
		if len(errs) > 0 {
			report(errs)
		}
		p.Rendered = r
		// The page's files; the extensions take what they need of the
		// whole text (the search index) before it goes.
		if err := prep.RenderPage(p, out); err != nil {
			d := toDiagnostic(p, err)
			report(d)
			errs.Append(d)
		}
		if u != nil && p != s.Home {
			u.record(p, chartFence.Match(p.Body), errs)
		}
		b.letGo(s, p, early, kb)
	})
	return diags
}

// letGo drops a written page's Markdown, HTML and table of contents,
// cuts its plain text to the lead that lists and feeds show and keeps
// only the links early could not check yet, unless the Builder keeps
// bodies.
func (b *Builder) letGo(s *site.Site, p *site.Page, early *check.Early, kb *keptBlocks) {
	if b.opts.KeepBodies || p == s.Home {
		return
	}
	p.Body = nil
	if r := p.Rendered; r != nil {
		r.HTML = ""
		r.TOC = nil // only the page's own file shows it
		r.Plain, r.Cut = kb.lead(r.Plain), true
		if early != nil {
			r.Links = early.Page(p)
		}
	}
}

// readBody reads again the body the load stage let go (unless the
// Builder keeps bodies, the loader lets each go once the page is decoded,
// so that a build never holds them all).
func (b *Builder) readBody(s *site.Site, p *site.Page) error {
	if p.Body != nil || p.Sum == ([32]byte{}) {
		return nil
	}
	body, err := content.ReadBody(b.opts.Source, p, s.Config)
	p.Body = body
	return err
}

// renderBody renders a page's Markdown with its links resolved, keeping
// the anchors its HTML defines. The result is never nil.
func renderBody(md *markdown.Markdown, links *linkResolver, p *site.Page, kb *keptBlocks) (*site.Rendered, site.Diagnostics) {
	r, err := md.Render(p.Source, p.BodyLine, p.Body, links.forPage(p))
	var diags site.Diagnostics
	if err != nil {
		diags = toDiagnostic(p, err)
	}
	if r == nil {
		r = &site.Rendered{}
	}
	r = kb.keep(r)
	collectAnchors(r, kb)
	return r, diags
}

// summaryLead returns as much of a page's plain text as a summary can
// show, as a copy that holds no more memory than it needs: the text up to
// where, with each run of white space counted as one character and
// leading white space as none, it holds more than render.SummaryRunes
// characters. A summary cut from the lead is the summary cut from the
// whole text.
func summaryLead(s string) string {
	return keptLead(s, nil)
}

// keptLead is summaryLead, with the lead copied into text's blocks when
// text is not nil, even when it is the whole text: every lead a build
// keeps is then in blocks.
func keptLead(s string, text *slab.Text) string {
	lead := s[:leadLen(s)]
	switch {
	case text != nil:
		return text.Clone(lead)
	case len(lead) < len(s):
		return strings.Clone(lead)
	}
	return s
}

// leadLen is the length of the lead summaryLead cuts from s.
func leadLen(s string) int {
	count, space := 0, false
	for i, r := range s {
		if unicode.IsSpace(r) {
			space = count > 0
			continue
		}
		if space {
			count++
			space = false
		}
		count++
		if count > render.SummaryRunes {
			return i + utf8.RuneLen(r)
		}
	}
	return len(s)
}

// keptBlocks are the blocks (see package slab) in which a build keeps
// what it holds of each page once the page is written: the rendered
// record and its lead, and until the checks have run, its anchors. The
// preview has none: its pages come and go one at a time.
type keptBlocks struct {
	rendered slab.Of[site.Rendered]
	leads    slab.Text
	anchors  *anchorBlocks // nil once the checks have run
}

// anchorBlocks hold the anchors of a build's pages.
type anchorBlocks struct {
	text  slab.Text
	lists slab.Of[string]
}

// lead is keptLead, in the blocks when kb is not nil.
func (kb *keptBlocks) lead(s string) string {
	if kb == nil {
		return summaryLead(s)
	}
	return keptLead(s, &kb.leads)
}

// keep moves a page's rendered record into the blocks, unless kb is nil,
// and returns it.
func (kb *keptBlocks) keep(r *site.Rendered) *site.Rendered {
	if kb == nil {
		return r
	}
	kept := kb.rendered.New()
	*kept = *r
	return kept
}
