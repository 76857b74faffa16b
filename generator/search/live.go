package search

import (
	"crypto/sha256"
	"encoding/binary"
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

	ids   map[string]int32    // term → its number
	terms []string            // by number
	order []int32             // the terms in the order of compareTerms, fresh ones excepted
	fresh []int32             // terms not placed in order yet
	posts [][]byte            // by term: its postings, by document, packed (see appendPost)
	last  []int32             // by term: the last document of its list, or -1
	edits map[int32]*termEdit // by term: what changes in its list, not yet packed
	dead  int                 // terms whose lists are empty

	n     int
	docs  [][]int32 // by document: the numbers of its terms
	lens  [][numFields]uint32
	added []bool
	recs  [][recordHashLen]byte

	zip  compressor
	gzMu sync.Mutex
	gz   map[string]gzFile // by file name: the last raw bytes' hash and their gzip
}

// livePost is one posting: what a segment's entry holds, with the
// document's number.
type livePost struct {
	doc   int32
	mask  uint8
	title uint8
	tf    [numFields]uint8
}

// appendPost packs a posting after one of document prev (-1 for the
// first of a list): the gap from prev, less one, as a uvarint, the field
// mask, one count per field in the mask and, when the mask has the Title
// bit, the title byte. A posting takes four bytes or so, a third of a
// livePost.
func appendPost(b []byte, prev int32, p *livePost) []byte {
	b = binary.AppendUvarint(b, uint64(p.doc-prev-1))
	return appendCounts(b, p.mask, &p.tf, p.title)
}

// postReader reads a packed list of postings.
type postReader struct {
	b   []byte
	at  int   // where the next posting starts
	doc int32 // the last posting's document, -1 before the first
}

func newPostReader(b []byte) postReader { return postReader{b: b, doc: -1} }

// next reads the next posting into p and reports whether there was one.
func (r *postReader) next(p *livePost) bool {
	if r.at >= len(r.b) {
		return false
	}
	gap, n := binary.Uvarint(r.b[r.at:])
	r.at += n
	r.doc += int32(gap) + 1
	p.doc = r.doc
	p.mask = r.b[r.at]
	r.at++
	p.tf = [numFields]uint8{}
	for f := range numFields {
		if p.mask&(1<<f) != 0 {
			p.tf[f] = r.b[r.at]
			r.at++
		}
	}
	p.title = 0
	if p.mask&(1<<Title) != 0 {
		p.title = r.b[r.at]
		r.at++
	}
	return true
}

// termEdit is what changes in a term's list: documents whose postings
// go, and postings that come. Replace notes them, and the next Finish (or
// Renumber) packs the list anew while it reads it: taking a posting out of
// a packed list or putting one in would read the list up to it, and a
// common term's list holds most documents.
type termEdit struct {
	gone []int32
	add  []livePost
}

type gzFile struct {
	sum [sha256.Size]byte
	gz  []byte
}

// NewLive returns an empty index, of no documents.
func NewLive() *Live {
	tok := NewTokenizer()
	return &Live{tok: tok, g: newSegment(tok), ids: map[string]int32{}, edits: map[int32]*termEdit{},
		zip: compressor{level: shardLevel}, gz: map[string]gzFile{}}
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
	if len(from) == l.n && len(l.edits) == 0 && isIdentity(from) {
		return nil // every document keeps its number
	}
	for t, e := range l.edits {
		l.apply(t, e, nil)
	}
	clear(l.edits)
	to := make([]int32, l.n) // old document → new, or -1
	for i := range to {
		to[i] = -1
	}
	for i, o := range from {
		if o >= 0 {
			to[o] = int32(i)
		}
	}
	// Each list read, its documents numbered again, sorted and packed
	// anew, its bytes exactly as many as it needs.
	var moved []livePost
	var buf []byte
	l.dead = 0
	for t, list := range l.posts {
		moved = moved[:0]
		r := newPostReader(list)
		var p livePost
		for r.next(&p) {
			if n := to[p.doc]; n >= 0 {
				p.doc = n
				moved = append(moved, p)
			}
		}
		if !slices.IsSortedFunc(moved, byDoc) {
			slices.SortFunc(moved, byDoc)
		}
		buf, l.last[t] = buf[:0], -1
		for i := range moved {
			buf = appendPost(buf, l.last[t], &moved[i])
			l.last[t] = moved[i].doc
		}
		l.posts[t] = nil
		if len(buf) > 0 {
			l.posts[t] = slices.Clone(buf)
		} else {
			l.dead++
		}
	}
	n := len(from)
	docs, lens, added, recs := make([][]int32, n), make([][numFields]uint32, n), make([]bool, n), make([][recordHashLen]byte, n)
	for i, o := range from {
		if o >= 0 {
			docs[i], lens[i], added[i], recs[i] = l.docs[o], l.lens[o], l.added[o], l.recs[o]
		}
	}
	l.docs, l.lens, l.added, l.recs, l.n = docs, lens, added, recs, n
	l.compact()
	return nil
}

