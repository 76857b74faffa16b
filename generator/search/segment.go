package search

import (
	"encoding/binary"
	"errors"
	"slices"
	"strings"
)

// segmentDocs is how many documents a segment collects before it is
// sealed. It is at most 256: a posting names its document by its place in
// the segment, in one byte.
const segmentDocs = 128

// segment collects the term counts of a few documents. Sealed, it is one
// compressed block of bytes with no pointers in it, so that an index of
// many pages weighs little on the collector while the pages are built.
type segment struct {
	scan  scanner
	field Field
	index map[string]int32    // term → slot
	terms []string            // slot → term
	post  [][]byte            // slot → postings of the segment's documents
	tf    [][numFields]uint16 // slot → counts in the current document
	seen  []int32             // slots the current document has, in order
	lens  [numFields]uint32   // the current document's field lengths
	docs  []int               // the documents, in the order they came
}

func newSegment(tok *Tokenizer) *segment {
	g := &segment{index: make(map[string]int32, 4096)}
	g.scan = scanner{t: tok, emit: g.add}
	return g
}

// add counts one term of the current document in the current field.
func (g *segment) add(tok []byte) {
	i, ok := g.index[string(tok)]
	if !ok {
		s := string(tok)
		i = int32(len(g.terms))
		g.index[s] = i
		g.terms = append(g.terms, s)
		g.post = append(g.post, nil)
		g.tf = append(g.tf, [numFields]uint16{})
	}
	tf := &g.tf[i]
	if *tf == ([numFields]uint16{}) {
		g.seen = append(g.seen, i)
	}
	if tf[g.field] < 0xFFFF {
		tf[g.field]++
	}
	g.lens[g.field]++
}

// endDoc ends the current document: its postings join the segment's, and
// its field lengths are returned.
func (g *segment) endDoc(doc int, id string) [numFields]uint32 {
	local := len(g.docs)
	for _, i := range g.seen {
		g.post[i] = appendPosting(g.post[i], local, g.tf[i], g.terms[i] == id)
		g.tf[i] = [numFields]uint16{}
	}
	g.docs = append(g.docs, doc)
	lens := g.lens
	g.seen, g.lens = g.seen[:0], [numFields]uint32{}
	return lens
}

// seal encodes the segment as one block of bytes and empties it:
//
//	n, the n documents, the number of terms,
//	then per term: its length, the term, its postings' length, postings
//
// each number a uvarint; postings are as appendPosting writes them, each
// naming its document by its place among the segment's.
func (g *segment) seal() []byte {
	order := make([]int32, len(g.terms))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(g.terms[a], g.terms[b]) })
	var raw []byte
	raw = binary.AppendUvarint(raw, uint64(len(g.docs)))
	for _, d := range g.docs {
		raw = binary.AppendUvarint(raw, uint64(d))
	}
	raw = binary.AppendUvarint(raw, uint64(len(order)))
	for _, i := range order {
		raw = binary.AppendUvarint(raw, uint64(len(g.terms[i])))
		raw = append(raw, g.terms[i]...)
		raw = binary.AppendUvarint(raw, uint64(len(g.post[i])))
		raw = append(raw, g.post[i]...)
	}
	clear(g.index)
	clear(g.terms) // let the strings go
	clear(g.post)
	g.terms, g.post, g.tf, g.docs = g.terms[:0], g.post[:0], g.tf[:0], g.docs[:0]
	return raw
}

var errSegment = errors.New("search: damaged segment")

// unseal adds a sealed segment's postings to terms, each naming its
// document by number.
func unseal(raw []byte, terms map[string][]byte) error {
	next := func() int {
		v, n := binary.Uvarint(raw)
		if n <= 0 {
			raw = nil
			return -1
		}
		raw = raw[n:]
		return int(v)
	}
	take := func(n int) []byte {
		if n < 0 || n > len(raw) {
			raw = nil
			return nil
		}
		b := raw[:n]
		raw = raw[n:]
		return b
	}
	docs := make([]int, max(next(), 0))
	for i := range docs {
		docs[i] = next()
	}
	var local []posting
	for n := next(); n > 0; n-- {
		term := take(next())
		post := take(next())
		if raw == nil && n > 1 {
			return errSegment
		}
		local = decodePostings(post, local[:0])
		p := terms[string(term)]
		for _, lp := range local {
			if lp.doc >= len(docs) {
				return errSegment
			}
			var tf [numFields]uint16
			for f, c := range lp.tf {
				tf[f] = uint16(c)
			}
			p = appendPosting(p, docs[lp.doc], tf, lp.isID)
		}
		terms[string(term)] = p
	}
	return nil
}
