package build

import (
	"context"
	"hash/maphash"
	"sort"
	"sync"
	"time"

	"almanac/generator/markdown"
	"almanac/generator/metrics"
	"almanac/generator/render"
	"almanac/generator/site"
)

// Incremental keeps a site in memory and brings it up to date after files
// change, redoing only what they touch. It keeps every page as decoded and
// every body as rendered, by source path: a changed story is decoded and
// its Markdown rendered again, the site is linked again only when its front
// matter changed (linking is cheap), and only the files whose render.Job
// sources name the story are rendered again. A layout change renders pages
// again without parsing any Markdown; the highlighting cache is the
// Builder's, kept across changes.
//
// Work happens in two steps. Apply does what a reader waits for: the
// changed pages and the pages that show them. Settle then brings the lists
// and the derived views (feeds, search index, static files) up to date, on
// a snapshot, so that it may run on another goroutine while Apply takes the
// next change. Apply is not safe for concurrent use; Settle may run beside
// it.
//
// While the content has errors nothing is written: out keeps the last good
// site, and the changes wait until the errors are fixed.
type Incremental struct {
	b   *Builder
	now time.Time
	out Output

	// What the files say now.
	cfg      site.Config
	cfgDiags site.Diagnostics
	files    map[string]*sourceFile // content files by site-relative path
	gitDates map[string]time.Time   // last commit of each file, read with the configuration

	// What the last good Apply rendered from.
	renderer *render.Renderer
	site     *site.Site
	links    *linkResolver
	report   *metrics.Report
	figures  string // the report as JSON
	prep     *render.Prepared
	md       *markdown.Markdown  // bound to prep: charts draw its report
	deps     map[string][]string // source → sources of the pages whose own files show it
	owned    map[string][]string // source → its page's own output names
	recheck  bool                // the last link check failed: check every page next time

	dirty work // what Apply still has to do; kept while the content has errors
	ok    bool // whether the last Apply succeeded; guarded by mu

	mu        sync.Mutex // guards what Settle shares with Apply
	settle    work       // what Settle still has to do
	retry     work       // work of a Settle that failed, retried after the next change
	gen       uint64     // successful Applies so far
	writtenAt map[string]uint64
	fresh     map[string]bool // the lists the last Apply rendered (see ownLists); never changed, only replaced

	sigMu   sync.Mutex
	sources map[string]uint64 // output name → signature of its job's sources at the last Settle
	picked  func(name string) // when not nil, hears of each file Settle chose to render (tests)

	chunk int // bodies Apply renders in chunks beyond (see runPages); settleChunk when 0

	seed             maphash.Seed     // of bodyHash
	bodiesFor        *render.Renderer // the templates bodiesShown and calendarShowsOwn were worked out for
	bodiesShown      bool             // whether a list layout may show a page's body
	calendarShowsOwn bool             // whether the calendar shows only its pages' own front matter

	search *render.SearchCache // the search index Settle keeps from one run to the next
	bodies bodyCodec           // deflates and reads back the light bodies (see lighten)
}

// Update says what one step did.
type Update struct {
	// Changed are the output names written with new bytes, or removed,
	// sorted.
	Changed []string
	// Diagnostics are the errors and warnings of the whole site; when
	// there are errors nothing was written.
	Diagnostics site.Diagnostics
	// Deferred is true for what Settle did.
	Deferred bool
	// StyleOnly is true when only stylesheets changed, so that the pages
	// among Changed differ only in the stylesheet they link.
	StyleOnly bool
	// Markdown counts page bodies rendered, Outputs files rendered
	// (whether their bytes changed or not).
	Markdown, Outputs int
	Took              time.Duration
}

// Failed reports whether the step stopped on errors.
func (u *Update) Failed() bool { return u.Diagnostics.HasErrors() }

// work is what changes ask for.
type work struct {
	reload  bool            // almanac.toml: read everything again
	all     bool            // render every file
	layouts bool            // templates changed: every page again
	statics bool            // static/ changed: the stylesheet and so every page
	sources map[string]bool // changed files, site-relative
	// bodies are the changed files among sources of which only the body
	// changed: the lists show of them what they showed, but for the few
	// files that show bodies (see shows).
	bodies map[string]bool
	// shown are the changed files among sources that changed only in
	// that their page shows a changed one (a release whose story got a
	// new title): a list that names what it shows of other pages among
	// its sources need not render again for them (see namesRelations).
	shown map[string]bool
}

func (w *work) add(o work) {
	w.reload = w.reload || o.reload
	w.all = w.all || o.all
	w.layouts = w.layouts || o.layouts
	w.statics = w.statics || o.statics
	for s := range o.sources {
		switch {
		case o.shown[s]:
			w.markShown(s)
		// Only the body changed only when it did in both.
		case o.bodies[s] && (!w.sources[s] || w.bodies[s]):
			w.markBody(s)
		default:
			w.mark(s)
		}
	}
}

