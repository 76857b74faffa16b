package search

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
)

// keptIndex builds an Index of docs, added in a shuffled order from
// several segments, and returns its output and its kept form.
func keptIndex(t *testing.T, docs []Doc) (*Output, []byte) {
	t.Helper()
	x := NewIndex(len(docs))
	t.Cleanup(x.Close)
	order := identity(len(docs))
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	for _, i := range order {
		if err := x.Add(i, docs[i]); err != nil {
			t.Fatal(err)
		}
		if _, err := x.Record(i, liveRecord(docs[i])); err != nil {
			t.Fatal(err)
		}
	}
	var kept bytes.Buffer
	out, err := x.FinishKeeping(liveFacets, 512, &kept)
	if err != nil {
		t.Fatal(err)
	}
	return out, kept.Bytes()
}

// An index kept by FinishKeeping and read back is the index: it writes
// the same files, and replacing, adding and removing documents in it
// gives what a fresh index of the new documents gives. Kept again by
// WriteState, it reads back the same once more.
func TestKeptIndex(t *testing.T) {
	docs := sampleDocs(300)
	out, kept := keptIndex(t, docs)
	sameOutput(t, "finished keeping", out, fresh(t, docs))

	l, err := ReadLive(kept)
	if err != nil {
		t.Fatal(err)
	}
	sameOutput(t, "read back", liveSet(t, l, docs, identity(len(docs)), nil), fresh(t, docs))

	docs[17].Body = append(slices.Clone(docs[17].Body), "zebra crossing deploy")
	docs[3].Title = "payout ledger rollback"
	sameOutput(t, "edited", liveSet(t, l, docs, identity(len(docs)), []int{3, 17}), fresh(t, docs))

	var again bytes.Buffer
	if err := l.WriteState(&again); err != nil {
		t.Fatal(err)
	}
	l2, err := ReadLive(again.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	added := Doc{ID: "STORY-1", Title: "a new story on failover", Body: []string{"settlement export café"}}
	from := append([]int{-1}, identity(len(docs))...)
	from = slices.Delete(from, 101, 102) // document 100 goes
	docs = slices.Delete(append([]Doc{added}, docs...), 101, 102)
	sameOutput(t, "kept again", liveSet(t, l2, docs, from, []int{0}), fresh(t, docs))

	// A document dropped is as one never added.
	if err := l2.Drop(7); err != nil {
		t.Fatal(err)
	}
	gone := slices.Clone(docs)
	x := NewIndex(len(gone))
	t.Cleanup(x.Close)
	for i, d := range gone {
		if i == 7 {
			continue
		}
		x.Add(i, d)
		x.Record(i, liveRecord(d))
	}
	want, err := x.Finish(liveFacets, 512)
	if err != nil {
		t.Fatal(err)
	}
	got, err := l2.Finish(liveFacets, 512)
	if err != nil {
		t.Fatal(err)
	}
	sameOutput(t, "dropped", got, want)
}

// A kept index cut short or with a byte changed anywhere reads back as an
// error or as an index that still writes its files, never as a panic;
// cut short, it never reads back at all.
func TestKeptIndexDamaged(t *testing.T) {
	_, kept := keptIndex(t, sampleDocs(40))
	for n := 0; n < len(kept); n += 1 + n/50 {
		if _, err := ReadLive(kept[:n]); err == nil {
			t.Fatalf("cut to %d of %d bytes: read back", n, len(kept))
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		b := slices.Clone(kept)
		b[r.IntN(len(b))] ^= byte(1 + r.IntN(255))
		if l, err := ReadLive(b); err == nil {
			if _, err := l.Finish(nil, 512); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := ReadLive(append(slices.Clone(kept), 0)); err == nil {
		t.Error("a byte too many: read back")
	}
}
