package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"path"
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

// build runs the first build: everything, the deferred part too, before
// the server answers.
func (s *Server) build(ctx context.Context) {
	start := time.Now()
	up := s.inc.Apply(ctx, nil, nil)
	s.report(up, nil)
	if up.Failed() || ctx.Err() != nil {
		return
	}
	if rest := s.inc.Settle().Run(ctx, nil); rest.Failed() {
		s.report(rest, nil)
		return
	}
	s.logf("built %d pages (%d files) in %s", len(s.inc.Site().Pages), s.out.Len(), time.Since(start).Round(time.Millisecond))
}

// loop applies each batch of changes as it comes and, between them, lets
// the deferred work (lists, views) run on its own goroutine, one at a
// time; an Apply never waits for it.
func (s *Server) loop(ctx context.Context, batches <-chan []string) {
	var settling chan struct{}
	for {
		if settling == nil && s.inc.Pending() {
			settling = make(chan struct{})
			s.settling.Store(true)
			run := s.inc.Settle()
			go func(done chan struct{}) {
				defer close(done)
				defer s.settling.Store(false)
				up := run.Run(ctx, s.publishReload)
				if ctx.Err() == nil {
					s.report(up, nil)
				}
			}(settling)
		}
		select {
		case <-ctx.Done():
			// The deferred work stops between its steps; one step (the
			// search index of a large site) may take seconds, and a
			// stopping preview does not wait for all of it.
			if settling != nil {
				select {
				case <-settling:
				case <-time.After(time.Second):
				}
			}
			return
		case paths := <-batches:
			up := s.inc.Apply(ctx, paths, s.broker.Paths())
			if ctx.Err() != nil {
				continue
			}
			s.report(up, paths)
			s.watch.watch(s.inc.ContentDir())
		case <-settling:
			settling = nil
		}
	}
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
		s.logf("%d error(s): the preview keeps showing the last good site", len(errs))
		return
	}
	if before > 0 && s.problems.count() == 0 {
		s.logf("fixed: the site builds again")
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

// publishReload tells the open pages which URLs changed.
func (s *Server) publishReload(up *build.Update) {
	msg := reloadMessage{URLs: []string{}}
	for _, name := range up.Changed {
		_, exists := s.out.Get(name)
		switch {
		case strings.HasSuffix(name, ".css") && exists:
			msg.CSS = append(msg.CSS, "/"+name)
		case up.StyleOnly && exists && strings.HasSuffix(name, ".html"):
			// Only its stylesheet link changed: the swap does it.
		default:
			msg.URLs = append(msg.URLs, urlOf(name))
		}
	}
	if len(msg.URLs) == 0 && len(msg.CSS) == 0 {
		return
	}
	data, _ := json.Marshal(msg)
	s.broker.Publish("reload", data)
}

// urlOf is the URL path that serves an output file.
func urlOf(name string) string {
	switch {
	case name == "index.html":
		return "/"
	case path.Base(name) == "index.html":
		return "/" + path.Dir(name) + "/"
	}
	return "/" + name
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