// mark takes src as changed in any way.
func (w *work) mark(src string) {
	if w.sources == nil {
		w.sources = map[string]bool{}
	}
	w.sources[src] = true
	delete(w.bodies, src)
	delete(w.shown, src)
}

// markBody takes src as changed in its body only, unless it is marked as
// changed otherwise already. A file marked as showing a changed one
// whose body changed too counts as changed in any way.
func (w *work) markBody(src string) {
	if w.shown[src] {
		w.mark(src)
		return
	}
	if w.sources[src] && !w.bodies[src] {
		return
	}
	if w.bodies == nil {
		w.bodies = map[string]bool{}
	}
	w.mark(src)
	w.bodies[src] = true
}

// markShown takes src as changed because its page shows a changed one,
// unless it is marked as changed itself already.
func (w *work) markShown(src string) {
	if w.sources[src] && !w.shown[src] {
		w.mark(src) // a body change too: changed in any way
		return
	}
	w.mark(src)
	if w.shown == nil {
		w.shown = map[string]bool{}
	}
	w.shown[src] = true
}

func (w *work) empty() bool {
	return !w.reload && !w.all && !w.layouts && !w.statics && len(w.sources) == 0
}

// wholeSite reports whether every file is to be rendered again.
func (w *work) wholeSite() bool { return w.all || w.layouts || w.statics }

// Incremental returns a builder that renders the site at now into out. Call
// Build first.
func (b *Builder) Incremental(now time.Time, out Output) *Incremental {
	return &Incremental{
		b: b, now: now, out: out,
		files:     map[string]*sourceFile{},
		dirty:     work{reload: true, all: true},
		writtenAt: map[string]uint64{},
		sources:   map[string]uint64{},
		seed:      maphash.MakeSeed(),
	}
}

// Build renders the whole site: Apply and Settle of everything.
func (x *Incremental) Build(ctx context.Context) *Update {
	start := time.Now()
	x.dirty.add(work{reload: true, all: true})
	up := x.Apply(ctx, nil, nil)
	if up.Failed() || ctx.Err() != nil {
		return up
	}
	rest := x.SettleAlone().Run(ctx, nil)
	up.Changed = mergeSorted(up.Changed, rest.Changed)
	up.Diagnostics.Append(rest.Diagnostics)
	up.Diagnostics.Sort()
	up.Outputs += rest.Outputs
	up.Took = time.Since(start)
	return up
}

// ContentDir is the content folder, relative to the site root, as the
// configuration last read names it.
func (x *Incremental) ContentDir() string { return x.contentDir() }

// Site is the site of the last good Apply, or nil. Apply changes it; read
// it only between Applies.
func (x *Incremental) Site() *site.Site { return x.site }

// Apply takes the files at paths (slash paths relative to the site root; a
// folder stands for everything in it) as changed, and renders the pages
// that show them. When layouts changed, it renders only the pages at the
// URLs hot (those open in a browser) and leaves the rest to Settle.
func (x *Incremental) Apply(ctx context.Context, paths, hot []string) *Update {
	start := time.Now()
	x.note(ctx, paths)
	up := &Update{}
	st, diags := x.prepare(ctx)
	up.Diagnostics = diags
	if st == nil || diags.HasErrors() || ctx.Err() != nil {
		up.Took = time.Since(start)
		return up
	}
	up.Markdown = st.markdown
	jobs := x.pageJobs(st, hot)
	staged := newStaging()
	if x.site == nil {
		staged.direct = x.out
	}
	failed := func(err error) *Update {
		asDiagnostics(&up.Diagnostics, err)
		if !up.Diagnostics.HasErrors() {
			up.Diagnostics.Errorf(site.Pos{}, "%v", err)
		}
		up.Diagnostics.Sort()
		up.Took = time.Since(start)
		return up
	}
	if err := x.runPages(ctx, st, jobs, staged); err != nil {
		return failed(err)
	}
	lists := x.ownLists(st)
	if err := st.prep.Run(ctx, lists, staged); err != nil {
		return failed(err)
	}
	up.Outputs = len(jobs) + len(lists)
	up.Changed = x.commit(st, staged, lists)
	x.lighten(ctx)
	up.Took = time.Since(start)
	return up
}

// Pending reports whether Settle has work to do. It has none while the
// content has errors.
func (x *Incremental) Pending() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.ok && !x.settle.empty()
}

// mergeSorted merges two sorted lists, dropping duplicates.
func mergeSorted(a, b []string) []string {
	out := append(append([]string(nil), a...), b...)
	sort.Strings(out)
	n := 0
	for i, s := range out {
		if i == 0 || s != out[n-1] {
			out[n] = s
			n++
		}
	}
	return out[:n]
}
