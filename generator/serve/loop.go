package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"almanac/generator/build"
	"almanac/generator/site"
)

// reloadMessage is the "reload" event: the URL paths whose files changed,
// and the stylesheets a page may swap in without reloading.
type reloadMessage struct {
	URLs []string `json:"urls"`
	CSS  []string `json:"css,omitempty"`
}

// build runs the first build: everything, the deferred part too. The
// server answers meanwhile with the building page.
func (s *Server) build(ctx context.Context) {
	start := time.Now()
	up := s.inc.Apply(ctx, nil, nil)
	s.report(up, nil)
	if up.Failed() || ctx.Err() != nil {
		return
	}
	// Nothing is applied until the first build is done: its deferred
	// work runs on the site Apply linked.
	rest := s.inc.SettleAlone().Run(ctx, nil)
	if gone := s.dropGone(rest); len(gone) > 0 && !rest.Failed() {
		// A file went away while the site built: taken as removed, the
		// lists and views are built again without it.
		if up := s.inc.Apply(ctx, gone, nil); up.Failed() || ctx.Err() != nil {
			s.report(up, gone)
			return
		}
		rest = s.inc.SettleAlone().Run(ctx, nil)
	}
	if rest.Failed() {
		s.report(rest, nil)
		return
	}
	s.viewsBuilt.Store(true)
	s.collectIdle()
	s.logf("built %d pages (%d files) in %s", len(s.inc.Site().Pages), s.out.Len(), time.Since(start).Round(time.Millisecond))
}

// loop applies each batch of changes as it comes and, between them, lets
// the deferred work (lists, views) run on its own goroutine, one at a
// time; an Apply never waits for it. What a Settle did is reported here,
// between Applies.
func (s *Server) loop(ctx context.Context, batches <-chan []string) {
	var settled chan *build.Update // the running Settle's result, nil when none runs
	for {
		if settled == nil && s.inc.Pending() {
			settled = make(chan *build.Update, 1)
			s.settling.Store(true)
			run := s.inc.Settle()
			if s.opts.beforeSettle != nil {
				s.opts.beforeSettle()
			}
			go func(out chan<- *build.Update) { out <- run.Run(ctx, s.publishReload) }(settled)
		}
		select {
		case <-ctx.Done():
			// The deferred work stops between its steps; one step (the
			// search index of a large site) may take seconds, and a
			// stopping preview does not wait for all of it.
			if settled != nil {
				select {
				case <-settled:
				case <-time.After(time.Second):
				}
			}
			return
		case paths := <-batches:
			s.apply(ctx, paths)
		case up := <-settled:
			settled = nil
			if ctx.Err() == nil {
				s.afterSettle(ctx, up)
			}
			if ctx.Err() == nil && !s.inc.Pending() {
				s.collectIdle()
			}
			s.settling.Store(false)
		}
	}
}

// collectIdle collects the garbage of the work just done (see
// collectSettled), on a goroutine of its own, while the writer reads,
// rather than in the middle of the next save; the loop takes changes
// meanwhile.
func (s *Server) collectIdle() {
	if s.collecting.CompareAndSwap(false, true) {
		go func() {
			defer s.collecting.Store(false)
			collectSettled()
		}()
	}
}

// apply takes changed paths.
func (s *Server) apply(ctx context.Context, paths []string) {
	up := s.inc.Apply(ctx, paths, s.broker.Paths())
	if ctx.Err() != nil {
		return
	}
	s.report(up, paths)
	// The watcher adds a new folder as its event comes; the whole
	// content folder is walked again only when the configuration names
	// another, or after the event queue overflowed (a folder may have
	// come meanwhile), not on every save of a large site.
	if dir := s.inc.ContentDir(); dir != s.watched || slices.Contains(paths, ".") {
		s.watched = dir
		s.watch.watch(dir)
	}
}

// afterSettle reports what a Settle did. An error about a content file
// that is gone since the Settle took its snapshot (an editor's temporary
// file, written and removed within a few milliseconds) is no error: the
// file is applied as removed, which runs the failed work again without it.
func (s *Server) afterSettle(ctx context.Context, up *build.Update) {
	gone := s.dropGone(up)
	if len(gone) == 0 || up.Failed() {
		s.report(up, nil)
	}
	if len(gone) > 0 {
		s.apply(ctx, gone)
	}
}

// dropGone takes the errors about content files that are no longer there
// out of a failed step's diagnostics, and returns those files.
func (s *Server) dropGone(up *build.Update) []string {
	if !up.Failed() {
		return nil
	}
	gone := s.inc.Gone(up.Diagnostics)
	if len(gone) == 0 {
		return nil
	}
	var kept site.Diagnostics
	for _, d := range up.Diagnostics {
		if d.Severity != site.Error || !slices.Contains(gone, d.Pos.File) {
			kept = append(kept, d)
		}
	}
	up.Diagnostics = kept
	return gone
}

