// Package content loads a site's configuration and content into the domain
// types of package site: it walks the content folder, splits and parses
// front matter (YAML, TOML or JSON) keeping positions, decodes and checks
// each kind, and links the pages into one read-only site.Site. Every problem
// is collected as a site.Diagnostic with its file:line:col.
package content

import (
	"context"
	"io/fs"
	"slices"
	"strings"
	"time"

	"almanac/generator/internal/pool"
	"almanac/generator/site"
)

// Options steer what Load and Link keep.
type Options struct {
	// Drafts keeps draft pages and plain pages dated in the future.
	Drafts bool
	// Now is the build's present; the zero time means the wall clock.
	Now time.Time
	// LazyBodies lets each page's body go as soon as its front matter is
	// decoded, so that a large site's bodies are never all held at once;
	// ReadBody reads one again when it is needed.
	LazyBodies bool
	// Trees, when set, keeps the trees front matter parses into across
	// builds (see TreeCache); the caller saves it.
	Trees *TreeCache
}

// Load walks cfg.ContentDir in fsys (the site root), decodes every page in
// parallel, validates, links cross references and taxonomies, and returns
// the read-only Site. Diagnostics hold every problem found, sorted; the
// Site is nil only when the load was cancelled.
func Load(ctx context.Context, fsys fs.FS, cfg site.Config, opts Options) (*site.Site, site.Diagnostics) {
	cfg = withDefaults(cfg)
	files, diags := Walk(ctx, fsys, cfg.Content())
	pages, pageDiags := loadPages(ctx, fsys, files.Markdown, cfg, opts.LazyBodies, opts.Trees)
	diags.Append(pageDiags)
	if ctx.Err() != nil {
		diags.Sort()
		return nil, diags
	}
	s, linkDiags := Link(cfg, pages, opts)
	diags.Append(linkDiags)
	s.Assets = Assets(files.Others, pages, cfg.Content())
	diags.Sort()
	return s, diags
}

// loadPages decodes files on the worker pool; results keep the order of
// files. With lazy, bodies are let go as each page is decoded.
func loadPages(ctx context.Context, fsys fs.FS, files []string, cfg site.Config, lazy bool, trees *TreeCache) ([]*site.Page, site.Diagnostics) {
	pages := make([]*site.Page, len(files))
	perFile := make([]site.Diagnostics, len(files))
	sl := newSlabs() // the pages live and die together
	pool.Each(ctx, len(files), func(i int) {
		pages[i], perFile[i] = loadPage(fsys, files[i], cfg, trees, sl)
		if p := pages[i]; lazy && p != nil && p.Sum != ([32]byte{}) {
			p.Body = nil
		}
	})
	var diags site.Diagnostics
	for _, d := range perFile {
		diags.Append(d)
	}
	return pages, diags
}

// Assets returns the non-Markdown files of the content folder (others,
// site-relative) relative to the content folder, less the CSV files metric
// pages read: what Site.Assets holds. The preview calls it too.
func Assets(others []string, pages []*site.Page, contentDir string) []string {
	read := map[string]bool{}
	for _, p := range pages {
		if p != nil && p.Metric != nil && p.Metric.CSV != "" {
			read[p.Metric.CSV] = true
		}
	}
	out := []string{}
	for _, f := range others {
		if !read[f] {
			out = append(out, strings.TrimPrefix(relToContent(f, contentDir), "/"))
		}
	}
	slices.Sort(out)
	return out
}
