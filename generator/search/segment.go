package search

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"slices"
)

// segmentDocs is how many documents a segment collects before it is
// sealed. It is at most 256: a posting names its document by its place in
// the segment, in one byte. The most: the merge reads every segment's
// terms, and a term that 256 documents share is read once, not twice
// (the finish of 100,000 documents took a fifth less than with 128).
const segmentDocs = 256

// segment collects the term counts of a few documents. Its terms live in
// one arena of bytes, found by a hash table of its own, and its postings in
// one list: nothing in it is allocated per term or per posting, and
// nothing in it holds a pointer for the collector to follow. Sealed, it is
// one block of bytes that the index keeps out of the heap (see spill).
type segment struct {
	scan  scanner
	field Field

	seed  maphash.Seed
	table []int32             // open addressing: term+1, or 0 for a free slot
	hash  []uint32            // term → the low bits of its hash
	arena []byte              // the terms' bytes, one after the other
	ends  []uint32            // term → where its bytes end in arena
	tf    [][numFields]uint16 // term → counts in the current document
	tpos  []uint8             // term → 1 + its first place in the current title, or 0

	seen    []int32           // terms the current document has, in order
	lens    [numFields]uint32 // the current document's field lengths
	docs    []int             // the documents, in the order they came
	entries []entry           // postings of the ended documents, by document
	sealed  []byte            // the last seal's bytes
}

// entry is one posting as the segment collects it.
type entry struct {
	term  int32
	local uint8 // the document's place in the segment
	mask  uint8 // bits 0–4: the fields that hold the term; bit 7: it is the id
	title uint8 // with the Title bit: titleByte of the term's place
	tf    [numFields]uint8
}

// titleByte is where a term stands in its title, for the script's
// phrase and proximity boosts: its first place (counting words, from 0)
// in the high four bits, the title's length in words in the low four,
// both at most 15. It is never 0, as a title that holds a term has a
// word.
func titleByte(pos, words int) uint8 {
	return uint8(min(pos, 15)<<4 | max(1, min(words, 15)))
}

const idBit = 0x80

func newSegment(tok *Tokenizer) *segment {
	g := &segment{seed: maphash.MakeSeed(), table: make([]int32, 1<<12)}
	g.scan = scanner{t: tok, emit: g.add}
	return g
}

// term returns term i's bytes.
func (g *segment) term(i int32) []byte {
	start := uint32(0)
	if i > 0 {
		start = g.ends[i-1]
	}
	return g.arena[start:g.ends[i]]
}

// lookup returns the number of term tok, adding it if it is new.
func (g *segment) lookup(tok []byte) int32 {
	h := maphash.Bytes(g.seed, tok)
	mask := uint64(len(g.table) - 1)
	for s := h & mask; ; s = (s + 1) & mask {
		t := g.table[s] - 1
		if t < 0 {
			break
		}
		if g.hash[t] == uint32(h) && bytes.Equal(g.term(t), tok) {
			return t
		}
	}
	i := int32(len(g.ends))
	g.arena = append(g.arena, tok...)
	g.ends = append(g.ends, uint32(len(g.arena)))
	g.hash = append(g.hash, uint32(h))
	g.tf = append(g.tf, [numFields]uint16{})
	g.tpos = append(g.tpos, 0)
	if 2*len(g.ends) > len(g.table) {
		g.grow()
	} else {
		g.place(i, h)
	}
	return i
}

// place puts term i, whose hash is h, in the first free slot from its own.
func (g *segment) place(i int32, h uint64) {
	mask := uint64(len(g.table) - 1)
	s := h & mask
	for g.table[s] != 0 {
		s = (s + 1) & mask
	}
	g.table[s] = i + 1
}

// grow doubles the table and places every term again. The low 32 bits of
// a hash are enough: the table never has 2³² slots.
func (g *segment) grow() {
	g.table = make([]int32, 2*len(g.table))
	for i, h := range g.hash {
		g.place(int32(i), uint64(h))
	}
}

