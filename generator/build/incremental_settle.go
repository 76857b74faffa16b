package build

import (
	"context"
	"hash/fnv"
	"path"
	"slices"
	"strings"
	"time"

	"almanac/generator/content"
	"almanac/generator/metrics"
	"almanac/generator/output"
	"almanac/generator/render"
	"almanac/generator/site"
)

// Settling is the work Apply left for later, with a snapshot of the last
// good site to do it on. Run may run on another goroutine while Apply
// takes further changes: it shares no state with Apply, and what it
// renders never replaces a file a later Apply wrote.
type Settling struct {
	x        *Incremental
	w        work
	gen      uint64
	cfg      site.Config
	drafts   bool
	now      time.Time
	renderer *render.Renderer
	pages    []*site.Page
	rendered map[string]*site.Rendered
	bodyZ    map[string][]byte   // the deflated HTML of light Rendered values (see lighten)
	owned    map[string][]string // source → its page's own output names, as Apply last indexed them
	assets   []string
	gitDates map[string]time.Time

	listsShowBodies bool                  // see shows
	calendarOwn     bool                  // see calendarFile
	bodyPages       map[string]*site.Page // the pages whose bodies alone changed, by source
	home            string                // the home page's source
	search          *render.SearchCache   // the index kept across runs
	fresh           map[string]bool       // lists the Apply of the snapshot's generation rendered

	// The site Apply linked and its report, for a Run that no Apply
	// runs beside (see SettleAlone); nil when Run links its own.
	linked *site.Site
	report *metrics.Report
}

// Settle takes the pending work and a snapshot to do it on. Call it where
// Apply is called, never while Apply runs.
func (x *Incremental) Settle() *Settling {
	x.mu.Lock()
	w, gen, fresh := x.settle, x.gen, x.fresh
	x.settle = work{}
	if x.search == nil {
		x.search = render.NewSearchCache()
	}
	cache := x.search
	x.mu.Unlock()
	s := &Settling{x: x, w: w, gen: gen, cfg: x.cfg, drafts: x.b.opts.Drafts, now: x.now, renderer: x.renderer,
		rendered: make(map[string]*site.Rendered, len(x.files)), bodyZ: map[string][]byte{}, gitDates: x.gitDates,
		listsShowBodies: x.listsShowBodies(), calendarOwn: x.calendarOwn(), owned: x.owned, search: cache, fresh: fresh}
	var others []string
	for src, f := range x.files {
		switch {
		case f.good != nil:
			s.pages = append(s.pages, f.good)
			s.rendered[src] = f.goodMD
			if f.goodZ != nil {
				s.bodyZ[src] = f.goodZ
			}
		case f.goodAsset:
			others = append(others, src)
		}
	}
	s.assets = content.Assets(others, s.pages, x.contentDir())
	return s
}

// SettleAlone is Settle for a caller that applies no change until Run
// returns, as the first build does: Run then renders on the site the
// last good Apply linked, rather than on one linked anew from the
// snapshot, so that the site is neither linked twice nor held twice.
func (x *Incremental) SettleAlone() *Settling {
	s := x.Settle()
	s.linked, s.report = x.site, x.report
	return s
}

