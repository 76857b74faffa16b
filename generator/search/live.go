package search

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"sync"
)

// Live is an index kept from one build of a site to the next, as the
// preview keeps it: it holds every term's postings, by document, so that
// replacing a document takes its postings out of its terms' lists and puts
// its new ones in, and Finish writes the files again from the lists
// without reading any document. What Finish writes is what an Index given
// the same documents writes, byte for byte: the impacts are computed again
// from the counts kept (every document's share moves with the average
// field lengths), the same writer lays out the shards.
//
// A Live is not safe for concurrent use, except Compress.
type Live struct {
	tok *Tokenizer
	g   *segment // scans one document at a time

	ids   map[string]int32 // term → its number
	terms []string         // by number
	order []int32          // the terms in the order of compareTerms, fresh ones excepted
	fresh []int32          // terms not placed in order yet
	posts [][]livePost     // by term: its postings, by document
	dead  int              // terms whose lists are empty

	n     int
	docs  [][]int32 // by document: the numbers of its terms
	lens  [][numFields]uint32
	added []bool
	recs  [][recordHashLen]byte

	zip  compressor
	gzMu sync.Mutex
	gz   map[string]gzFile // by file name: the last raw bytes' hash and their gzip
}

// livePost is one posting as a Live keeps it: what a segment's entry
// holds, with the document's number.
type livePost struct {
	doc   int32
	mask  uint8
	title uint8
	tf    [numFields]uint8
}

type gzFile struct {
	sum [sha256.Size]byte
	gz  []byte
}

// NewLive returns an empty index, of no documents.
func NewLive() *Live {
	tok := NewTokenizer()
	return &Live{tok: tok, g: newSegment(tok), ids: map[string]int32{}, zip: compressor{level: shardLevel}, gz: map[string]gzFile{}}
}

// Len is the number of documents.
func (l *Live) Len() int { return l.n }

// Renumber gives the index len(from) documents: document i is what
// document from[i] was, or an empty one (to Replace) when from[i] < 0.
// Documents from does not name are let go.
func (l *Live) Renumber(from []int) error {
	seen := make([]bool, l.n)
	for i, o := range from {
		if o >= l.n || o >= 0 && seen[o] {
			return fmt.Errorf("search: document %d renumbered from %d, out of range or twice", i, o)
		}
		if o >= 0 {
			seen[o] = true
		}
	}
	count := make([]int32, len(l.terms))
	for _, o := range from {
		if o >= 0 {
			for _, t := range l.docs[o] {
				count[t]++
			}
		}
	}
	posts := make([][]livePost, len(l.terms))
	for t, c := range count {
		if c > 0 {
			posts[t] = make([]livePost, 0, c)
		}
	}
	n := len(from)
	docs, lens, added, recs := make([][]int32, n), make([][numFields]uint32, n), make([]bool, n), make([][recordHashLen]byte, n)
	for i, o := range from {
		if o < 0 {
			continue
		}
		for _, t := range l.docs[o] {
			at, ok := l.find(t, o)
			if !ok {
				return fmt.Errorf("search: document %d lost its posting of %q", o, l.terms[t])
			}
			p := l.posts[t][at]
			p.doc = int32(i)
			posts[t] = append(posts[t], p)
		}
		docs[i], lens[i], added[i], recs[i] = l.docs[o], l.lens[o], l.added[o], l.recs[o]
	}
	l.posts, l.docs, l.lens, l.added, l.recs, l.n = posts, docs, lens, added, recs, n
	l.dead = 0
	for _, c := range count {
		if c == 0 {
			l.dead++
		}
	}
	l.compact()
	return nil
}

// find returns where document doc's posting stands in term t's list.
func (l *Live) find(t int32, doc int) (int, bool) {
	return slices.BinarySearchFunc(l.posts[t], int32(doc), func(p livePost, d int32) int { return int(p.doc - d) })
}

// Replace makes document doc's text d, as Index.Add would index it.
func (l *Live) Replace(doc int, d Doc) error {
	if doc < 0 || doc >= l.n {
		return fmt.Errorf("search: document %d out of range [0,%d)", doc, l.n)
	}
	l.remove(doc)
	g := l.g
	lens := g.addDoc(doc, d)
	ids := make([]int32, 0, len(g.entries))
	for _, e := range g.entries {
		term := g.term(e.term)
		id, ok := l.ids[string(term)]
		switch {
		case !ok:
			id = int32(len(l.terms))
			s := string(term)
			l.ids[s] = id
			l.terms = append(l.terms, s)
			l.posts = append(l.posts, nil)
			l.fresh = append(l.fresh, id)
		case len(l.posts[id]) == 0:
			l.dead--
		}
		at, _ := l.find(id, doc)
		l.posts[id] = slices.Insert(l.posts[id], at, livePost{doc: int32(doc), mask: e.mask, title: e.title, tf: e.tf})
		ids = append(ids, id)
	}
	g.reset()
	l.docs[doc], l.lens[doc], l.added[doc] = ids, lens, true
	return nil
}

