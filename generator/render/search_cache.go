package render

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash/maphash"
	"sync"

	"almanac/generator/search"
	"almanac/generator/site"
)

// SearchCache keeps a site's search index from one Prepare to the next,
// as the preview binds the same site again after each change: the index
// itself (search.Live) and, for every page as it was last indexed, its
// document's number and the digests of its text and of the rest of its
// record (see digests). When the index's jobs are made without a build
// having fed it, a page whose digests are those of last time is not
// indexed again; one whose text changed has its postings replaced, and
// one whose record changed has it made again; a page added or removed,
// or a date that moves a page among the others, renumbers the documents,
// keeping what each had. The files are the bytes a fresh index of the
// same pages gives. Safe for concurrent use: one Prepared finishes its
// index at a time.
//
// Only a page indexed again needs its whole text. A page whose Rendered
// was cut to its lead (Rendered.Cut: the preview keeps the rest deflated)
// has it read through the function Reading was given.
//
// A build's cache is a SearchState instead (WithSearchState): kept in a
// file, fed page by page as the build renders or takes them.
type SearchCache struct {
	kept  *keptIndex
	state *SearchState
	plain func(*site.Page) (string, error) // a cut page's whole text (see Reading)
}

// keptIndex is what a SearchCache keeps, shared by the values Reading
// returns.
type keptIndex struct {
	mu   sync.Mutex
	live *search.Live
	docs map[string]keptDoc // by page source
	seed maphash.Seed
}

// keptDoc is what a page's document was when it was last indexed: its
// number and its text and head digests (see digests).
type keptDoc struct {
	num        int
	text, head uint64
}

// NewSearchCache returns an empty cache.
func NewSearchCache() *SearchCache {
	return &SearchCache{kept: &keptIndex{seed: maphash.MakeSeed()}}
}

// Reading returns the cache c, which reads the whole text of a page whose
// Rendered is cut through plain (the text whose digest is PlainSum).
func (c *SearchCache) Reading(plain func(*site.Page) (string, error)) *SearchCache {
	return &SearchCache{kept: c.kept, plain: plain}
}

// WithSearchCache has Prepare index the site's pages through c, which
// keeps what it indexed for the next Prepare given c.
func WithSearchCache(c *SearchCache) PrepareOption {
	return func(pc *prepareConfig) { pc.searchCache = c }
}

// finish writes the index of st's pages, replacing in the index kept
// what changed since the last time. It returns the index, whose
// Compress reuses the compressed files that did not change.
func (c *SearchCache) finish(p *Prepared, st *searchState) (*search.Live, *search.Output, error) {
	k := c.kept
	if k == nil {
		k = &keptIndex{seed: maphash.MakeSeed()}
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	live, out, err := c.update(k, p, st)
	if err != nil {
		// Whatever the index holds now, start afresh next time.
		k.live, k.docs = nil, nil
	}
	return live, out, err
}

func (c *SearchCache) update(k *keptIndex, p *Prepared, st *searchState) (*search.Live, *search.Output, error) {
	if k.live == nil {
		k.live, k.docs = search.NewLive(), nil
	}
	live := k.live
	n := len(st.pages)
	from := make([]int, n)
	moved := n != live.Len()
	docs := make(map[string]keptDoc, n)
	// What changed of each page indexed again: its text, or its record's
	// head alone.
	type change struct {
		doc  int
		text bool
	}
	var changed []change
	for i, pg := range st.pages {
		text, head := k.digests(p, pg)
		from[i] = -1
		old, had := k.docs[pg.Source]
		if _, twice := docs[pg.Source]; had && !twice {
			from[i] = old.num
		}
		if from[i] != i {
			moved = true
		}
		switch {
		case from[i] < 0 || old.text != text:
			changed = append(changed, change{i, true})
		case old.head != head:
			changed = append(changed, change{i, false})
		}
		docs[pg.Source] = keptDoc{num: i, text: text, head: head}
	}
	if moved {
		if err := live.Renumber(from); err != nil {
			return nil, nil, err
		}
	}
	for _, ch := range changed {
		pg := st.pages[ch.doc]
		d, err := c.wholeDoc(p, pg)
		if err != nil {
			return nil, nil, err
		}
		if ch.text {
			if err := live.Replace(ch.doc, d); err != nil {
				return nil, nil, err
			}
		}
		if _, err := live.Record(ch.doc, p.searchRecord(pg, d)); err != nil {
			return nil, nil, err
		}
	}
	out, err := live.Finish(p.searchFacets(st), 0)
	if err != nil {
		return nil, nil, err
	}
	k.docs = docs
	return live, out, nil
}

// wholeDoc is a page's search document with its whole text: read through
// c.plain when its Rendered was cut, and checked against its digest.
func (c *SearchCache) wholeDoc(p *Prepared, pg *site.Page) (search.Doc, error) {
	d := p.searchDoc(pg)
	r := pg.Rendered
	if r == nil || !r.Cut {
		return d, nil
	}
	if c.plain == nil {
		return d, errors.New("search: the whole text of " + pg.Source + " is not at hand")
	}
	text, err := c.plain(pg)
	if err != nil {
		return d, err
	}
	if sha256.Sum256([]byte(text)) != r.PlainSum {
		return d, errors.New("search: the text kept of " + pg.Source + " is not the page's")
	}
	d.Body[0] = text
	return d, nil
}

// digests are a page's text and head digests: of what its document holds,
// its plain text as its digest (PlainSum), and of its record but the text,
// which searchText makes of the document alone. A page's Rendered cut or
// whole, the digests are the same. (SearchState keeps SHA-256 digests in a
// file for another process; these live as long as the cache, and a
// seeded 64-bit hash costs a fifth as much on every Settle.)
func (k *keptIndex) digests(p *Prepared, pg *site.Page) (text, head uint64) {
	d := p.searchDoc(pg)
	var h maphash.Hash
	h.SetSeed(k.seed)
	writeSearchText(&h, pg, d)
	text = h.Sum64()

	h.Reset()
	var n [binary.MaxVarintLen64]byte
	count := func(c int) { h.Write(n[:binary.PutUvarint(n[:], uint64(c))]) }
	field := func(s string) {
		count(len(s))
		h.WriteString(s)
	}
	r := p.searchRecordHead(pg, d)
	field(r.URL)
	field(r.Title)
	field(r.Kind)
	field(r.ID)
	field(r.Date)
	count(len(r.Badges))
	for _, b := range r.Badges {
		field(b[0])
		field(b[1])
	}
	return text, h.Sum64()
}