// add counts one term of the current document in the current field.
func (g *segment) add(tok []byte) {
	i := g.lookup(tok)
	tf := &g.tf[i]
	if *tf == ([numFields]uint16{}) {
		g.seen = append(g.seen, i)
	}
	if tf[g.field] < 0xFFFF {
		tf[g.field]++
	}
	if g.field == Title && g.tpos[i] == 0 {
		g.tpos[i] = uint8(min(g.scan.pos, 254) + 1)
	}
	g.lens[g.field]++
}

// endDoc ends the current document, whose title has titleWords words:
// its postings join the segment's, and its field lengths are returned.
func (g *segment) endDoc(doc int, id string, titleWords int) [numFields]uint32 {
	local := uint8(len(g.docs))
	for _, i := range g.seen {
		e := entry{term: i, local: local}
		if p := g.tpos[i]; p > 0 {
			e.title = titleByte(int(p)-1, titleWords)
			g.tpos[i] = 0
		}
		for f, n := range g.tf[i] {
			if n > 0 {
				e.mask |= 1 << f
				e.tf[f] = uint8(min(n, 255))
			}
		}
		if string(g.term(i)) == id {
			e.mask |= idBit
		}
		g.entries = append(g.entries, e)
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
//	then per term, in the order of compareTerms: its length, the term,
//	the number of its postings, the postings
//
// each number a uvarint. A posting is the document's place among the
// segment's (one byte), the field mask, then one count per field in the
// mask, then, when the mask has the Title bit, the title byte
// (titleByte). The block is the segment's until its next seal.
func (g *segment) seal() []byte {
	n := len(g.ends)
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return compareTerms(g.term(a), g.term(b)) })
	// Each term's postings in one run, in the order of the terms, each
	// run in the order of the documents: a counting sort.
	count := make([]int32, n)
	for _, e := range g.entries {
		count[e.term]++
	}
	at := make([]int32, n) // term → where its run goes next
	p := int32(0)
	for _, t := range order {
		at[t] = p
		p += count[t]
	}
	sorted := make([]entry, len(g.entries))
	for _, e := range g.entries {
		sorted[at[e.term]] = e
		at[e.term]++
	}

	raw := g.sealed[:0]
	raw = binary.AppendUvarint(raw, uint64(len(g.docs)))
	for _, d := range g.docs {
		raw = binary.AppendUvarint(raw, uint64(d))
	}
	raw = binary.AppendUvarint(raw, uint64(n))
	for _, t := range order {
		term := g.term(t)
		raw = binary.AppendUvarint(raw, uint64(len(term)))
		raw = append(raw, term...)
		raw = binary.AppendUvarint(raw, uint64(count[t]))
		for _, e := range sorted[:count[t]] {
			raw = appendEntry(raw, e)
		}
		sorted = sorted[count[t]:]
	}
	g.sealed = raw
	g.reset()
	return raw
}

// reset empties the segment, keeping its buffers.
func (g *segment) reset() {
	clear(g.table)
	g.hash, g.arena, g.ends, g.tf, g.tpos = g.hash[:0], g.arena[:0], g.ends[:0], g.tf[:0], g.tpos[:0]
	g.docs, g.entries = g.docs[:0], g.entries[:0]
}

// appendEntry writes one posting as seal does.
func appendEntry(b []byte, e entry) []byte {
	return appendCounts(append(b, e.local), e.mask, &e.tf, e.title)
}

// appendCounts writes what a posting says of its document: the field
// mask, the term's count in each field of the mask and, with the Title
// bit, its title byte. Segments and the preview's kept lists share it.
func appendCounts(b []byte, mask uint8, tf *[numFields]uint8, title uint8) []byte {
	b = append(b, mask)
	for f := range numFields {
		if mask&(1<<f) != 0 {
			b = append(b, tf[f])
		}
	}
	if mask&(1<<Title) != 0 {
		b = append(b, title)
	}
	return b
}
