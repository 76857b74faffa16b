package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"almanac/generator/internal/binrec"
)

// A Live index can be kept in a file between two builds, so that a build
// that follows a small change replaces the documents that changed instead
// of reading every document again. The kept form is what the index holds,
// with nothing derived:
//
//	uvarint(n)                          the number of documents
//	n × (added byte, [lens], [recs])    per document: whether it is in the
//	                                    index and, when it is, its field
//	                                    lengths and its record's hash
//	(term, postings)* ""                every term with postings, in the
//	                                    order of compareTerms, and its
//	                                    list packed as appendPost packs it
//
// A document's terms and a list's last document are found again when the
// file is read. An Index writes the same form as it finishes
// (FinishKeeping), so a build that fills the cache needs no Live at all.

var errState = errors.New("search: the kept index does not read back")

// writeStateDocs writes the documents' part of the kept form.
func writeStateDocs(w io.Writer, lens [][numFields]uint32, added []bool, recs [][recordHashLen]byte) error {
	var e binrec.Encoder
	e.Uint(uint64(len(lens)))
	for d := range lens {
		if !added[d] {
			e.Byte(0)
			continue
		}
		e.Byte(1)
		for f := range numFields {
			e.Uint(uint64(lens[d][f]))
		}
		e.B = append(e.B, recs[d][:]...)
		if len(e.B) >= 64<<10 {
			if _, err := w.Write(e.B); err != nil {
				return err
			}
			e.B = e.B[:0]
		}
	}
	_, err := w.Write(e.B)
	return err
}

// stateTerms writes the terms' part of the kept form, one term at a time.
type stateTerms struct {
	w    *bufio.Writer
	e    binrec.Encoder
	last []byte
	err  error
}

func newStateTerms(w io.Writer) *stateTerms { return &stateTerms{w: bufio.NewWriterSize(w, 256<<10)} }

// add writes a term and its packed list; terms come in order.
func (s *stateTerms) add(term []byte, list []byte) {
	if s.err != nil || len(list) == 0 {
		return
	}
	s.e.B = s.e.B[:0]
	s.e.Uint(uint64(len(term)))
	s.e.B = append(s.e.B, term...)
	s.e.Uint(uint64(len(list)))
	if _, err := s.w.Write(s.e.B); err != nil {
		s.err = err
		return
	}
	_, s.err = s.w.Write(list)
}

// close ends the list of terms.
func (s *stateTerms) close() error {
	if s.err == nil {
		s.err = s.w.WriteByte(0)
	}
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

// WriteState writes the index in its kept form, as ReadLive reads it.
// Call it after Finish, which packs every pending change.
func (l *Live) WriteState(w io.Writer) error {
	if len(l.edits) > 0 || len(l.fresh) > 0 {
		return fmt.Errorf("search: the index is kept before it is finished")
	}
	if err := writeStateDocs(w, l.lens, l.added, l.recs); err != nil {
		return err
	}
	s := newStateTerms(w)
	for _, t := range l.order {
		s.add([]byte(l.terms[t]), l.posts[t])
	}
	return s.close()
}

// FinishKeeping is Finish that also writes the index in the kept form
// FinishKeeping is Finish that also writes the index in its kept form
// (see ReadLive) to w, as it merges the documents' terms: the Live a
// later build reads from it holds what this index holds.
func (x *Index) FinishKeeping(facets []Facet, shardBytes int, w io.Writer) (*Output, error) {
	return x.finish(facets, shardBytes, w)
}

// Drop takes document doc out of the index, as if it had never been
// added.
func (l *Live) Drop(doc int) error {
	if doc < 0 || doc >= l.n {
		return fmt.Errorf("search: document %d out of range [0,%d)", doc, l.n)
	}
	l.remove(doc)
	l.recs[doc] = [recordHashLen]byte{}
	return nil
}

// ReadLive reads an index kept by WriteState or FinishKeeping. Its
// lists are cut from b, not copied, so b must not change afterwards.
// Anything that does not read back whole and in order is refused.
func ReadLive(b []byte) (*Live, error) {
	l := NewLive()
	d := binrec.NewDecoder(b)
	n := d.Count(1)
	l.n = n
	l.lens, l.added, l.recs = make([][numFields]uint32, n), make([]bool, n), make([][recordHashLen]byte, n)
	l.docs = make([][]int32, n)
	for doc := range n {
		flag := d.Bytes(1)
		if d.Bad() || flag[0] > 1 {
			return nil, errState
		}
		if flag[0] == 0 {
			continue
		}
		l.added[doc] = true
		for f := range numFields {
			l.lens[doc][f] = uint32(d.Uint())
		}
		copy(l.recs[doc][:], d.Bytes(recordHashLen))
	}
	var prev string
	for !d.Bad() {
		term := d.Str()
		if term == "" {
			break
		}
		list := d.Bytes(d.Count(1))
		if d.Bad() || len(list) == 0 || prev != "" && compareTerms(prev, term) >= 0 {
			return nil, errState
		}
		prev = term
		t := int32(len(l.terms))
		l.ids[term] = t
		l.terms = append(l.terms, term)
		l.posts = append(l.posts, list)
		l.order = append(l.order, t)
		// The list read once: its documents' terms, its last document,
		// and that it reads whole.
		r := newPostReader(list)
		var p livePost
		last := int32(-1)
		for r.at < len(list) {
			if !r.safeNext(&p) || p.doc >= int32(n) || !l.added[p.doc] {
				return nil, errState
			}
			l.docs[p.doc] = append(l.docs[p.doc], t)
			last = p.doc
		}
		l.last = append(l.last, last)
	}
	if d.Bad() || d.Len() != 0 {
		return nil, errState
	}
	return l, nil
}

// safeNext is next for a list that may be damaged: it reports false
// rather than read past the list's end.
func (r *postReader) safeNext(p *livePost) bool {
	gap, n := binary.Uvarint(r.b[r.at:])
	if n <= 0 || gap >= 1<<31 || r.at+n >= len(r.b) {
		return false
	}
	mask := r.b[r.at+n]
	need := 1
	for f := range numFields {
		if mask&(1<<f) != 0 {
			need++
		}
	}
	if mask&(1<<Title) != 0 {
		need++
	}
	if mask&^(1<<numFields-1|idBit) != 0 || r.at+n+need > len(r.b) || int64(r.doc)+int64(gap)+1 >= 1<<31 {
		return false
	}
	return r.next(p)
}