func isIdentity(from []int) bool {
	for i, o := range from {
		if o != i {
			return false
		}
	}
	return true
}

func byDoc(a, b livePost) int { return int(a.doc - b.doc) }

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
		if !ok {
			id = int32(len(l.terms))
			s := string(term)
			l.ids[s] = id
			l.terms = append(l.terms, s)
			l.posts = append(l.posts, nil)
			l.last = append(l.last, -1)
			l.fresh = append(l.fresh, id)
		}
		p := livePost{doc: int32(doc), mask: e.mask, title: e.title, tf: e.tf}
		if ed := l.edits[id]; ed == nil && p.doc > l.last[id] {
			// At the end of a list with nothing pending, as a list is
			// mostly made: packed at once.
			l.posts[id], l.last[id] = appendPost(l.posts[id], l.last[id], &p), p.doc
		} else {
			l.edit(id).add = append(l.edit(id).add, p)
		}
		ids = append(ids, id)
	}
	g.reset()
	l.docs[doc], l.lens[doc], l.added[doc] = ids, lens, true
	return nil
}

// edit returns term t's pending edit, made when there is none.
func (l *Live) edit(t int32) *termEdit {
	e := l.edits[t]
	if e == nil {
		e = &termEdit{}
		l.edits[t] = e
	}
	return e
}

// remove notes that document doc's postings go from its terms' lists.
func (l *Live) remove(doc int) {
	for _, t := range l.docs[doc] {
		e := l.edit(t)
		e.add = slices.DeleteFunc(e.add, func(p livePost) bool { return p.doc == int32(doc) })
		e.gone = append(e.gone, int32(doc))
	}
	l.docs[doc], l.lens[doc], l.added[doc] = nil, [numFields]uint32{}, false
}

// apply packs term t's list anew with its edit e, calling each (when
// not nil) with every posting of the new list, in order. The runs of
// postings between the changes are copied as they are packed; only a
// posting that follows a change is packed again, its gap being new.
func (l *Live) apply(t int32, e *termEdit, each func(p *livePost)) {
	slices.Sort(e.gone)
	slices.SortFunc(e.add, byDoc)
	list := l.posts[t]
	out := make([]byte, 0, len(list)+8*len(e.add))
	prev := int32(-1) // the last document in out, or in the run
	put := func(p *livePost) {
		out, prev = appendPost(out, prev, p), p.doc
		if each != nil {
			each(p)
		}
	}
	r := newPostReader(list)
	var p livePost
	add := e.add
	run := 0 // list[run:] up to the current posting is copied as it is
	for {
		start, before := r.at, r.doc
		if !r.next(&p) {
			break
		}
		_, gone := slices.BinarySearch(e.gone, p.doc)
		adds := len(add) > 0 && add[0].doc < p.doc
		if !gone && !adds && prev == before {
			prev = p.doc
			if each != nil {
				each(&p)
			}
			continue
		}
		out = append(out, list[run:start]...)
		for len(add) > 0 && add[0].doc < p.doc {
			put(&add[0])
			add = add[1:]
		}
		if !gone {
			put(&p)
		}
		run = r.at
	}
	out = append(out, list[run:]...)
	for i := range add {
		put(&add[i])
	}
	l.posts[t], l.last[t] = out, prev
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
	var posts [][]byte
	var last []int32
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
		last = append(last, l.last[t])
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
	l.terms, l.posts, l.last, l.dead = terms, posts, last, 0
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
	l.place()
	rank := ranker(l.lens, l.added)
	var (
		term  []byte
		posts []uint64
		dead  int
	)
	out, err := writeIndex(l.n, l.recs, facets, shardBytes, nil, func(fn func(t []byte, posts []uint64) error) error {
		for _, t := range l.order {
			posts = posts[:0]
			if e := l.edits[t]; e != nil {
				l.apply(t, e, func(p *livePost) {
					posts = append(posts, uint64(p.doc)<<16|uint64(p.title)<<8|uint64(rank(p.doc, p.mask, &p.tf)))
				})
				delete(l.edits, t)
			} else {
				r := newPostReader(l.posts[t])
				var p livePost
				for r.next(&p) {
					posts = append(posts, uint64(p.doc)<<16|uint64(p.title)<<8|uint64(rank(p.doc, p.mask, &p.tf)))
				}
			}
			if len(posts) == 0 {
				dead++
				continue
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
	if l.dead = dead; dead > len(l.terms)/4 {
		l.compact()
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