// Run renders the lists and derived views that show a changed file (and
// those that name no sources, which may show anything), then, when
// layouts or static files changed, every page again. After each of the two
// it commits what changed and, when emit is not nil, calls it with that;
// at the end it removes files the site no longer makes. It returns the
// whole. When ctx is cancelled, the work goes back to the queue; when it
// fails, the work waits for the next change.
func (s *Settling) Run(ctx context.Context, emit func(*Update)) *Update {
	start := time.Now()
	total := &Update{Deferred: true}
	if s.w.empty() || s.renderer == nil {
		return total
	}
	x := s.x
	fail := func(err error) *Update {
		if ctx.Err() != nil {
			x.requeue(s.w, false)
			return total
		}
		if err != nil && asDiagnostics(&total.Diagnostics, err) != nil {
			total.Diagnostics.Errorf(site.Pos{}, "%v", err)
		}
		total.Diagnostics.Sort()
		x.requeue(s.w, true)
		total.Took = time.Since(start)
		return total
	}
	linked, report := s.linked, s.report
	if linked == nil {
		var diags site.Diagnostics
		linked, diags = content.Link(s.cfg, s.pages, content.Options{Drafts: s.drafts, Now: s.now})
		linked.Assets = s.assets
		if diags.HasErrors() {
			total.Diagnostics = diags
			return fail(nil)
		}
		report, _ = x.b.derive(ctx, linked, s.gitDates, s.now) // Apply reported its diagnostics
		for _, p := range linked.Pages {
			if p.Rendered = s.rendered[p.Source]; p.Rendered == nil {
				p.Rendered = &site.Rendered{}
			}
		}
	}
	s.bodyPages = map[string]*site.Page{}
	for _, p := range linked.Pages {
		if s.w.bodies[p.Source] {
			s.bodyPages[p.Source] = p
		}
	}
	if linked.Home != nil {
		s.home = linked.Home.Source
	}
	// The lists first, then the search index: a list that shows a new
	// title does not wait for it. Only what changed since the last run
	// is indexed again, in the index the cache keeps; its files are a
	// fresh index's.
	prep, _, err := x.b.bind(s.renderer, linked, report, render.WithSearchCache(s.search.Reading(s.wholeText)))
	if err != nil {
		return fail(err)
	}
	lists, pages, all := s.choose(linked, prep)
	if ctx.Err() != nil {
		return fail(nil)
	}
	// run renders jobs settleChunk at a time, writing each file as it
	// comes (see settledWriter), so that the pages' bodies' HTML read back
	// is never the whole site's at once.
	// give, when not nil, gives the pages a chunk's jobs show what they
	// need of their bodies and returns the light values to put back.
	run := func(prep *render.Prepared, jobs []render.Job, give func([]render.Job) map[*site.Page]*site.Rendered) bool {
		if len(jobs) == 0 {
			return true
		}
		up := &Update{Deferred: true, Outputs: len(jobs), StyleOnly: s.styleOnly()}
		w := &settledWriter{x: x, gen: s.gen}
		// What was written is told, whether or not every chunk was.
		defer func() {
			total.Changed = mergeSorted(total.Changed, up.Changed)
			if emit != nil && len(up.Changed) > 0 {
				up.Took = time.Since(start)
				emit(up)
			}
		}()
		for i := 0; i < len(jobs); i += settleChunk {
			part := jobs[i:min(i+settleChunk, len(jobs))]
			var back map[*site.Page]*site.Rendered
			if give != nil {
				back = give(part)
			}
			err = prep.Run(ctx, part, w)
			up.Changed = mergeSorted(up.Changed, w.take())
			for p, light := range back {
				p.Rendered = light
			}
			if err != nil || ctx.Err() != nil {
				return false
			}
		}
		total.Outputs += len(jobs)
		return true
	}
	if s.listsShowBodies {
		defer s.inflateAll(ctx, linked.Pages)()
	}
	// The lists of the changed pages' kinds first (the page of /stories/
	// that shows an edited story's entry), then the long tail.
	own, rest := s.ownLists(linked, lists)
	if !run(prep, own, nil) || !run(prep, rest, nil) {
		return fail(err)
	}
	var bySource map[string]*site.Page
	pagesBySource := func() map[string]*site.Page {
		if bySource == nil {
			bySource = make(map[string]*site.Page, len(linked.Pages))
			for _, p := range linked.Pages {
				bySource[p.Source] = p
			}
		}
		return bySource
	}
	if !run(prep, pages, func(part []render.Job) map[*site.Page]*site.Rendered {
		return s.inflateFor(part, pagesBySource())
	}) {
		return fail(err)
	}
	if s.indexes() {
		var index []render.Job
		for _, j := range prep.IndexJobs() {
			if !all[j.Name] {
				index = append(index, j)
			}
		}
		if ctx.Err() != nil {
			return fail(nil)
		}
		jobs, _, names := s.pick(index, nil)
		for name := range names {
			all[name] = true
		}
		// A record file shows the start of its pages' whole text.
		records := recordFiles(len(linked.Pages))
		if !run(prep, jobs, func(part []render.Job) map[*site.Page]*site.Rendered {
			return s.wholeFor(part, records, pagesBySource)
		}) {
			return fail(err)
		}
	} else {
		// Nothing the index shows changed: its files stay.
		for _, name := range x.out.Names() {
			if strings.HasPrefix(name, searchPrefix) {
				all[name] = true
			}
		}
	}
	if removed := x.collect(all, s.gen); len(removed) > 0 {
		total.Changed = mergeSorted(total.Changed, removed)
		if emit != nil {
			emit(&Update{Deferred: true, Changed: removed, StyleOnly: s.styleOnly(), Took: time.Since(start)})
		}
	}
	if s.linked != nil {
		// The first build is done: what it highlighted is in the cache
		// folder.
		x.freshHighlights()
	}
	total.StyleOnly = s.styleOnly()
	total.Took = time.Since(start)
	return total
}

