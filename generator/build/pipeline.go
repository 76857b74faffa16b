package build

import (
	"context"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"almanac/generator/check"
	"almanac/generator/content"
	"almanac/generator/history"
	"almanac/generator/markdown"
	"almanac/generator/metrics"
	"almanac/generator/output"
	"almanac/generator/render"
	"almanac/generator/site"
	"almanac/generator/sitefs"
)

// A build is one ordered list of stages (stages, below). Generate and
// Check run every stage over the whole site. The preview (Incremental)
// calls the same stage functions on what a change touches: it reads the
// configuration with loadConfig, decodes only the changed files and links
// them with content.Link (the load stage's two halves), applies the same
// git dates and code repositories' timestamps and computes the same report
// (derive), binds the renderer with
// bind, renders bodies with renderBody and checks links with checkLinks;
// its page and list files are the render.Jobs that Prepared.Finish runs
// here. A stage added to the list is added where it belongs in the
// preview's prepare (incremental_prepare.go) as a call of the same
// function.

// run is one build on its way through the stages.
type run struct {
	b     *Builder
	ctx   context.Context
	now   time.Time
	out   output.Writer
	index bool // write the search index; Check does not
	reuse bool // take unchanged pages from the last build's output
	res   *Result

	cfg    site.Config
	site   *site.Site
	dates  map[string]time.Time // git dates by source; read by the git stage when nil
	report *metrics.Report
	prep   *render.Prepared
	md     *markdown.Markdown
	links  *linkResolver
	early  *check.Early // checks links as pages are rendered, unless bodies are kept
	kept   *keptBlocks  // what the build keeps of each page, unless bodies are kept
	err    error        // a failure that is not the content's: the build stops with it
}

// stage is one step: it returns false when the build stops there (with
// errors in the diagnostics, or r.err). took says which of the Result's
// stage times its time counts in, if any.
type stage struct {
	name string
	do   func(*run) bool
	took func(*Stages) *time.Duration
}

// stages are the pipeline, in order.
var stages = []stage{
	{"config", (*run).config, func(s *Stages) *time.Duration { return &s.Load }},
	{"load", (*run).load, func(s *Stages) *time.Duration { return &s.Load }},
	{"git dates", (*run).gitDates, func(s *Stages) *time.Duration { return &s.Load }},
	{"history", (*run).history, func(s *Stages) *time.Duration { return &s.Load }},
	{"metrics", (*run).metrics, func(s *Stages) *time.Duration { return &s.Metrics }},
	{"prepare", (*run).prepare, nil},
	{"pages", (*run).pages, func(s *Stages) *time.Duration { return &s.Pages }},
	{"checks", (*run).checks, nil},
	{"lists", (*run).lists, func(s *Stages) *time.Duration { return &s.Lists }},
}

// generate runs the stages; without index, pages are not indexed and no
// search index is written, for a run that keeps nothing (Check). With
// reuse, content pages that provably come out as in the last build are
// taken from it (the caller saves or aborts Result's reuser).
func (b *Builder) generate(ctx context.Context, now time.Time, out output.Writer, index, reuse bool) (*Result, error) {
	start := time.Now()
	r := &run{b: b, ctx: ctx, now: now, out: out, index: index, reuse: reuse, res: &Result{}}
	for _, st := range stages {
		m := startMeter()
		var ok bool
		// The CPU profile tells the stages apart by this label
		// (go tool pprof -tagfocus stage=lists); goroutines the stage
		// starts carry it too.
		pprof.Do(ctx, pprof.Labels("stage", st.name), func(context.Context) { ok = st.do(r) })
		t := m.stop(st.name)
		r.res.Timings = append(r.res.Timings, t)
		if r.err == nil && r.b.opts.ProfileDir != "" {
			r.err = writeHeapProfile(r.b.opts.ProfileDir, len(r.res.Timings), st.name)
		}
		if st.took != nil {
			*st.took(&r.res.Stages) += t.Wall
		}
		if r.err == nil {
			r.err = ctx.Err()
		}
		if !ok || r.err != nil || r.res.Diagnostics.HasErrors() && st.name != "config" {
			return r.fail()
		}
	}
	r.res.Diagnostics.Sort()
	r.res.Pages = len(r.site.Pages)
	r.res.Took = time.Since(start)
	return r.res, nil
}

