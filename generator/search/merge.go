package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
)

var errSegment = errors.New("search: damaged segment")

// maxTermBytes bounds a term read back from a segment: maxRunes
// characters of at most four bytes.
const maxTermBytes = 4 * maxRunes

// cursor reads one sealed segment (see segment.seal) a term at a time,
// from a stream: the index merges every segment's terms in order without
// holding any segment whole.
type cursor struct {
	r     *bufio.Reader
	docs  []int32 // place in the segment → document
	terms int     // terms not read yet
	term  []byte  // the current term
	posts int     // the current term's postings not read yet
	tf    [numFields]uint8
	err   error
	// keep: postings also gives every posting as it is, for the kept
	// form of the index (FinishKeeping), in kept.
	keep bool
	kept []livePost
}

func newCursor(r io.Reader) *cursor {
	c := &cursor{r: bufio.NewReaderSize(r, 16<<10)}
	n := c.uvarint()
	if n > segmentDocs {
		c.fail(errSegment)
	}
	for range n {
		c.docs = append(c.docs, int32(c.uvarint()))
	}
	c.terms = c.uvarint()
	return c
}

func (c *cursor) fail(err error) {
	if c.err == nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			err = errSegment
		}
		c.err = err
	}
}

func (c *cursor) uvarint() int {
	v, err := binary.ReadUvarint(c.r)
	if err != nil {
		c.fail(err)
		return 0
	}
	return int(v)
}

// next moves to the next term, skipping what is left of the current
// one's postings. It reports false at the end and on an error (c.err).
func (c *cursor) next() bool {
	for c.posts > 0 && c.err == nil {
		c.postings(nil, nil)
	}
	if c.err != nil || c.terms <= 0 {
		return false
	}
	c.terms--
	n := c.uvarint()
	if n <= 0 || n > maxTermBytes {
		c.fail(errSegment)
		return false
	}
	c.term = append(c.term[:0], make([]byte, n)...)
	if _, err := io.ReadFull(c.r, c.term); err != nil {
		c.fail(err)
		return false
	}
	c.posts = c.uvarint()
	return c.err == nil
}

// postings reads the current term's postings and appends each to out as
// a posting: the document number above the title byte (0 when the title
// lacks the term) above the byte rank gives (nothing when rank is nil).
func (c *cursor) postings(out []uint64, rank func(doc int32, mask uint8, tf *[numFields]uint8) uint8) []uint64 {
	for ; c.posts > 0; c.posts-- {
		local, err1 := c.r.ReadByte()
		mask, err2 := c.r.ReadByte()
		if err := errors.Join(err1, err2); err != nil {
			c.fail(err)
			return out
		}
		tf := &c.tf
		*tf = [numFields]uint8{}
		for f := range numFields {
			if mask&(1<<f) != 0 {
				b, err := c.r.ReadByte()
				if err != nil {
					c.fail(err)
					return out
				}
				tf[f] = b
			}
		}
		title := uint8(0)
		if mask&(1<<Title) != 0 {
			b, err := c.r.ReadByte()
			if err != nil {
				c.fail(err)
				return out
			}
			title = b
		}
		if int(local) >= len(c.docs) {
			c.fail(errSegment)
			return out
		}
		if rank != nil {
			doc := c.docs[local]
			out = append(out, uint64(doc)<<16|uint64(title)<<8|uint64(rank(doc, mask, tf)))
			if c.keep {
				c.kept = append(c.kept, livePost{doc: doc, mask: mask, title: title, tf: *tf})
			}
		}
	}
	return out
}

// cursorHeap orders cursors by their current term: a binary heap, its
// smallest term first. The merge moves the top cursor on once for every
// term of every segment, so the heap is kept here rather than through
// container/heap's interface: a 100,000-page site has hundreds of
// segments, and each move looks at about log₂ of them.
type cursorHeap []*cursor

func (h cursorHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

// down moves the cursor at i below the cursors whose terms come before its.
func (h cursorHeap) down(i int) {
	c := h[i]
	for {
		j := 2*i + 1
		if j >= len(h) {
			break
		}
		if k := j + 1; k < len(h) && compareTerms(h[k].term, h[j].term) < 0 {
			j = k
		}
		if compareTerms(h[j].term, c.term) >= 0 {
			break
		}
		h[i] = h[j]
		i = j
	}
	h[i] = c
}

// pop takes the top cursor out.
func (h *cursorHeap) pop() {
	old := *h
	n := len(old) - 1
	old[0] = old[n]
	old[n] = nil
	*h = old[:n]
	if n > 0 {
		h.down(0)
	}
}

// merge calls fn with every term of the segments, in the order of
// compareTerms, and the term's postings from all of them as postings
// appends them (in no particular order). The term and the postings are
// only valid during the call.
func merge(cs []*cursor, rank func(doc int32, mask uint8, tf *[numFields]uint8) uint8, fn func(term []byte, posts []uint64) error) error {
	return mergeKeeping(cs, rank, func(term []byte, posts []uint64, _ []livePost) error { return fn(term, posts) })
}

// mergeKeeping is merge that also gives fn the postings as they are, of
// the cursors that keep them (in no particular order either).
func mergeKeeping(cs []*cursor, rank func(doc int32, mask uint8, tf *[numFields]uint8) uint8, fn func(term []byte, posts []uint64, kept []livePost) error) error {
	h := cursorHeap(cs)
	h.init()
	var term []byte
	var posts []uint64
	var kept []livePost
	for len(h) > 0 {
		term = append(term[:0], h[0].term...)
		posts, kept = posts[:0], kept[:0]
		for len(h) > 0 && string(h[0].term) == string(term) {
			c := h[0]
			posts = c.postings(posts, rank)
			if c.keep {
				kept = append(kept, c.kept...)
				c.kept = c.kept[:0]
			}
			if c.next() {
				h.down(0)
				continue
			}
			if c.err != nil {
				return c.err
			}
			h.pop()
		}
		if err := fn(term, posts, kept); err != nil {
			return err
		}
	}
	return nil
}
