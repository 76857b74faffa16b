package render

import (
	"slices"
	"sync"

	"almanac/generator/search"
)

// SearchCache keeps a site's search index from one Prepare to the next,
// as the preview binds the same site again after each change: every
// page's search document and record as they were last indexed, and the
// index itself (search.Live). When the index's jobs are made without a
// build having fed it, a page whose document and record are the same as
// last time is not indexed again; one that changed has its postings
// replaced; a page added or removed, or a date that moves a page among the
// others, renumbers the documents, keeping what each had. The files are
// the bytes a fresh index of the same pages gives. Safe for concurrent use:
// one Prepared finishes its index at a time.
//
// A build's cache is a SearchState instead (WithSearchState): kept in a
// file, fed page by page as the build renders or takes them.
type SearchCache struct {
	mu    sync.Mutex
	live  *search.Live
	docs  map[string]*cachedDoc // by page source
	state *SearchState
}

// cachedDoc is what a page's document was when it was last indexed: its
// number, its text by field and its record. The record's text is left
// out: searchText makes it of the document alone.
type cachedDoc struct {
	num int
	doc search.Doc
	rec search.Record
}

// NewSearchCache returns an empty cache.
func NewSearchCache() *SearchCache { return &SearchCache{} }

// WithSearchCache has Prepare index the site's pages through c, which
// keeps what it indexed for the next Prepare given c.
func WithSearchCache(c *SearchCache) PrepareOption {
	return func(pc *prepareConfig) { pc.searchCache = c }
}

// finish writes the index of st's pages, replacing in the index kept
// what changed since the last time. It returns the index, whose
// Compress reuses the compressed files that did not change.
func (c *SearchCache) finish(p *Prepared, st *searchState) (*search.Live, *search.Output, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	live, out, err := c.update(p, st)
	if err != nil {
		// Whatever the index holds now, start afresh next time.
		c.live, c.docs = nil, nil
	}
	return live, out, err
}

func (c *SearchCache) update(p *Prepared, st *searchState) (*search.Live, *search.Output, error) {
	if c.live == nil {
		c.live, c.docs = search.NewLive(), nil
	}
	live := c.live
	n := len(st.pages)
	from := make([]int, n)
	moved := n != live.Len()
	docs := make(map[string]*cachedDoc, n)
	var changed []int
	for i, pg := range st.pages {
		d := p.searchDoc(pg)
		r := p.searchRecordHead(pg, d)
		from[i] = -1
		old := c.docs[pg.Source]
		if old != nil && docs[pg.Source] == nil {
			from[i] = old.num
		}
		if from[i] != i {
			moved = true
		}
		if from[i] < 0 || !sameDoc(old.doc, d) || !sameRecord(old.rec, r) {
			changed = append(changed, i)
		}
		docs[pg.Source] = &cachedDoc{num: i, doc: d, rec: r}
	}
	if moved {
		if err := live.Renumber(from); err != nil {
			return nil, nil, err
		}
	}
	for _, i := range changed {
		pg := st.pages[i]
		d := docs[pg.Source].doc
		if err := live.Replace(i, d); err != nil {
			return nil, nil, err
		}
		if _, err := live.Record(i, p.searchRecord(pg, d)); err != nil {
			return nil, nil, err
		}
	}
	out, err := live.Finish(p.searchFacets(st), 0)
	if err != nil {
		return nil, nil, err
	}
	c.docs = docs
	return live, out, nil
}

// sameDoc reports whether two documents have the same text in every field.
func sameDoc(a, b search.Doc) bool {
	return a.ID == b.ID && a.Title == b.Title && slices.Equal(a.Keys, b.Keys) &&
		slices.Equal(a.Lead, b.Lead) && slices.Equal(a.Body, b.Body)
}

// sameRecord reports whether two records are the same.
func sameRecord(a, b search.Record) bool {
	return a.URL == b.URL && a.Title == b.Title && a.Kind == b.Kind && a.ID == b.ID &&
		a.Date == b.Date && a.Text == b.Text && slices.Equal(a.Badges, b.Badges)
}
