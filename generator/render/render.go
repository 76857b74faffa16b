// Package render turns a loaded site into files: every page through the
// theme's html/template layouts (with the site's own layouts laid over
// them), the static files with a fingerprinted stylesheet, the content's
// assets, the Atom feed, the sitemap and the redirects of aliases.
package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"sync"
	"time"

	"almanac/generator/internal/pool"
	"almanac/generator/output"
	"almanac/generator/site"
	"almanac/generator/sitefs"
)

// Options configure a Renderer.
type Options struct {
	// Theme holds the default layouts/ and static/.
	Theme fs.FS
	// Site is the site root; its layouts/ and static/ replace the theme's
	// files of the same path. Nil means none.
	Site fs.FS
	// ExtraCSS is appended to the main stylesheet (syntax highlighting).
	ExtraCSS string
	// LiveReload, when set, is a script URL put before </body> of every
	// page (the preview server's reload client).
	LiveReload string
}

// Renderer holds the parsed templates and UI strings. It is safe for
// concurrent use and may render many sites (or many versions of one).
type Renderer struct {
	opts Options
	tmpl *templates
	tr   translations
	head bool // whether the header partials are the theme's (header.go)
}

// New parses every template once, the theme's and then the site's over
// them. Template errors are reported together, each at file:line:col.
func New(opts Options) (*Renderer, error) {
	if opts.Theme == nil {
		return nil, errors.New("render: no theme")
	}
	files := sitefs.Overlay{Site: opts.Site, Theme: opts.Theme}
	tmpl, err := parseTemplates(files)
	if err != nil {
		return nil, err
	}
	// UI strings merge key by key: the site may add keys or replace one.
	tr, err := loadTranslations(files.Layers()...)
	if err != nil {
		return nil, err
	}
	return &Renderer{opts: opts, tmpl: tmpl, tr: tr, head: themeHeader(tmpl, opts.Theme)}, nil
}

// Render writes the whole site to out: every page in parallel, the static
// files, the assets, feeds, sitemap and redirects.
func (r *Renderer) Render(ctx context.Context, s *site.Site, out output.Writer) error {
	p, err := r.Prepare(s)
	if err != nil {
		return err
	}
	return p.Run(ctx, p.Jobs(), out)
}

// Prepared is a Renderer bound to one site: templates with that site's
// functions, the lists shared by its pages and the stylesheet's name. It
// lets a caller render single pages again (see Jobs and PageJobs).
type Prepared struct {
	r     *Renderer
	s     *site.Site
	env   *env
	sets  map[string]*template.Template
	css   asset
	files []staticFile
	bufs  sync.Pool

	exts    []extension           // the features beyond the core (extension.go)
	metrics *metricsExt           // the one extension whose report callers ask for
	head    *headers              // the site header, made once a section (header.go)
	badges  *badges               // badge.html's markup by kind and value (badge.go)
	settled map[string]*sync.Once // settles each layout's set before its first page (fold.go)
}

// Prepare binds the renderer to s. It does the per-site work once: lists
// for the home page and the board, lookups by name, the stylesheet.
func (r *Renderer) Prepare(s *site.Site, opts ...PrepareOption) (*Prepared, error) {
	var pc prepareConfig
	for _, o := range opts {
		o(&pc)
	}
	loc := s.Config.Location
	if loc == nil {
		loc = time.UTC
	}
	tr := r.tr.forLang(s.Config.Language)
	e := &env{
		site:  s,
		u:     newURLs(s.Config.BaseURL),
		clk:   clock{loc: loc, tr: tr},
		tr:    tr,
		views: newViews(s),
	}
	p := &Prepared{r: r, s: s, env: e, head: newHeaders(r.head)}
	p.exts = newExtensions(p, pc)
	fm := funcMap(e)
	fm["header"] = p.header
	fm["badge"] = p.badge
	for _, x := range p.exts {
		if m, ok := x.(*metricsExt); ok {
			p.metrics = m
		}
		for name, fn := range x.funcs() {
			fm[name] = fn
		}
	}
	var err error
	if p.sets, err = r.tmpl.bind(fm, pc.once); err != nil {
		return nil, err
	}
	folds := folders(e)
	if p.badges, err = newBadges(p.sets, folds); err != nil {
		return nil, err
	}
	p.settled = make(map[string]*sync.Once, len(p.sets))
	for layout, set := range p.sets {
		fold(set, folds)
		p.settled[layout] = new(sync.Once)
	}
	if p.css, p.files, err = r.statics(); err != nil {
		return nil, err
	}
	p.bufs.New = func() any { return new(bytes.Buffer) }
	return p, nil
}