// report tells the terminal and the open pages what a step did: its
// errors, or what changed.
func (s *Server) report(up *build.Update, paths []string) {
	side := &s.problems.apply
	if up.Deferred {
		side = &s.problems.settle
	}
	var errs site.Diagnostics
	for _, d := range up.Diagnostics {
		switch {
		case d.Severity == site.Error:
			errs = append(errs, d)
		case paths == nil && !up.Deferred, mentions(paths, d.Pos.File):
			s.logf("%s", d.Error())
		}
	}
	before := s.problems.count()
	if msg, changed := s.problems.update(side, errs, s.source, s.opts.Theme); changed {
		s.broker.Set("problems", msg)
	}
	if len(errs) > 0 {
		for _, d := range errs {
			s.logf("%s", d.Error())
		}
		s.logf("%d error(s): %s", len(errs), s.brokenNote(up.Deferred))
		return
	}
	if before > 0 && s.problems.count() == 0 {
		if s.built.Load() {
			s.logf("fixed: the site builds again")
		} else {
			s.logf("fixed: the site builds")
		}
	}
	if up.Deferred {
		s.viewsBuilt.Store(true)
	}
	if !up.Deferred {
		if !s.built.Load() {
			s.built.Store(true)
			s.broker.Publish("reload", []byte(`{"urls":[],"all":true}`))
		}
		s.publishReload(up)
	}
	if len(paths) > 0 {
		s.logf("%s: %d bodies, %d files rendered, %d changed in %s",
			summarize(paths), up.Markdown, up.Outputs, len(up.Changed), up.Took.Round(time.Microsecond))
	} else if up.Deferred && up.Outputs > 0 {
		s.logf("lists and views: %d files rendered, %d changed in %s",
			up.Outputs, len(up.Changed), up.Took.Round(time.Millisecond))
	}
}

// brokenNote says what the preview shows while a step has errors: the
// last good site, when there is one.
func (s *Server) brokenNote(deferred bool) string {
	switch {
	case !s.built.Load():
		return "nothing has built yet; the preview shows the errors until they are fixed"
	case deferred && !s.viewsBuilt.Load():
		return "the pages built, but the lists and views (the home page, feeds, search) wait until the errors are fixed"
	case deferred:
		return "the lists and views (the home page, feeds, search) keep their last good version"
	}
	return "the preview keeps showing the last good site"
}

// publishReload tells the open pages which URLs changed.
func (s *Server) publishReload(up *build.Update) {
	msg := reloadMessage{URLs: []string{}}
	for _, name := range up.Changed {
		exists := s.out.Has(name)
		switch {
		case strings.HasSuffix(name, ".css") && exists:
			msg.CSS = append(msg.CSS, "/"+name)
		case up.StyleOnly && exists && strings.HasSuffix(name, ".html"):
			// Only its stylesheet link changed: the swap does it.
		default:
			msg.URLs = append(msg.URLs, site.URLOf(name))
		}
	}
	if len(msg.URLs) == 0 && len(msg.CSS) == 0 {
		return
	}
	data, _ := json.Marshal(msg)
	s.broker.Publish("reload", data)
}

func mentions(paths []string, file string) bool {
	for _, p := range paths {
		if file == p || strings.HasPrefix(file, p+"/") {
			return true
		}
	}
	return false
}

func summarize(paths []string) string {
	if len(paths) == 1 {
		return paths[0]
	}
	return paths[0] + " and " + strconv.Itoa(len(paths)-1) + " more"
}

// problemState is the errors the pages show: those of the last Apply and
// those of the last Settle, which fail apart (a list layout may break
// while the pages build).
type problemState struct {
	mu            sync.Mutex
	apply, settle site.Diagnostics
	last          []byte
}

// update replaces one side's errors and returns the overlay's data, and
// whether it changed.
func (p *problemState) update(side *site.Diagnostics, errs site.Diagnostics, fsyses ...fs.FS) ([]byte, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	*side = errs
	all := append(append(site.Diagnostics{}, p.apply...), p.settle...)
	all.Sort()
	msg := problemsOf(all, fsyses...).json()
	if bytes.Equal(msg, p.last) {
		return msg, false
	}
	p.last = msg
	return msg, true
}

func (p *problemState) set(apply, settle site.Diagnostics) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.apply, p.settle = apply, settle
	p.last = problemsOf(nil).json()
}

func (p *problemState) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.apply) + len(p.settle)
}
