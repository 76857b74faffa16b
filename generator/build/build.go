// Package build wires one build of a site: configuration, content, Markdown,
// templates and output. The same Builder serves a one-off `build` to disk
// and the preview server's repeated builds into memory.
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"almanac/generator/check"
	"almanac/generator/content"
	"almanac/generator/markdown"
	"almanac/generator/output"
	"almanac/generator/site"
)

// siteDirs are the folders of a site besides its content: what they hold
// overrides the theme's files of the same names.
var siteDirs = []string{"layouts", "static"}

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
	// KeepBodies keeps every page's Markdown, HTML and whole plain text in
	// the returned Site. A one-off build lets them go as soon as the page
	// is written (keeping the plain text's first kilobyte for summaries),
	// so memory grows little with the size of the bodies.
	KeepBodies bool
	// GitDir is the site's folder on disk. When set, a page without
	// lastmod in its front matter takes the date of the last commit that
	// changed its file (one git log for the whole site); without git, or
	// outside a repository, pages simply have no such date.
	GitDir string
	// ProfileDir, when set, receives a heap profile after each stage
	// (heap-3-load.pprof …), for `go tool pprof`.
	ProfileDir string
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
	opts.Source = withoutPreviewClient(opts.Source)
	opts.Theme = withoutPreviewClient(opts.Theme)
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
	// Stages is how long each stage took; Timings says it stage by
	// stage, with processor time and memory.
	Stages  Stages
	Timings []Timing
	// Links counts the broken links, those the link policy left out
	// included; LinksChecked is false when the build stopped before
	// links were checked.
	Links        check.Broken
	LinksChecked bool
	// Reused counts the content pages whose files were taken unchanged
	// from the previous output (a build to disk with a cache folder).
	Reused int
	// ReusedLists counts the other files taken so (lists, feeds, the
	// extensions' and static files).
	ReusedLists int

	reuse *reuser // to keep for the next build once the output is in place
	trees *content.TreeCache
}

// reusing is the build's reuser, nil when it reused nothing.
func (r *Result) reusing() *reuser {
	if r == nil {
		return nil
	}
	return r.reuse
}

// Stages are the wall-clock times of a build's stages. Pages is Markdown
// and the content pages' templates together, since each page is rendered
// right after its Markdown.
type Stages struct {
	Load, Pages, Lists time.Duration
	// Metrics is computing the report, once per build; the metrics pages
	// are rendered with the lists and counted there.
	Metrics time.Duration
}

// Generate runs the whole pipeline at now and writes the site to out. It
// returns the diagnostics as an error (site.DiagnosticsError) when the
// content has errors. Files may have been written to out by then: the
// caller discards them (build aborts its staging folder; serve keeps its
// last good site).
func (b *Builder) Generate(ctx context.Context, now time.Time, out output.Writer) (*Result, error) {
	return b.generate(ctx, now, out, true, false)
}

// asDiagnostics moves the diagnostics an error carries into list and
// returns nil, or returns err when it carries none.
func asDiagnostics(list *site.Diagnostics, err error) error {
	if d, ok := site.AsDiagnostics(err); ok {
		list.Append(d)
		return nil
	}
	var one site.Diagnostic
	if errors.As(err, &one) {
		list.Add(one)
		return nil
	}
	return err
}

func toDiagnostic(p *site.Page, err error) site.Diagnostics {
	var list site.Diagnostics
	if asDiagnostics(&list, err) == nil {
		return list
	}
	list.Add(site.Diagnostic{Pos: site.Pos{File: p.Source, Line: p.BodyLine}, Msg: fmt.Sprint(err)})
	return list
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