// remove takes document doc's postings out of its terms' lists.
func (l *Live) remove(doc int) {
	for _, t := range l.docs[doc] {
		if at, ok := l.find(t, doc); ok {
			l.posts[t] = slices.Delete(l.posts[t], at, at+1)
			if len(l.posts[t]) == 0 {
				l.dead++
			}
		}
	}
	l.docs[doc], l.lens[doc], l.added[doc] = nil, [numFields]uint32{}, false
}

// Record encodes document doc's record, as Index.Record does, and
// remembers its hash for the version.
func (l *Live) Record(doc int, r Record) ([]byte, error) {
	if doc < 0 || doc >= l.n {
		return nil, fmt.Errorf("search: document %d out of range [0,%d)", doc, l.n)
	}
	raw, err := r.Encode()
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(raw)
	copy(l.recs[doc][:], sum[:])
	return raw, nil
}

// compact lets go of the terms no document holds any more, and numbers
// the others again, in order.
func (l *Live) compact() {
	if l.dead == 0 {
		return
	}
	renum := make([]int32, len(l.terms))
	var terms []string
	var posts [][]livePost
	for t := range l.terms {
		if len(l.posts[t]) == 0 {
			renum[t] = -1
			delete(l.ids, l.terms[t])
			continue
		}
		renum[t] = int32(len(terms))
		l.ids[l.terms[t]] = renum[t]
		terms = append(terms, l.terms[t])
		posts = append(posts, l.posts[t])
	}
	keep := func(list []int32) []int32 {
		out := list[:0]
		for _, t := range list {
			if renum[t] >= 0 {
				out = append(out, renum[t])
			}
		}
		return out
	}
	l.order, l.fresh = keep(l.order), keep(l.fresh)
	for d, list := range l.docs {
		for i, t := range list {
			list[i] = renum[t]
		}
		l.docs[d] = list
	}
	l.terms, l.posts, l.dead = terms, posts, 0
}

// place puts the fresh terms in order.
func (l *Live) place() {
	if len(l.fresh) == 0 {
		return
	}
	byTerm := func(a, b int32) int { return compareTerms(l.terms[a], l.terms[b]) }
	slices.SortFunc(l.fresh, byTerm)
	merged := make([]int32, 0, len(l.order)+len(l.fresh))
	i, j := 0, 0
	for i < len(l.order) && j < len(l.fresh) {
		if byTerm(l.order[i], l.fresh[j]) < 0 {
			merged = append(merged, l.order[i])
			i++
		} else {
			merged = append(merged, l.fresh[j])
			j++
		}
	}
	merged = append(append(merged, l.order[i:]...), l.fresh[j:]...)
	l.order, l.fresh = merged, l.fresh[:0]
}

// Finish writes the index as Index.Finish writes it for the same
// documents and facets. The index stays as it is, to replace documents in
// and finish again.
func (l *Live) Finish(facets []Facet, shardBytes int) (*Output, error) {
	if l.dead > len(l.terms)/4 {
		l.compact()
	}
	l.place()
	rank := ranker(l.lens, l.added)
	var (
		term  []byte
		posts []uint64
	)
	out, err := writeIndex(l.n, l.recs, facets, shardBytes, func(fn func(t []byte, posts []uint64) error) error {
		for _, t := range l.order {
			list := l.posts[t]
			if len(list) == 0 {
				continue
			}
			posts = posts[:0]
			for i := range list {
				p := &list[i]
				posts = append(posts, uint64(p.doc)<<16|uint64(p.title)<<8|uint64(rank(p.doc, p.mask, &p.tf)))
			}
			term = append(term[:0], l.terms[t]...)
			if err := fn(term, posts); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The compressed files kept are those of this output's names.
	names := make(map[string]bool, len(out.Files))
	for _, f := range out.Files {
		names[f.Name] = true
	}
	l.gzMu.Lock()
	for name := range l.gz {
		if !names[name] {
			delete(l.gz, name)
		}
	}
	l.gzMu.Unlock()
	return out, nil
}

// Compress gzips the raw bytes of the index's file name as Index.Compress
// does, or returns the bytes it gave the last time, when name's raw bytes
// were the same. Safe for concurrent use.
func (l *Live) Compress(name string, raw []byte) []byte {
	sum := sha256.Sum256(raw)
	l.gzMu.Lock()
	f, ok := l.gz[name]
	l.gzMu.Unlock()
	if ok && f.sum == sum {
		return f.gz
	}
	gz := l.zip.compress(raw)
	l.gzMu.Lock()
	l.gz[name] = gzFile{sum: sum, gz: gz}
	l.gzMu.Unlock()
	return gz
}
