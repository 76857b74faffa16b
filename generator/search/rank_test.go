package search

import (
	"fmt"
	"slices"
	"testing"
)

// Each posting of a title's term says where the term stands in the title
// and how many words the title has: the script's phrase and proximity
// boosts need no more. Stop words take no place; a compound and its
// first part share one, as do a Korean word, its stem and its pairs.
func TestTitlePlaces(t *testing.T) {
	x := NewIndex(3)
	x.Add(0, Doc{Title: "Circuit breaker for the payout-scheduler in 1.4.0", Body: []string{"breaker"}})
	x.Add(1, Doc{Title: "정산계좌를 변경", Body: []string{"circuit"}})
	x.Add(2, Doc{Title: "STORY-142 rollback", Body: []string{"circuit breaker"}})
	out, err := x.Finish(nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, terms := readIndex(t, out)
	type place struct{ pos, words int }
	got := map[string]place{}
	for _, st := range terms {
		for i, d := range st.docs {
			if b := st.title[i]; b != 0 {
				got[fmt.Sprint(d, " ", st.term)] = place{int(b >> 4), int(b & 15)}
			} else if d == 0 && st.term == "breaker" {
				t.Error("breaker in the title of 0 has no title byte")
			}
		}
	}
	want := map[string]place{
		"0 circuit": {0, 5}, "0 breaker": {1, 5}, "0 payout": {2, 5}, "0 scheduler": {3, 5}, "0 1.4.0": {4, 5},
		"1 정산계좌를": {0, 2}, "1 정산계좌": {0, 2}, "1 정산": {0, 2}, "1 산계": {0, 2}, "1 계좌": {0, 2}, "1 변경": {1, 2},
		"2 story-142": {0, 3}, "2 story": {0, 3}, "2 142": {1, 3}, "2 rollback": {2, 3},
	}
	for k, w := range want {
		if g, ok := got[k]; !ok || g != w {
			t.Errorf("%s: place %v (found %v), want %v", k, g, ok, w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s has a title place, %v, and is no title word", k, got[k])
		}
	}
	if b := titleByte(40, 99); b != 0xFF {
		t.Errorf("titleByte(40, 99) = %#x, want both capped at 15", b)
	}
}

// A prefix whose terms span shards gets a hint in the first of them: its
// most common completions, most common first, whatever their order.
func TestHints(t *testing.T) {
	var docs []Doc
	add := func(n int, text string) {
		for range n {
			docs = append(docs, Doc{Title: fmt.Sprintf("page %d", len(docs)), Body: []string{text}})
		}
	}
	// "ro" begins many rare words and one common one, rollback.
	for i := range 200 {
		add(1, fmt.Sprintf("ro%03dx", i))
	}
	add(40, "rollback")
	add(25, "route")
	add(10, "rogue")
	add(3, "robot")
	out := build(t, docs, seq(len(docs)), false, 256)
	m, terms, hints := readHints(t, out)
	if len(m.Shards) < 4 {
		t.Fatalf("%d shards, want the ro… words in several", len(m.Shards))
	}
	var ro *shardHint
	for i, h := range hints {
		if h.prefix == "ro" {
			ro = &hints[i]
		}
		// the hint is where the script looks for its prefix
		if r := route(m.Shards, h.prefix); r != h.shardNum {
			t.Errorf("hint %q is in shard %d, the prefix routes to %d", h.prefix, h.shardNum, r)
		}
		if span := route(m.Shards, h.prefix+"\uffff") - h.shardNum; span < 2 {
			t.Errorf("hint %q for a prefix the script reads whole (%d shards)", h.prefix, span+1)
		}
		for k := 1; k < len(h.top); k++ {
			if h.top[k].df > h.top[k-1].df {
				t.Errorf("hint %q: %v not most common first", h.prefix, h.top)
			}
		}
	}
	if ro == nil {
		t.Fatal("no hint for ro")
	}
	var names []string
	for _, c := range ro.top {
		names = append(names, c.term)
	}
	if want := []string{"rollback", "route", "rogue", "robot"}; !slices.Equal(names[:4], want) {
		t.Errorf("ro's completions = %v, want %v first", names, want)
	}
	if len(ro.top) != hintTerms {
		t.Errorf("ro has %d completions, want %d", len(ro.top), hintTerms)
	}
	for _, c := range ro.top {
		if i := slices.IndexFunc(terms, func(st shardTerm) bool { return st.term == c.term }); i < 0 || len(terms[i].docs) != c.df {
			t.Errorf("completion %v: not the index's count", c)
		}
	}
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