// Job is one output file: its name, the source files (site-relative) whose
// content it shows, and how to make it. A preview server may redo only the
// jobs whose sources changed, or whose list of sources differs from the
// last one; a warm build takes a job's file from the last output when its
// sources are as they were. A source may also be a name that is no file,
// beginning with a NUL byte: it stands for a figure the file shows that
// comes of pages it does not name (a paged list's lengths, the calendar's
// epoch), and differs when that figure does.
type Job struct {
	Name    string
	Sources []string
	make    func(b *bytes.Buffer) error
	layout  string // the layout it runs, if any (what it shows of the present)
}

// Run makes the jobs on the worker pool and writes each file to out.
// Every failure is reported, in job order.
func (p *Prepared) Run(ctx context.Context, jobs []Job, out output.Writer) error {
	errs := make([]error, len(jobs))
	if err := pool.Each(ctx, len(jobs), func(i int) { errs[i] = p.run(jobs[i], out) }); err != nil {
		return err
	}
	var diags site.Diagnostics
	for i, err := range errs {
		if err == nil {
			continue
		}
		var d site.Diagnostic
		if errors.As(err, &d) {
			diags.Add(d)
			continue
		}
		diags.Errorf(site.Pos{File: firstOr(jobs[i].Sources, jobs[i].Name)}, "%s: %v", jobs[i].Name, err)
	}
	return diags.Err()
}

// RunJob renders one job on the calling goroutine, for callers that
// schedule jobs themselves (the build renders each page right after its
// Markdown). Its error is a site.Diagnostic where it comes from a template.
func (p *Prepared) RunJob(j Job, out output.Writer) error { return p.run(j, out) }

func (p *Prepared) run(j Job, out output.Writer) error {
	b := p.bufs.Get().(*bytes.Buffer)
	b.Reset()
	defer p.bufs.Put(b)
	if err := j.make(b); err != nil {
		return err
	}
	return out.WriteFile(j.Name, b.Bytes())
}

// execute renders one layout with data into b.
func (p *Prepared) execute(b *bytes.Buffer, d *Data, source string) error {
	set, ok := p.sets[d.Layout]
	if !ok {
		d.Layout = "page.html"
		if set, ok = p.sets[d.Layout]; !ok {
			return site.Diagnostic{Pos: site.Pos{File: layoutsDir + "/page.html"}, Msg: "missing: pages without a layout of their own use it"}
		}
	}
	p.settled[d.Layout].Do(func() { settle(set, p.entryNames(d.Layout)) })
	if err := set.ExecuteTemplate(b, p.entry(d.Layout), d); err != nil {
		diag := p.r.tmpl.diagnostic(err)
		if source != "" {
			diag.Msg += fmt.Sprintf(" (rendering %s)", source)
		}
		return diag
	}
	if lr := p.r.opts.LiveReload; lr != "" {
		injectScript(b, lr)
	}
	return nil
}

// entry is the template a page of layout runs: baseof.html, or the
// layout itself when it is a whole page.
func (p *Prepared) entry(layout string) string {
	if p.r.tmpl.alone[layout] {
		return layout
	}
	return baseofName
}

// entryNames are the names the render executes in layout's set: its
// entry, and the header when the header function runs it (header.go,
// only ever while the set runs a page). badge.html runs in a set of its
// own (badge.go).
func (p *Prepared) entryNames(layout string) []string {
	names := []string{p.entry(layout)}
	if p.head.on {
		names = append(names, headerName)
	}
	return names
}

// injectScript puts a script tag before the last </body>, or at the end.
func injectScript(b *bytes.Buffer, src string) {
	tag := []byte(`<script src="` + template.HTMLEscapeString(src) + `" defer></script>`)
	data := b.Bytes()
	i := bytes.LastIndex(data, []byte("</body>"))
	if i < 0 {
		b.Write(tag)
		return
	}
	rest := append([]byte(nil), data[i:]...)
	b.Truncate(i)
	b.Write(tag)
	b.Write(rest)
}

func firstOr(list []string, def string) string {
	if len(list) > 0 {
		return list[0]
	}
	return def
}
