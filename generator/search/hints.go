package search

import (
	"encoding/binary"
	"slices"
	"sort"
	"unicode/utf8"
)

// A word typed so far, two letters say, may begin thousands of terms in
// dozens of shards: more than a query can fetch, and far more than the
// few the type-ahead shows. The script then reads the one shard where the
// prefix would stand and, in its head, the prefix's hint: the prefix's
// most common completions (by how many documents hold them), which it
// fetches and ranks by that count. Hints are written for prefixes of up
// to hintRunes characters whose terms span three shards or more (as the
// script routes them); every other prefix is read whole.
const (
	hintRunes = 3
	hintTerms = 6
)

// completion is one term a prefix begins and its document count.
type completion struct {
	term string
	df   int
}

// hint is a prefix and its most common completions, most common first.
type hint struct {
	prefix string
	top    []completion
	terms  int // how many terms the prefix begins
	first  int // the shard of its first term
	last   int // the shard of its last term
}

// hinter collects hints from the terms as the index writes them, in
// order.
type hinter struct {
	open [hintRunes + 1]*hint // by length in characters: the prefix being read
	done []*hint
}

// add takes the next term, its document count and its shard.
func (h *hinter) add(term []byte, df, shard int) {
	end := 0
	for n := 1; n <= hintRunes; n++ {
		if end >= len(term) {
			h.close(n)
			continue
		}
		_, size := utf8.DecodeRune(term[end:])
		end += size
		p := h.open[n]
		if p == nil || p.prefix != string(term[:end]) {
			h.close(n)
			p = &hint{prefix: string(term[:end]), first: shard}
			h.open[n] = p
		}
		p.terms++
		p.last = shard
		c := completion{string(term), df}
		// Most common first; of two equally common, the first in order.
		i := sort.Search(len(p.top), func(i int) bool { return p.top[i].df < df })
		if i < hintTerms {
			p.top = slices.Insert(p.top, i, c)
			if len(p.top) > hintTerms {
				p.top = p.top[:hintTerms]
			}
		}
	}
}

// close ends the prefix of n characters being read, keeping its hint
// when its terms are in more than one shard: only those can span three
// (the first shard the script reads for a prefix may be the one before
// its first term's).
func (h *hinter) close(n int) {
	if p := h.open[n]; p != nil && p.last > p.first {
		h.done = append(h.done, p)
	}
	h.open[n] = nil
}

// byShard returns the hints that the shards whose boundaries are seps
// need: those of prefixes whose terms span three shards or more, each in
// the first of them (where the script looks for the prefix).
func (h *hinter) byShard(seps []string) map[int][]*hint {
	for n := range h.open {
		h.close(n)
	}
	out := map[int][]*hint{}
	for _, p := range h.done {
		lo, hi := route(seps, p.prefix), route(seps, p.prefix+"\uffff")
		if hi-lo >= 2 {
			out[lo] = append(out[lo], p)
		}
	}
	for _, list := range out {
		slices.SortFunc(list, func(a, b *hint) int { return compareTerms(a.prefix, b.prefix) })
	}
	return out
}

// route is the shard a term is in, or would be: the last whose boundary
// is at or before it, as the script finds it.
func route(seps []string, t string) int {
	return max(0, sort.Search(len(seps), func(i int) bool { return compareTerms(seps[i], t) > 0 })-1)
}

// appendHints writes a shard's head: the number of hints, then per hint
// its prefix, the number of its completions and each completion's term
// and document count, lengths and numbers as uvarints.
func appendHints(b []byte, hints []*hint) []byte {
	b = binary.AppendUvarint(b, uint64(len(hints)))
	for _, p := range hints {
		b = binary.AppendUvarint(b, uint64(len(p.prefix)))
		b = append(b, p.prefix...)
		b = binary.AppendUvarint(b, uint64(len(p.top)))
		for _, c := range p.top {
			b = binary.AppendUvarint(b, uint64(len(c.term)))
			b = append(b, c.term...)
			b = binary.AppendUvarint(b, uint64(c.df))
		}
	}
	return b
}