func (r *run) fail() (*Result, error) {
	r.res.Diagnostics.Sort()
	if r.err != nil {
		return r.res, r.err
	}
	return r.res, r.res.Diagnostics.Err()
}

// failed takes an error of a stage: its diagnostics go to the list; any
// other error stops the build. It returns false.
func (r *run) failed(err error) bool {
	r.err = asDiagnostics(&r.res.Diagnostics, err)
	return false
}

// config reads almanac.toml.
func (r *run) config() bool {
	cfg, diags, ok := r.b.loadConfig()
	r.res.Diagnostics.Append(diags)
	r.cfg = cfg
	return ok
}

// loadConfig reads almanac.toml, with the base URL of the options when
// given, and reports the links and special files of the theme folders at
// their paths (they are read by name as they are needed; the content
// folder's are reported by its walk). ok is false when the configuration
// itself has errors: nothing else can be read then. The theme folders'
// errors do not stop the content from being read and checked.
func (b *Builder) loadConfig() (cfg site.Config, diags site.Diagnostics, ok bool) {
	cfg, diags = content.LoadConfig(b.opts.Source)
	if diags.HasErrors() {
		return cfg, diags, false
	}
	diags.Append(sitefs.Audit(b.opts.Source, siteDirs...))
	if b.opts.BaseURL != "" {
		cfg.BaseURL = normalizeBaseURL(b.opts.BaseURL)
	}
	return cfg, diags, true
}

// load walks the content folder, decodes every page and links them into a
// site. With errors in the front matter the bodies are checked all the
// same, so that one run lists every problem.
func (r *run) load() bool {
	opts := content.Options{Drafts: r.b.opts.Drafts, Now: r.now, LazyBodies: !r.b.opts.KeepBodies}
	if r.reuse && r.b.opts.CacheDir != "" {
		// A warm build reads the front matter trees it parsed last time.
		dir := filepath.Join(r.b.opts.CacheDir, "pages")
		if os.MkdirAll(dir, 0o755) == nil {
			opts.Trees = content.OpenTreeCache(dir)
			r.res.trees = opts.Trees
		}
	}
	s, diags := content.Load(r.ctx, r.b.opts.Source, r.cfg, opts)
	if opts.Trees != nil && opts.Trees.Written() != nil {
		r.res.trees = nil // no trees for the next build: it parses them all
	}
	r.res.Diagnostics.Append(diags)
	if s == nil {
		return false
	}
	r.site, r.res.Site = s, s
	if diags.HasErrors() {
		diags, broken := r.b.checkBodies(r.ctx, s, r.now)
		r.res.Diagnostics.Append(diags)
		r.res.Links, r.res.LinksChecked = broken, true
		return false
	}
	return true
}

// gitDates gives pages without lastmod the date of their file's last
// commit.
func (r *run) gitDates() bool {
	if r.dates == nil {
		r.dates = r.b.readGitDates(r.ctx)
	}
	applyGitDates(r.site, r.dates)
	return true
}

// history gives stories and releases the timestamps their front matter
// leaves out, from the code repositories of [[repositories]], and reports
// where front matter and git disagree.
func (r *run) history() bool {
	diags := history.Apply(r.ctx, r.site, r.b.opts.GitDir, r.b.opts.CacheDir)
	r.res.Diagnostics.Append(diags)
	if !r.b.opts.KeepBodies {
		// No later stage reports at a front matter key (the preview,
		// which keeps bodies, links pages again and does): a large site
		// need not hold where every value stands, a kilobyte a page.
		for _, p := range r.site.Pages {
			p.Fields = site.Fields{}
		}
	}
	return !diags.HasErrors()
}

// metrics computes the figures once: /metrics/, the home page's tiles and
// every ```chart block read this one report.
func (r *run) metrics() bool {
	r.report = metrics.Compute(r.site, r.now, 0)
	return true
}

// derive is what follows linking, for a site linked elsewhere (the
// preview): the git dates, the timestamps of the code repositories (read
// from the cache while their heads stay put) and the metrics report, with
// the history stage's diagnostics.
func (b *Builder) derive(ctx context.Context, s *site.Site, dates map[string]time.Time, now time.Time) (*metrics.Report, site.Diagnostics) {
	r := &run{b: b, ctx: ctx, now: now, site: s, dates: dates, res: &Result{}}
	if dates == nil {
		r.dates = map[string]time.Time{} // the caller read none: read none here
	}
	r.gitDates()
	r.history()
	r.metrics()
	return r.report, r.res.Diagnostics
}

