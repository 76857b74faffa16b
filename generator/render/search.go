package render

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"almanac/generator/search"
	"almanac/generator/site"
)

// searchDir is the folder of the search page and its index.
const searchDir = "search/"

// searchState is the search index of one Prepared. Documents are numbered
// once, newest first. A build feeds the index page by page while each
// page's full text is still there (IndexPage); when nobody did, the jobs
// index the pages as they are.
type searchState struct {
	setup sync.Once
	index *search.Index
	pages []*site.Page // by document number
	docOf []int32      // by place in Site.Pages: the document number, or -1
	srcs  []string     // every indexed page's source: what the index files show
	fed   atomic.Bool

	finish sync.Once
	out    *search.Output
	unfed  bool // the jobs write the records: no build fed the index
	err    error
}

// searchable reports whether a page is found by search: every content
// page but the home page's introduction.
func searchable(s *site.Site, pg *site.Page) bool { return pg != s.Home && pg.URL != "" }

func (p *Prepared) searchIndex() *searchState {
	st := &p.search
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

// IndexPage adds a page to the search index and keeps its result record
// for the index's record files (IndexJobs). A build calls it for every
// page right after the page is written, while its whole text is still at
// hand; it is safe for concurrent use. Pages search does not show are
// ignored.
func (p *Prepared) IndexPage(pg *site.Page) error {
	if p.s.Config.SearchDisabled || p.noIndex {
		return nil
	}
	st := p.searchIndex()
	n := p.docNumber(st, pg)
	if n < 0 {
		return nil
	}
	st.fed.Store(true)
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

// searchFinish closes the index once: it indexes the pages itself when no
// build fed it, then writes the shards, facets and manifest.
func (p *Prepared) searchFinish() *searchState {
	st := p.searchIndex()
	st.finish.Do(func() {
		if !st.fed.Load() {
			// Index every page now; the record jobs make their
			// records again rather than keep them all in memory.
			st.unfed = true
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

// searchPageJob is the search page, /search/.
func (p *Prepared) searchPageJob() []Job {
	if p.s.Config.SearchDisabled {
		return nil
	}
	d := p.data("search.html", "/search/", p.env.tr.T("search.title"))
	return []Job{p.pageJob(d, "", nil)}
}

// StartIndex starts finishing the search index in the background, once
// every page has been indexed (IndexPage), so that the work overlaps the
// other jobs; IndexJobs waits for it.
func (p *Prepared) StartIndex() {
	if !p.s.Config.SearchDisabled && !p.noIndex {
		go p.searchFinish()
	}
}

// IndexJobs are the search index's files: manifest, shards, facets and,
// when the build did not write them page by page, the records. It
// finishes the index first, unless StartIndex did.
func (p *Prepared) IndexJobs() []Job {
	if p.s.Config.SearchDisabled || p.noIndex {
		return nil
	}
	var jobs []Job
	st := p.searchFinish()
	if st.err != nil {
		err := st.err
		return append(jobs, Job{Name: searchDir + search.ManifestName, make: func(*bytes.Buffer) error { return err }})
	}
	for _, f := range st.out.Files {
		raw := f.Raw
		jobs = append(jobs, Job{Name: searchDir + f.Name, Sources: st.srcs, make: func(b *bytes.Buffer) error {
			b.Write(st.index.Compress(raw))
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
		mk := func(b *bytes.Buffer) error {
			data, err := st.index.RecordFile(f)
			b.Write(data)
			return err
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
				b.Write(search.JoinRecords(recs))
				return nil
			}
		}
		jobs = append(jobs, Job{Name: searchDir + search.RecordFileName(f), Sources: srcs, make: mk})
	}
	return jobs
}

// ReleaseIndex lets go of what the search index keeps for its files,
// once IndexJobs have run.
func (p *Prepared) ReleaseIndex() {
	if st := &p.search; st.index != nil {
		st.index.Close()
	}
}
