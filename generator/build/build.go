// Package build wires one build of a site: configuration, content, Markdown,
// templates and output. The same Builder serves a one-off `build` to disk
// and the preview server's repeated builds into memory.
package build

import (
	"context"
	"fmt"
	"io/fs"
	"runtime"
	"sync"
	"time"

	"almanac/generator/content"
	"almanac/generator/markdown"
	"almanac/generator/output"
	"almanac/generator/render"
	"almanac/generator/site"
)

// Options configure a Builder.
type Options struct {
	// Source is the site root: almanac.toml, content/, layouts/, static/.
	Source fs.FS
	// Theme holds the default layouts/ and static/.
	Theme fs.FS
	// Drafts includes drafts and future-dated pages.
	Drafts bool
	// BaseURL, when set, replaces almanac.toml's base_url (deploy previews).
	BaseURL string
	// CacheDir keeps highlighted code blocks across builds; "" keeps them
	// in memory only, for the Builder's life.
	CacheDir string
	// LiveReload is passed to the renderer (see render.Options).
	LiveReload string
}

// Builder runs builds. It keeps what can be kept between builds (the
// highlighting cache), so a preview server never highlights a code block
// twice.
type Builder struct {
	opts      Options
	highlight *markdown.HighlightCache
}

// New returns a Builder.
func New(opts Options) (*Builder, error) {
	hc, err := markdown.NewHighlightCache(opts.CacheDir)
	if err != nil {
		return nil, err
	}
	return &Builder{opts: opts, highlight: hc}, nil
}

// Result describes one finished build.
type Result struct {
	Site        *site.Site
	Diagnostics site.Diagnostics // warnings, and errors when the build failed
	Pages       int
	Took        time.Duration
}

// Generate runs the whole pipeline at now and writes the site to out. It
// returns the diagnostics as an error (site.DiagnosticsError) when the
// content has errors; nothing is written then.
func (b *Builder) Generate(ctx context.Context, now time.Time, out output.Writer) (*Result, error) {
	start := time.Now()
	res := &Result{}
	cfg, diags := content.LoadConfig(b.opts.Source)
	res.Diagnostics.Append(diags)
	if diags.HasErrors() {
		res.Diagnostics.Sort()
		return res, res.Diagnostics.Err()
	}
	if b.opts.BaseURL != "" {
		cfg.BaseURL = normalizeBaseURL(b.opts.BaseURL)
	}
	s, diags := content.Load(ctx, b.opts.Source, cfg, content.Options{Drafts: b.opts.Drafts, Now: now})
	res.Diagnostics.Append(diags)
	if s == nil || diags.HasErrors() {
		res.Diagnostics.Sort()
		return res, res.Diagnostics.Err()
	}
	res.Site = s
	res.Diagnostics.Append(b.renderMarkdown(ctx, s))
	res.Diagnostics.Sort()
	if res.Diagnostics.HasErrors() {
		return res, res.Diagnostics.Err()
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	r, err := render.New(render.Options{
		Theme:      b.opts.Theme,
		Site:       b.opts.Source,
		ExtraCSS:   markdown.HighlightCSS(),
		LiveReload: b.opts.LiveReload,
	})
	if err != nil {
		return res, err
	}
	if err := r.Render(ctx, s, out); err != nil {
		return res, err
	}
	res.Pages = len(s.Pages)
	res.Took = time.Since(start)
	return res, nil
}

// renderMarkdown parses every page body once, in parallel, and stores the
// result in Page.Rendered.
func (b *Builder) renderMarkdown(ctx context.Context, s *site.Site) site.Diagnostics {
	md := markdown.New(markdown.Options{Unsafe: s.Config.MarkdownUnsafe, Highlight: b.highlight})
	links := newLinkResolver(s)
	pages := s.Pages // the home page's intro is among them
	var (
		mu    sync.Mutex
		diags site.Diagnostics
		wg    sync.WaitGroup
		next  = make(chan *site.Page)
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				r, err := md.Render(p.Source, p.BodyLine, p.Body, links.forPage(p))
				if err != nil {
					mu.Lock()
					diags.Add(toDiagnostic(p, err))
					mu.Unlock()
				}
				if r == nil {
					r = &site.Rendered{}
				}
				p.Rendered = r
			}
		}()
	}
	for _, p := range pages {
		if ctx.Err() != nil {
			break
		}
		next <- p
	}
	close(next)
	wg.Wait()
	return diags
}

func toDiagnostic(p *site.Page, err error) site.Diagnostic {
	if d, ok := err.(site.Diagnostic); ok {
		return d
	}
	if list, ok := site.AsDiagnostics(err); ok && len(list) > 0 {
		return list[0]
	}
	return site.Diagnostic{Pos: site.Pos{File: p.Source, Line: p.BodyLine}, Msg: fmt.Sprint(err)}
}

func normalizeBaseURL(u string) string {
	if u == "" {
		return "/"
	}
	if u[len(u)-1] != '/' {
		u += "/"
	}
	return u
}