// prepare parses the templates and binds them to the site.
func (r *run) prepare() bool {
	rd, err := r.b.renderer()
	if err != nil {
		return r.failed(err)
	}
	opts := []render.PrepareOption{render.Once()} // the renderer is this run's
	var u *reuser
	if r.reuse {
		u = r.b.newReuser(r)
		r.res.reuse = u
	}
	if !r.index || u != nil && u.takeIndex() {
		// Check writes no index; a warm build took the last one.
		opts = append(opts, render.WithoutIndex())
	} else if u != nil {
		if st, err := u.searchState(len(r.site.Pages)); err == nil {
			opts = append(opts, render.WithSearchState(st))
		}
	}
	if r.prep, r.md, err = r.b.bind(rd, r.site, r.report, opts...); err != nil {
		return r.failed(err)
	}
	if u != nil {
		u.prep = r.prep
	}
	r.links = newLinkResolver(r.site)
	if u != nil {
		u.links = r.links
	}
	return true
}

// renderer parses the theme's templates and the site's over them.
func (b *Builder) renderer() (*render.Renderer, error) {
	return render.New(render.Options{
		Theme:      b.opts.Theme,
		Site:       b.opts.Source,
		ExtraCSS:   extraCSS(),
		LiveReload: b.opts.LiveReload,
	})
}

// bind binds a renderer to a site and its report, and makes the Markdown
// renderer whose fenced blocks the render extensions draw.
func (b *Builder) bind(rd *render.Renderer, s *site.Site, report *metrics.Report, opts ...render.PrepareOption) (*render.Prepared, *markdown.Markdown, error) {
	prep, err := rd.Prepare(s, append([]render.PrepareOption{render.WithMetrics(report)}, opts...)...)
	if err != nil {
		return nil, nil, err
	}
	return prep, markdown.New(b.markdownOptions(s, prep)), nil
}

// pages renders every body and each content page's own files, or takes
// them from the last build where that provably makes the same files.
func (r *run) pages() bool {
	u := r.res.reuse
	if !r.b.opts.KeepBodies {
		r.early = check.NewEarly(r.site)
		r.kept = &keptBlocks{anchors: &anchorBlocks{}}
	}
	r.res.Diagnostics.Append(r.b.renderPages(r.ctx, r.site, r.prep, r.md, r.links, r.out, u, r.early, r.kept))
	if u != nil {
		r.res.Reused = u.reused
	}
	return true
}

// checks checks links and anchors once every page is rendered (those the
// pages stage could not check as it went: links to other pages' anchors
// and to generated files); the build publishes nothing while one is
// broken.
func (r *run) checks() bool {
	var (
		diags  site.Diagnostics
		broken check.Broken
	)
	if r.early != nil {
		diags, broken = r.early.Report(r.site, check.Options{Outputs: r.prep.Outputs()})
		// What only the checks read goes before the lists, the stage
		// that holds the most: every page's anchors and waiting links,
		// and the lookups of the checks and the link resolver.
		r.early, r.links = nil, nil
		if r.kept != nil {
			r.kept.anchors = nil
		}
		for _, p := range r.site.Pages {
			if p.Rendered != nil {
				p.Rendered.Anchors, p.Rendered.Links = nil, nil
			}
		}
	} else {
		diags, broken = checkLinks(r.site, r.prep.Outputs())
	}
	r.res.Diagnostics.Append(diags)
	r.res.Links, r.res.LinksChecked = broken, true
	return true
}

// lists makes the home page, the lists, the extensions' files (feeds,
// metrics, calendar, the search index) and the static files.
func (r *run) lists() bool {
	u := r.res.reuse
	if u == nil {
		if err := r.prep.Finish(r.ctx, r.out); err != nil {
			return r.failed(err)
		}
		return true
	}
	indexFiles, err := r.prep.FinishReusing(r.ctx, r.out, u.takeList)
	if err != nil {
		return r.failed(err)
	}
	u.listsDone(indexFiles)
	r.res.ReusedLists = u.listsTaken
	return true
}
