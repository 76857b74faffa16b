package build

import (
	"bytes"
	"slices"
	"sort"
	"sync"

	"almanac/generator/output"
	"almanac/generator/render"
	"almanac/generator/site"
)

// index records, for the linked site, which pages show which sources and
// which files each page makes, and what the change leaves unmade.
func (x *Incremental) index(st *applyState) {
	st.deps = map[string][]string{}
	st.owned = make(map[string][]string, len(st.site.Pages))
	made := map[string]bool{}
	for _, p := range st.site.Pages {
		if p == st.site.Home {
			continue
		}
		for _, j := range st.prep.PageJobs(p) {
			st.owned[p.Source] = append(st.owned[p.Source], j.Name)
			made[j.Name] = true
			for _, src := range j.Sources {
				if src != p.Source {
					st.deps[src] = append(st.deps[src], p.Source)
				}
			}
		}
	}
	check := x.dirty.sources
	if x.dirty.all {
		check = map[string]bool{}
		for src := range x.owned {
			check[src] = true
		}
	}
	for src := range check {
		for _, name := range x.owned[src] {
			if !made[name] {
				st.remove = append(st.remove, name)
			}
		}
	}
}

// pageJobs are the content pages' own files to render: every page's when
// everything is to be done; else the changed pages', the pages that show
// them (before and after the change), the pages whose bodies were
// rendered again, and, when layouts changed, the pages at the hot URLs.
func (x *Incremental) pageJobs(st *applyState, hot []string) []render.Job {
	s := st.site
	want := map[string]bool{}
	if x.dirty.all {
		for _, p := range s.Pages {
			want[p.Source] = true
		}
	}
	for src := range x.dirty.sources {
		want[src] = true
		for _, d := range x.deps[src] {
			want[d] = true
		}
		for _, d := range st.deps[src] {
			want[d] = true
		}
	}
	for src := range st.redone {
		want[src] = true
	}
	if x.dirty.layouts {
		for _, u := range hot {
			if p := s.ByURL[u]; p != nil {
				want[p.Source] = true
			}
		}
	}
	st.shown = want
	srcs := make([]string, 0, len(want))
	for src := range want {
		srcs = append(srcs, src)
	}
	sort.Strings(srcs)
	var jobs []render.Job
	for _, src := range srcs {
		if p := st.links.bySource[src]; p != nil && p != s.Home {
			jobs = append(jobs, st.prep.PageJobs(p)...)
		}
	}
	return jobs
}

// staging collects rendered files in memory until they are committed. A
// direct staging writes through at once: for the first build, when there is
// no good site to keep and holding the whole site twice would only cost
// memory.
type staging struct {
	mu     sync.Mutex
	files  map[string][]byte
	direct Output
}

func newStaging() *staging { return &staging{files: map[string][]byte{}} }

func (s *staging) WriteFile(name string, data []byte) error {
	c, err := output.CleanName(name)
	if err != nil {
		return err
	}
	b := bytes.Clone(data)
	if s.direct != nil {
		s.direct.Keep(c, b)
		b = nil // marks the file as written already
	}
	s.mu.Lock()
	s.files[c] = b
	s.mu.Unlock()
	return nil
}

// ownLists are the pages of the lists of the changed pages' kinds that
// name one of them: the page of /stories/ that lists an edited story, and
// the first, which names every story. Apply renders them with the pages,
// so that the list a writer turns to next does not wait for Settle, which
// takes them as done (see fresh). Only when front matter changed (a body
// shows in no list but where a list layout shows bodies, and then every
// list waits for Settle) and not every file is to be made again.
func (x *Incremental) ownLists(st *applyState) []render.Job {
	if !st.relinked || x.dirty.wholeSite() || x.listsShowBodies() {
		return nil
	}
	changed := map[string]bool{}
	var kinds []site.Kind
	for src := range x.dirty.sources {
		if p := st.links.bySource[src]; p != nil {
			changed[src] = true
			if !slices.Contains(kinds, p.Kind) {
				kinds = append(kinds, p.Kind)
			}
		}
	}
	slices.Sort(kinds)
	var jobs []render.Job
	for _, k := range kinds {
		for _, j := range st.prep.KindListJobs(k) {
			if slices.ContainsFunc(j.Sources, func(src string) bool { return changed[src] }) {
				jobs = append(jobs, j)
			}
		}
	}
	return jobs
}

// commit writes what a successful Apply rendered and makes its state the
// Incremental's own; lists are the list jobs among what it rendered. It
// returns the output names that changed.
func (x *Incremental) commit(st *applyState, s *staging, lists []render.Job) []string {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.gen++
	// Files an Apply renders are made from the whole site as it is at
	// its generation: a Settle whose snapshot is of the same generation
	// need not render them again.
	x.fresh = nil
	if len(lists) > 0 {
		x.fresh = make(map[string]bool, len(lists))
		for _, j := range lists {
			x.fresh[j.Name] = true
		}
	}
	var changed []string
	for name, data := range s.files {
		x.writtenAt[name] = x.gen
		switch {
		case data == nil: // written through
		case same(x.out, name, data):
			continue
		default:
			x.out.Keep(name, data)
		}
		changed = append(changed, name)
	}
	for _, name := range st.remove {
		x.writtenAt[name] = x.gen
		if has(x.out, name) {
			x.out.Remove(name)
			changed = append(changed, name)
		}
	}
	x.site, x.links, x.renderer, x.report, x.figures = st.site, st.links, st.renderer, st.report, st.figures
	x.prep, x.md, x.deps, x.owned = st.prep, st.md, st.deps, st.owned
	done := x.dirty.sources
	if x.dirty.all {
		done = nil
		for src := range x.files {
			x.accept(src)
		}
	}
	for src := range done {
		x.accept(src)
	}
	next := x.dirty
	next.reload = false
	// Not linked again: the front matter of every changed file is as it
	// was, and only bodies (or the bytes of other files) changed.
	bodies := !st.relinked && !x.dirty.wholeSite()
	if bodies {
		next.sources, next.bodies = nil, nil
		for src := range x.dirty.sources {
			next.markBody(src)
		}
	}
	x.settle.add(next)
	// A list may show what a page shows of the changed one (the number
	// of stories of a release): the pages rendered again count as changed
	// for the lists. Not when only bodies changed: the pages that show a
	// changed one show of it what they showed.
	if !x.dirty.all && !bodies {
		for src := range st.shown {
			x.settle.markShown(src)
		}
	}
	x.settle.add(x.retry)
	x.retry, x.dirty, x.ok = work{}, work{}, true
	sort.Strings(changed)
	return changed
}

// accept makes a content file's present state the good one.
func (x *Incremental) accept(src string) {
	f := x.files[src]
	switch {
	case f == nil:
	case !f.exists:
		delete(x.files, src)
	default:
		f.good, f.goodMD, f.goodZ, f.goodAsset = nil, nil, nil, false
		if f.markdown {
			f.good, f.goodMD, f.goodZ = f.page, f.md, f.mdZ
		} else {
			f.goodAsset = true
		}
	}
}