// ownLists splits lists into those of the kinds of the pages that changed
// themselves (/stories/ and its pages for a story) and the others, each
// in its order.
func (s *Settling) ownLists(linked *site.Site, lists []render.Job) (own, rest []render.Job) {
	var prefixes []string
	for _, p := range linked.Pages {
		if !s.w.sources[p.Source] || s.w.shown[p.Source] {
			continue
		}
		if k, ok := site.KindByName(string(p.Kind)); ok && k.ListURL != "" {
			prefix := strings.TrimPrefix(k.ListURL, "/")
			if prefix != "" && !slices.Contains(prefixes, prefix) {
				prefixes = append(prefixes, prefix)
			}
		}
	}
	if len(prefixes) == 0 {
		return nil, lists
	}
	for _, j := range lists {
		if slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(j.Name, p) }) {
			own = append(own, j)
		} else {
			rest = append(rest, j)
		}
	}
	return own, rest
}

// choose splits the site's jobs: the lists and views to render (every one
// when everything, the layouts or static files changed), the content
// pages' own files (when layouts or static files changed), and the names
// of every file the site makes.
func (s *Settling) choose(linked *site.Site, prep *render.Prepared) (lists, pages []render.Job, all map[string]bool) {
	// The pages' own files, as Apply indexed them for the same site (the
	// snapshot's); the Apply of a change that came since indexed another.
	owned := make(map[string]bool, len(s.owned))
	for _, names := range s.owned {
		for _, name := range names {
			owned[name] = true
		}
	}
	if s.owned == nil {
		for _, p := range linked.Pages {
			if p != linked.Home {
				for _, j := range prep.PageJobs(p) {
					owned[j.Name] = true
				}
			}
		}
	}
	return s.pick(prep.JobsBeforeIndex(), owned)
}

// pick chooses among jobs as choose does, owned naming the content pages'
// own files.
func (s *Settling) pick(jobs []render.Job, owned map[string]bool) (lists, pages []render.Job, all map[string]bool) {
	all = make(map[string]bool, len(jobs))
	whole := s.w.wholeSite()
	// Apply rendered every page itself when everything was to be done.
	again := s.w.layouts || s.w.statics
	sigs := newSignatures()
	s.x.sigMu.Lock()
	defer s.x.sigMu.Unlock()
	for _, j := range jobs {
		all[j.Name] = true
		if owned[j.Name] {
			if again {
				pages = append(pages, j)
			}
			continue
		}
		// A file whose job names other sources than last time shows
		// other things (a new list, a renumbered search record).
		sig := sigs.of(j.Sources)
		moved := s.x.sources[j.Name] != sig
		s.x.sources[j.Name] = sig
		if s.fresh[j.Name] && !whole {
			continue // Apply rendered it from this very site
		}
		made := has(s.x.out, j.Name)
		if whole || moved || !made || len(j.Sources) == 0 || s.shows(j) {
			lists = append(lists, j)
			if s.x.picked != nil {
				s.x.picked(j.Name)
			}
		}
	}
	return lists, pages, all
}

