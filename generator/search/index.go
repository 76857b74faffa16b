package search

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
)

// Field is where a word stands in a document; words in the title, the id
// and the tags weigh more than words in the body.
type Field uint8

const (
	Body    Field = iota // the page's text
	Lead                 // description, summary, the user story's lines
	Keys                 // tags, services, people, release versions
	Title                // the title
	IDField              // the id or version
	numFields
)

// Doc is one document's text, by field.
type Doc struct {
	// ID is the story or post-mortem id, or the release version: a query
	// that is exactly this goes straight to the top.
	ID    string
	Title string
	Keys  []string
	Lead  []string
	Body  []string
}

// Index collects documents and writes the sharded index. Documents are
// numbered by the caller from 0 to n-1 (the number decides the order of
// equal results: number them newest first); Add may be called for them in
// any order, from many goroutines. What it keeps per document is the
// counts of its terms, compactly (see segment): never its text.
type Index struct {
	tok *Tokenizer
	n   int
	zip compressor // shards, facets, manifest
	raw sync.Pool  // of *[]byte: record files before WriteRecordFile gzips them

	mu       sync.Mutex
	finished bool
	sealed   spill   // segments of documents
	records  spill   // records kept (Keep)
	shards   spill   // the finished index's shards, until they are written
	kept     []int32 // document → 1 + its record's place in records, or 0
	free     []*segment
	lens     [][numFields]uint32
	added    []bool
	recs     [][recordHashLen]byte
}

// shardLevel is the gzip level of the index's files. On the shards of a
// generated 10,000-page site level 4 gives 1.4% more bytes than the
// default level 6 in 45% of its time; level 1 would give 9% more.
const shardLevel = 4

// NewIndex returns an index for documents numbered 0 to n-1.
func NewIndex(n int) *Index {
	return &Index{
		zip:   compressor{level: shardLevel},
		tok:   NewTokenizer(),
		n:     n,
		lens:  make([][numFields]uint32, n),
		added: make([]bool, n),
		recs:  make([][recordHashLen]byte, n),
	}
}

// Len is the number of documents the index was made for.
func (x *Index) Len() int { return x.n }

// Tokenizer returns the index's tokenizer.
func (x *Index) Tokenizer() *Tokenizer { return x.tok }

// checkDoc reports a document number the index was not made for.
func (x *Index) checkDoc(doc int) error {
	if doc < 0 || doc >= x.n {
		return fmt.Errorf("search: document %d out of range [0,%d)", doc, x.n)
	}
	return nil
}

// Add indexes document doc. Each document may be added once.
func (x *Index) Add(doc int, d Doc) error {
	if err := x.checkDoc(doc); err != nil {
		return err
	}
	x.mu.Lock()
	switch {
	case x.finished:
		x.mu.Unlock()
		return fmt.Errorf("search: document %d added after the index was finished", doc)
	case x.added[doc]:
		x.mu.Unlock()
		return fmt.Errorf("search: document %d added twice", doc)
	}
	x.added[doc] = true
	var g *segment
	if n := len(x.free); n > 0 {
		g, x.free = x.free[n-1], x.free[:n-1]
	}
	x.mu.Unlock()
	if g == nil {
		g = newSegment(x.tok)
	}

	lens := g.addDoc(doc, d)
	var blob []byte
	if len(g.docs) >= segmentDocs {
		blob = g.seal()
	}

	x.mu.Lock()
	defer x.mu.Unlock()
	x.lens[doc] = lens
	if blob != nil {
		x.sealed.add(blob)
	}
	x.free = append(x.free, g)
	return nil
}

// addDoc scans document doc, field by field, and ends it (endDoc): its
// postings join the segment's, and its field lengths are returned.
func (g *segment) addDoc(doc int, d Doc) [numFields]uint32 {
	each := func(f Field, texts ...string) {
		g.field = f
		for _, s := range texts {
			g.scan.scan(s)
		}
	}
	each(Body, d.Body...)
	each(Lead, d.Lead...)
	each(Keys, d.Keys...)
	g.scan.pos = 0
	each(Title, d.Title)
	titleWords := g.scan.pos
	each(IDField, d.ID)
	return g.endDoc(doc, idTerm(d.ID), titleWords)
}

// cursors seals what is left and returns a cursor on every segment, and
// a function that lets them go; x.mu is held.
func (x *Index) cursors() ([]*cursor, func(), error) {
	for _, g := range x.free {
		if len(g.docs) > 0 {
			x.sealed.add(g.seal())
		}
	}
	x.free = nil
	rs, err := x.sealed.readers()
	if err != nil {
		x.sealed.close()
		return nil, nil, err
	}
	var cs []*cursor
	for _, r := range rs {
		c := newCursor(r)
		if c.next() {
			cs = append(cs, c)
		} else if c.err != nil {
			x.sealed.close()
			return nil, nil, c.err
		}
	}
	return cs, x.sealed.close, nil
}

// idTerm is the term an id is indexed as: its folded form without a
// leading "v" before a digit.
func idTerm(id string) string {
	t := Fold(strings.TrimSpace(id))
	if len(t) > 1 && t[0] == 'v' && t[1] >= '0' && t[1] <= '9' {
		t = t[1:]
	}
	return t
}

// finish is Finish, that also writes the kept form of the index to keep
// when it is not nil (FinishKeeping).
func (x *Index) finish(facets []Facet, shardBytes int, keep io.Writer) (*Output, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.finished {
		return nil, fmt.Errorf("search: index already finished")
	}
	x.finished = true
	if keep != nil {
		if err := writeStateDocs(keep, x.lens, x.added, x.recs); err != nil {
			return nil, err
		}
	}
	cs, done, err := x.cursors()
	if err != nil {
		return nil, err
	}
	defer done()
	rank := ranker(x.lens, x.added)
	if keep == nil {
		return writeIndex(x.n, x.recs, facets, shardBytes, &x.shards, func(fn func(t []byte, posts []uint64) error) error {
			return merge(cs, rank, fn)
		})
	}
	for _, c := range cs {
		c.keep = true
	}
	terms := newStateTerms(keep)
	var list []byte
	out, err := writeIndex(x.n, x.recs, facets, shardBytes, &x.shards, func(fn func(t []byte, posts []uint64) error) error {
		return mergeKeeping(cs, rank, func(t []byte, posts []uint64, kept []livePost) error {
			slices.SortFunc(kept, byDoc)
			list = list[:0]
			prev := int32(-1)
			for i := range kept {
				list, prev = appendPost(list, prev, &kept[i]), kept[i].doc
			}
			terms.add(t, list)
			return fn(t, posts)
		})
	})
	if err == nil {
		err = terms.close()
	}
	return out, err
}
