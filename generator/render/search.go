package render

import (
	"bytes"
	"cmp"
	"html/template"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"almanac/generator/search"
	"almanac/generator/site"
)

// searchDir is the folder of the search page and its index.
const searchDir = "search/"

// searchExt is the search extension: the search page, and the index,
// fed page by page as each is rendered while its full text is still there
// (pageRendered), then finished once every page is in (finisher). When
// nobody fed it (a preview's jobs), the jobs index the pages as they are:
// through the SearchCache the Prepared was given (WithSearchCache), only
// those that changed since the cache last indexed them. Without index
// (WithoutIndex), only the page is made.
type searchExt struct {
	p       *Prepared
	off     bool // search_disabled: no page, no index
	noIndex bool
	cache   *SearchCache // the index kept across Prepares, or nil
	st      searchState
}

func (x *searchExt) funcs() template.FuncMap { return nil }

// searchState is the index of one site. Documents are numbered once,
// newest first.
type searchState struct {
	setup sync.Once
	index *search.Index
	pages []*site.Page // by document number
	docOf []int32      // by place in Site.Pages: the document number, or -1
	srcs  []string     // every indexed page's source: what the index files show
	fed   atomic.Bool

	finish sync.Once
	out    *search.Output
	live   *search.Live // the index out comes from, when a SearchCache made it
	unfed  bool         // the jobs write the records: no build fed the index
	err    error
}

// searchable reports whether a page is found by search: every content
// page but the home page's introduction.
func searchable(s *site.Site, pg *site.Page) bool { return pg != s.Home && pg.URL != "" }

func (x *searchExt) index() *searchState {
	p, st := x.p, &x.st
	st.setup.Do(func() {
		for _, pg := range p.s.Pages {
			if searchable(p.s, pg) {
				st.pages = append(st.pages, pg)
			}
		}
		// Newest first, so that equal scores and a search without words
		// list the latest pages first; undated pages last.
		slices.SortStableFunc(st.pages, func(a, b *site.Page) int {
			if c := b.Date.Compare(a.Date); c != 0 {
				return c
			}
			return cmp.Compare(a.Source, b.Source)
		})
		at := make(map[*site.Page]int32, len(st.pages))
		for i, pg := range st.pages {
			at[pg] = int32(i)
			st.srcs = append(st.srcs, pg.Source)
		}
		st.docOf = make([]int32, len(p.s.Pages))
		for i, pg := range p.s.Pages {
			if n, ok := at[pg]; ok {
				st.docOf[i] = n
			} else {
				st.docOf[i] = -1
			}
		}
		st.index = search.NewIndex(len(st.pages))
	})
	return st
}

// pageRendered adds a page to the search index and keeps its result
// record for the index's record files. It is safe for concurrent use.
// Pages search does not show are ignored.
func (x *searchExt) pageRendered(pg *site.Page) error {
	if x.off || x.noIndex {
		return nil
	}
	p := x.p
	st := x.index()
	n := p.docNumber(st, pg)
	if n < 0 {
		return nil
	}
	st.fed.Store(true)
	if x.cache != nil && x.cache.state != nil {
		if done, err := x.cache.state.note(p, st, n, pg); done || err != nil {
			return err
		}
		// No index was kept: this one is made of every page.
	}
	data, err := p.indexDoc(st, n, pg)
	if err != nil {
		return err
	}
	return st.index.Keep(n, data)
}

// docNumber finds a page's document number: Site.Pages is sorted by
// source, so a binary search finds its place (a map of every page would
// weigh on the collector all through the page pass).
func (p *Prepared) docNumber(st *searchState, pg *site.Page) int {
	pages := p.s.Pages
	i := sort.Search(len(pages), func(i int) bool { return pages[i].Source >= pg.Source })
	for ; i < len(pages) && pages[i].Source == pg.Source; i++ {
		if pages[i] == pg {
			return int(st.docOf[i])
		}
	}
	for i, q := range pages { // not sorted after all
		if q == pg {
			return int(st.docOf[i])
		}
	}
	return -1
}