// signatures hashes lists of sources, once per list: many jobs share one
// (every shard of the search index names every page).
type signatures map[*string]map[int]uint64

func newSignatures() signatures { return signatures{} }

func (sg signatures) of(list []string) uint64 {
	if len(list) == 0 {
		return 0
	}
	byLen := sg[&list[0]]
	if sum, ok := byLen[len(list)]; ok {
		return sum
	}
	h := fnv.New64a()
	for _, s := range list {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	if byLen == nil {
		byLen = map[int]uint64{}
		sg[&list[0]] = byLen
	}
	byLen[len(list)] = h.Sum64()
	return byLen[len(list)]
}

// searchPrefix starts the names of the search page and its index.
const searchPrefix = "search/"

// indexes reports whether the search index may show what changed: every
// file when the whole site is rendered again, a content page when one
// changed (the index shows every page's text). Other files (an image)
// leave it as it is.
func (s *Settling) indexes() bool {
	if s.w.wholeSite() || s.w.reload {
		return true
	}
	for src := range s.w.sources {
		if content.IsMarkdown(src) {
			return true
		}
	}
	return false
}

// styleOnly reports whether the work is only stylesheets changing, so
// pages differ only in the stylesheet they link.
func (s *Settling) styleOnly() bool {
	if s.w.reload || s.w.all || s.w.layouts || len(s.w.sources) == 0 {
		return false
	}
	for src := range s.w.sources {
		if !strings.HasPrefix(src, "static/") || path.Ext(src) != ".css" {
			return false
		}
	}
	return true
}

// requeue puts work back: to run again soon, or, after a failure, after
// the next successful Apply.
func (x *Incremental) requeue(w work, failed bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if failed {
		x.retry.add(w)
	} else {
		x.settle.add(w)
	}
}

// settleChunk is how many files Run renders at a time. What a chunk holds
// while it is rendered (the pages' bodies read back) adds to the live
// heap, and a preview's memory limit follows the live heap up once it
// nears the budget.
const settleChunk = 256

// settledWriter writes what a Settle renders as it comes, except files an
// Apply wrote after the snapshot was taken: those are newer. A file as it
// is already costs nothing more than its hash; another is made ready to
// keep (compressed, by the preview's store) before the lock an Apply
// waits for is taken. Nothing holds a copy of a chunk's files: after a
// layout change, at 10,000 pages, the copies were a quarter of what a
// Settle allocated and 28 MiB of its live heap.
type settledWriter struct {
	x       *Incremental
	gen     uint64
	changed []string // guarded by x.mu
}

func (w *settledWriter) WriteFile(name string, data []byte) error {
	c, err := output.CleanName(name)
	if err != nil {
		return err
	}
	x := w.x
	if same(x.out, c, data) {
		return nil
	}
	keep, err := pack(x.out, c, data)
	if err != nil {
		return err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.writtenAt[c] <= w.gen {
		keep()
		w.changed = append(w.changed, c)
	}
	return nil
}

// take returns the names written since the last call, sorted.
func (w *settledWriter) take() []string {
	w.x.mu.Lock()
	changed := w.changed
	w.changed = nil
	w.x.mu.Unlock()
	return mergeSorted(nil, changed)
}

// collect removes the files the site no longer makes, except those an
// Apply wrote after the snapshot.
func (x *Incremental) collect(keep map[string]bool, gen uint64) []string {
	var removed []string
	for _, name := range x.out.Names() {
		if keep[name] {
			continue
		}
		x.mu.Lock()
		if x.writtenAt[name] <= gen {
			x.out.Remove(name)
			delete(x.writtenAt, name)
			removed = append(removed, name)
		}
		x.mu.Unlock()
		x.sigMu.Lock()
		delete(x.sources, name)
		x.sigMu.Unlock()
	}
	return removed
}
