package search

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
)

// liveRecord is the record the tests give a document: its own, whatever
// its number.
func liveRecord(d Doc) Record {
	return Record{URL: "/d/" + d.ID + "/", Title: d.Title}
}

// sameOutput fails unless two outputs are the same, byte for byte.
func sameOutput(t *testing.T, what string, got, want *Output) {
	t.Helper()
	if got.Version != want.Version || got.Terms != want.Terms || got.Postings != want.Postings {
		t.Fatalf("%s: version %s, %d terms, %d postings; a fresh index: %s, %d, %d", what,
			got.Version, got.Terms, got.Postings, want.Version, want.Terms, want.Postings)
	}
	if len(got.Files) != len(want.Files) {
		t.Fatalf("%s: %d files, a fresh index %d", what, len(got.Files), len(want.Files))
	}
	for i := range got.Files {
		if got.Files[i].Name != want.Files[i].Name || !bytes.Equal(rawOf(t, got.Files[i]), rawOf(t, want.Files[i])) {
			t.Fatalf("%s: file %s differs from a fresh index's %s", what, got.Files[i].Name, want.Files[i].Name)
		}
	}
}

// liveSet makes a Live hold docs, from whatever it held, by renumbering
// (from) and replacing the documents in changed.
func liveSet(t *testing.T, l *Live, docs []Doc, from []int, changed []int) *Output {
	t.Helper()
	if err := l.Renumber(from); err != nil {
		t.Fatal(err)
	}
	for _, i := range changed {
		if err := l.Replace(i, docs[i]); err != nil {
			t.Fatal(err)
		}
		if _, err := l.Record(i, liveRecord(docs[i])); err != nil {
			t.Fatal(err)
		}
	}
	out, err := l.Finish(liveFacets, 512)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var liveFacets = []Facet{{Name: "kind", Values: []FacetValue{{Key: "story", Label: "story", Docs: []int{0, 1}}}}}

// fresh is the output of an Index built from docs at once.
func fresh(t *testing.T, docs []Doc) *Output {
	t.Helper()
	x := NewIndex(len(docs))
	t.Cleanup(x.Close) // after the output is read
	for i, d := range docs {
		if err := x.Add(i, d); err != nil {
			t.Fatal(err)
		}
		if _, err := x.Record(i, liveRecord(d)); err != nil {
			t.Fatal(err)
		}
	}
	out, err := x.Finish(liveFacets, 512)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func identity(n int) []int {
	from := make([]int, n)
	for i := range from {
		from[i] = i
	}
	return from
}

func all(n int) []int { return identity(n) }

// A Live that has one document replaced, added, removed or moved writes
// what an index built afresh from the same documents writes.
func TestLiveReplace(t *testing.T) {
	docs := sampleDocs(300) // more than two segments of documents
	l := NewLive()
	sameOutput(t, "built", liveSet(t, l, docs, slices.Repeat([]int{-1}, len(docs)), all(len(docs))), fresh(t, docs))

	// A body edit: one document's text, with a word no other has.
	docs[17].Body = append(slices.Clone(docs[17].Body), "zebra crossing deploy")
	sameOutput(t, "body", liveSet(t, l, docs, identity(len(docs)), []int{17}), fresh(t, docs))

	// A title edit, and an id edit.
	docs[3].Title = "payout ledger rollback"
	docs[250].ID = "v2.0.1"
	sameOutput(t, "title", liveSet(t, l, docs, identity(len(docs)), []int{3, 250}), fresh(t, docs))

	// The word only one document had goes: its term goes with it.
	docs[17].Body = docs[17].Body[:len(docs[17].Body)-1]
	sameOutput(t, "word gone", liveSet(t, l, docs, identity(len(docs)), []int{17}), fresh(t, docs))

	// The same document again: nothing changes.
	sameOutput(t, "same", liveSet(t, l, docs, identity(len(docs)), []int{40}), fresh(t, docs))

	// A document added at the front: every other moves up one.
	added := Doc{ID: "STORY-1", Title: "a new story on failover", Body: []string{"settlement export café"}}
	from := append([]int{-1}, identity(len(docs))...)
	docs = append([]Doc{added}, docs...)
	sameOutput(t, "added", liveSet(t, l, docs, from, []int{0}), fresh(t, docs))

	// A document removed from the middle.
	from = append(identity(100), identity(len(docs))[101:]...)
	docs = slices.Delete(docs, 100, 101)
	sameOutput(t, "removed", liveSet(t, l, docs, from, nil), fresh(t, docs))

	// Two documents change places (a date changed) and one of them its
	// text too.
	from = identity(len(docs))
	from[5], from[200] = 200, 5
	docs[5], docs[200] = docs[200], docs[5]
	docs[5].Title = "moved and retitled"
	out := liveSet(t, l, docs, from, []int{5})
	sameOutput(t, "moved", out, fresh(t, docs))

	// Down to none, and back.
	sameOutput(t, "empty", liveSet(t, l, nil, nil, nil), fresh(t, nil))
	docs = docs[:10]
	sameOutput(t, "again", liveSet(t, l, docs, slices.Repeat([]int{-1}, len(docs)), all(len(docs))), fresh(t, docs))
}

// Many edits in a row, each a fresh index's output.
func TestLiveManyEdits(t *testing.T) {
	docs := sampleDocs(60)
	l := NewLive()
	liveSet(t, l, docs, slices.Repeat([]int{-1}, len(docs)), all(len(docs)))
	words := []string{"alpha", "beta", "gamma", "배포", "部署", "Tomás"}
	for n := range 40 {
		i := (n * 13) % len(docs)
		docs[i].Body = []string{fmt.Sprintf("%s %s edit%d", words[n%len(words)], docs[(i+1)%len(docs)].Body[0], n)}
		changed := []int{i}
		// Now and then the first and the last document too, and a
		// neighbour: changes side by side in a list.
		if n%3 == 0 {
			last := len(docs) - 1
			docs[0].Title, docs[last].Title = words[n%len(words)], words[(n+1)%len(words)]
			docs[(i+1)%len(docs)].Keys = []string{words[(n+2)%len(words)]}
			changed = append(changed, 0, last, (i+1)%len(docs))
		}
		sameOutput(t, fmt.Sprintf("edit %d", n), liveSet(t, l, docs, identity(len(docs)), changed), fresh(t, docs))
	}
	if l.dead > len(l.terms)/4+1 {
		t.Errorf("%d of %d terms dead after the edits", l.dead, len(l.terms))
	}
}

func TestLiveRenumberErrors(t *testing.T) {
	l := NewLive()
	liveSet(t, l, sampleDocs(3), []int{-1, -1, -1}, all(3))
	for _, from := range [][]int{{0, 0}, {3}, {1, 2, 1}} {
		if err := l.Renumber(from); err == nil {
			t.Errorf("Renumber(%v): no error", from)
		}
	}
	if err := l.Replace(3, Doc{}); err == nil {
		t.Error("Replace(3) of 3 documents: no error")
	}
}

// Compress gives the bytes of the same raw file back without compressing
// them again, and the bytes a fresh compression gives.
func TestLiveCompress(t *testing.T) {
	l := NewLive()
	a := l.Compress("t/0.bin", []byte("some shard"))
	b := l.Compress("t/0.bin", []byte("some shard"))
	if &a[0] != &b[0] {
		t.Error("the same raw bytes compressed again")
	}
	x := NewIndex(1)
	if c := l.Compress("t/0.bin", []byte("another")); !bytes.Equal(c, x.Compress([]byte("another"))) {
		t.Error("Compress differs from Index.Compress")
	}
}

// The ranker's tables give what the sum of the fields' shares gives.
func TestRankerTables(t *testing.T) {
	lens := [][numFields]uint32{{100, 10, 3, 4, 1}, {900, 0, 1, 9, 0}, {5, 2, 0, 2, 1}}
	added := []bool{true, true, true}
	rank := ranker(lens, added)
	nm := norms(lens, averages(lens, added))
	for doc := range lens {
		for _, mask := range []uint8{1 << Body, 1<<Body | idBit, 1<<Body | 1<<Title, 1 << Keys, 0x1F | idBit} {
			for _, n := range []uint8{1, 2, 7, 8, 9, 255} {
				var tf [numFields]uint8
				var s float64
				for f := range numFields {
					if mask&(1<<f) != 0 {
						tf[f] = n
						s += share(f, n, nm[doc][f])
					}
				}
				want := byte(quantize(s)) << 1
				if mask&idBit != 0 {
					want |= 1
				}
				if got := rank(int32(doc), mask, &tf); got != want {
					t.Errorf("doc %d mask %08b tf %d: rank %d, the shares' sum %d", doc, mask, n, got, want)
				}
			}
		}
	}
}