func (p *Prepared) indexDoc(st *searchState, n int, pg *site.Page) ([]byte, error) {
	d := p.searchDoc(pg)
	if err := st.index.Add(n, d); err != nil {
		return nil, err
	}
	return st.index.Record(n, p.searchRecord(pg, d))
}

// finish closes the index once: it indexes the pages itself when no
// build fed it, then writes the shards, facets and manifest.
func (x *searchExt) finish() *searchState {
	p := x.p
	st := x.index()
	st.finish.Do(func() {
		if x.cache != nil && x.cache.state != nil {
			st.live, st.out, st.err = x.cache.state.finish(p, st)
			return
		}
		if !st.fed.Load() {
			// Index every page now; the record jobs make their
			// records again rather than keep them all in memory.
			st.unfed = true
			if x.cache != nil {
				st.live, st.out, st.err = x.cache.finish(p, st)
				return
			}
			for n, pg := range st.pages {
				if _, st.err = p.indexDoc(st, n, pg); st.err != nil {
					return
				}
			}
		}
		st.out, st.err = st.index.Finish(p.searchFacets(st), 0)
	})
	return st
}

// jobs are the search page, /search/.
func (x *searchExt) jobs() []Job {
	if x.off {
		return nil
	}
	p := x.p
	d := p.data("search.html", "/search/", p.env.tr.T("search.title"))
	return []Job{p.pageJob(d, "", nil)}
}

// start finishes the index in the background, once every page has been
// indexed, so that the work overlaps the lists; finalJobs waits for it.
func (x *searchExt) start() {
	if !x.off && !x.noIndex {
		go x.finish()
	}
}

// finalJobs are the index's files: manifest, shards, facets and, when the
// build did not write them page by page, the records. It finishes the
// index first, unless start did.
func (x *searchExt) finalJobs() []Job {
	if x.off || x.noIndex {
		return nil
	}
	p := x.p
	var jobs []Job
	st := x.finish()
	if st.err != nil {
		err := st.err
		return append(jobs, Job{Name: searchDir + search.ManifestName, make: func(*bytes.Buffer) error { return err }})
	}
	for _, f := range st.out.Files {
		jobs = append(jobs, Job{Name: searchDir + f.Name, Sources: st.srcs, make: func(b *bytes.Buffer) error {
			if st.live == nil {
				return st.index.CompressFileTo(b, f)
			}
			raw, err := f.Bytes()
			if err != nil {
				return err
			}
			// The same bytes as last time, unless they changed.
			b.Write(st.live.Compress(f.Name, raw))
			return nil
		}})
	}
	// Record files, four documents to a file: as kept when a build fed
	// the index, else made again from the pages rather than all kept in
	// memory.
	for f := range search.RecordFiles(len(st.pages)) {
		pages := st.pages[f*search.RecordsPerFile : min(len(st.pages), (f+1)*search.RecordsPerFile)]
		srcs := make([]string, len(pages))
		for i, pg := range pages {
			srcs[i] = pg.Source
		}
		mk := func(b *bytes.Buffer) error { return st.index.WriteRecordFile(b, f) }
		if x.cache != nil && x.cache.state.Kept() {
			mk = func(b *bytes.Buffer) error {
				recs := make([][]byte, len(pages))
				for i := range pages {
					data, err := x.cache.state.record(f*search.RecordsPerFile + i)
					if err != nil {
						return err
					}
					recs[i] = data
				}
				st.index.CompressTo(b, search.JoinRecords(recs))
				return nil
			}
		}
		if st.unfed {
			mk = func(b *bytes.Buffer) error {
				recs := make([][]byte, len(pages))
				for i, pg := range pages {
					data, err := p.searchRecord(pg, p.searchDoc(pg)).Encode()
					if err != nil {
						return err
					}
					recs[i] = data
				}
				st.index.CompressTo(b, search.JoinRecords(recs))
				return nil
			}
		}
		jobs = append(jobs, Job{Name: searchDir + search.RecordFileName(f), Sources: srcs, make: mk})
	}
	return jobs
}

// close lets go of what the index keeps for its files, once finalJobs
// have run.
func (x *searchExt) close() {
	if st := &x.st; st.index != nil {
		st.index.Close()
	}
}
