package search

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
)

// sampleDocs are documents in English and Korean with ids and versions.
func sampleDocs(n int) []Doc {
	words := strings.Fields("deploy rollback ledger settlement payout merchant database failover export latency " +
		"배포를 정산을 장애가 원장 가맹점에서 部署 失败 Tomás café")
	r := rand.New(rand.NewPCG(1, 2))
	docs := make([]Doc, n)
	for i := range docs {
		var body []string
		for range 40 {
			body = append(body, words[r.IntN(len(words))])
		}
		docs[i] = Doc{
			ID:    fmt.Sprintf("STORY-%d", 100+i),
			Title: words[i%len(words)] + " " + words[(i*7)%len(words)],
			Keys:  []string{"payout-scheduler", fmt.Sprintf("1.%d.0", i%5)},
			Lead:  []string{"As a merchant I want my money"},
			Body:  []string{strings.Join(body, " ")},
		}
	}
	return docs
}

// build indexes docs in the given order, from several goroutines when
// parallel, and returns the finished output.
func build(t *testing.T, docs []Doc, order []int, parallel bool, shard int) *Output {
	t.Helper()
	x := NewIndex(len(docs))
	t.Cleanup(x.Close)
	var wg sync.WaitGroup
	for _, i := range order {
		add := func() {
			if err := x.Add(i, docs[i]); err != nil {
				t.Error(err)
			}
			if _, err := x.Record(i, Record{URL: fmt.Sprintf("/d/%d/", i), Title: docs[i].Title}); err != nil {
				t.Error(err)
			}
		}
		if parallel {
			wg.Go(add)
		} else {
			add()
		}
	}
	wg.Wait()
	facets := []Facet{{Name: "kind", Values: []FacetValue{{Key: "story", Label: "story", Docs: []int{0, 1, 2}}}}}
	out, err := x.Finish(facets, shard)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// rawOf is a file's bytes, held or read back.
func rawOf(t *testing.T, f File) []byte {
	t.Helper()
	b, err := f.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The output depends on what was added, not on the order of the calls.
func TestDeterministic(t *testing.T) {
	docs := sampleDocs(300) // more than one segment
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	a := build(t, docs, order, false, 512)
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	b := build(t, docs, order, true, 512)
	if a.Version != b.Version || len(a.Files) != len(b.Files) {
		t.Fatalf("two builds differ: %s with %d files, %s with %d", a.Version, len(a.Files), b.Version, len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i].Name != b.Files[i].Name || !bytes.Equal(rawOf(t, a.Files[i]), rawOf(t, b.Files[i])) {
			t.Errorf("file %s differs between two builds", a.Files[i].Name)
		}
		if !bytes.Equal(Compress(rawOf(t, a.Files[i])), Compress(rawOf(t, b.Files[i]))) {
			t.Errorf("compressed %s differs", a.Files[i].Name)
		}
	}
	// A change to one document changes the version.
	docs[5].Body[0] += " extra"
	c := build(t, docs, order, false, 512)
	if c.Version == a.Version {
		t.Error("a changed document left the version as it was")
	}
}

// shardTerm is one decoded term of a shard.
type shardTerm struct {
	term     string
	docs     []int
	impact   []int
	id       []bool
	title    []uint8 // titleByte, or 0
	shardNum int
}

// shardHint is one decoded hint of a shard.
type shardHint struct {
	prefix   string
	top      []completion
	shardNum int
}

// readIndex decodes the manifest and every shard as the script does.
func readIndex(t *testing.T, out *Output) (manifest, []shardTerm) {
	m, terms, _ := readHints(t, out)
	return m, terms
}

// readHints decodes the index as readIndex does, and the shards' hints.
func readHints(t *testing.T, out *Output) (manifest, []shardTerm, []shardHint) {
	t.Helper()
	var m manifest
	var terms []shardTerm
	var hints []shardHint
	for _, f := range out.Files {
		switch {
		case f.Name == ManifestName:
			if err := json.Unmarshal(rawOf(t, f), &m); err != nil {
				t.Fatal(err)
			}
		case strings.HasPrefix(f.Name, "t/"):
			var n int
			fmt.Sscanf(f.Name, "t/%d.bin", &n)
			b := rawOf(t, f)
			rd := func() int { v, k := binary.Uvarint(b); b = b[k:]; return int(v) }
			str := func() string { l := rd(); s := string(b[:l]); b = b[l:]; return s }
			for range rd() {
				h := shardHint{prefix: str(), shardNum: n}
				for range rd() {
					c := completion{term: str()}
					c.df = rd()
					h.top = append(h.top, c)
				}
				hints = append(hints, h)
			}
			for len(b) > 0 {
				l := rd()
				st := shardTerm{term: string(b[:l]), shardNum: n}
				b = b[l:]
				df, size := rd(), rd()
				list := b[:size]
				b = b[size:]
				doc := 0
				for len(list) > 0 {
					g, k := binary.Uvarint(list)
					doc += int(g >> 1)
					st.docs = append(st.docs, doc)
					st.impact = append(st.impact, int(list[k]>>1))
					st.id = append(st.id, list[k]&1 == 1)
					list = list[k+1:]
					title := uint8(0)
					if g&1 == 1 {
						title, list = list[0], list[1:]
					}
					st.title = append(st.title, title)
				}
				if len(st.docs) != df {
					t.Errorf("%s: %d postings, document count says %d", st.term, len(st.docs), df)
				}
				terms = append(terms, st)
			}
		}
	}
	return m, terms, hints
}

// Shards hold sorted terms, and the manifest's boundaries route every
// term to the shard that holds it.
func TestShards(t *testing.T) {
	docs := sampleDocs(80)
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	out := build(t, docs, order, false, 256)
	m, terms := readIndex(t, out)
	if len(m.Shards) < 5 {
		t.Fatalf("%d shards of 256 bytes, want many", len(m.Shards))
	}
	if m.Docs != len(docs) || m.Version != out.Version {
		t.Errorf("manifest n=%d v=%s, want %d and %s", m.Docs, m.Version, len(docs), out.Version)
	}
	for i, st := range terms {
		if i > 0 && compareTerms(terms[i-1].term, st.term) >= 0 {
			t.Errorf("terms out of order: %q before %q", terms[i-1].term, st.term)
		}
		// the script's lookup: the last boundary at or before the term
		route := sort.Search(len(m.Shards), func(j int) bool { return compareTerms(m.Shards[j], st.term) > 0 }) - 1
		if route != st.shardNum {
			t.Errorf("%q is in shard %d, the manifest routes it to %d", st.term, st.shardNum, route)
		}
		if !slices.IsSorted(st.docs) {
			t.Errorf("%q: postings out of order", st.term)
		}
	}
	byTerm := map[string]shardTerm{}
	for _, st := range terms {
		byTerm[st.term] = st
	}
	// STORY-107 is document 7's id: flagged there, and nowhere else.
	st := byTerm["story-107"]
	if !slices.Equal(st.docs, []int{7}) || !st.id[0] {
		t.Errorf("story-107: docs %v id %v, want [7] flagged", st.docs, st.id)
	}
	if byTerm["1.2.0"].id[0] {
		t.Error("a version in the keys is flagged as the document's id")
	}
	for _, want := range []string{"배포", "배포를", "정산", "部署", "tomas", "cafe", "payout", "scheduler"} {
		if _, ok := byTerm[want]; !ok {
			t.Errorf("no term %q in the index", want)
		}
	}
	if _, ok := byTerm["as"]; ok {
		t.Error("stop word indexed")
	}
	if out.Terms != len(terms) {
		t.Errorf("Output.Terms = %d, decoded %d", out.Terms, len(terms))
	}
}

// A shard that has reached its size ends only between terms that part
// early, or at twice its size: a word and the words it begins stay
// together where they can.
func TestShardFamilies(t *testing.T) {
	words := strings.Fields("deploy deployed deployment deployments deploys deployer rollback rollbacks rolled " +
		"ledger ledgers merchant merchants 배포 배포를 배포했다 정산 alpha beta gamma delta zeta")
	r := rand.New(rand.NewPCG(3, 4))
	docs := make([]Doc, 120)
	order := make([]int, len(docs))
	for i := range docs {
		var body []string
		for range 30 {
			body = append(body, words[r.IntN(len(words))])
		}
		docs[i] = Doc{Title: "page", Body: []string{strings.Join(body, " ")}}
		order[i] = i
	}
	const size = 300
	out := build(t, docs, order, false, size)
	_, terms := readIndex(t, out)
	bytesOf := map[int]int{}
	for _, f := range out.Files {
		var n int
		if _, err := fmt.Sscanf(f.Name, "t/%d.bin", &n); err == nil {
			bytesOf[n] = len(rawOf(t, f))
		}
	}
	delayed := 0
	for i := 1; i < len(terms); i++ {
		a, b := terms[i-1], terms[i]
		if a.shardNum == b.shardNum {
			if n := bytesOf[a.shardNum]; commonPrefix([]byte(a.term), []byte(b.term)) >= familyBytes && n >= size {
				delayed++
			}
			continue
		}
		n := bytesOf[a.shardNum]
		if n < size {
			t.Errorf("shard %d ends at %d bytes, before its size %d", a.shardNum, n, size)
		}
		if commonPrefix([]byte(a.term), []byte(b.term)) >= familyBytes && n < 2*size {
			t.Errorf("shard %d (%d bytes) ends between %q and %q", a.shardNum, n, a.term, b.term)
		}
	}
	if delayed == 0 {
		t.Error("no shard waited for a family of words to end: the test proves nothing")
	}
	if len(bytesOf) < 4 {
		t.Errorf("%d shards, want several", len(bytesOf))
	}
}

// A word in the title weighs more than the same word in the body.
func TestImpact(t *testing.T) {
	x := NewIndex(3)
	x.Add(0, Doc{Title: "failover", Body: []string{"the primary database"}})
	x.Add(1, Doc{Title: "database", Body: []string{"a failover of the primary"}})
	x.Add(2, Doc{Title: "other", Body: []string{"failover failover failover and more words of the body"}})
	out, err := x.Finish(nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, terms := readIndex(t, out)
	for _, st := range terms {
		if st.term != "failover" {
			continue
		}
		if !(st.impact[0] > st.impact[2] && st.impact[2] > st.impact[1]) {
			t.Errorf("failover impacts %v: want title > repeated body > body once", st.impact)
		}
		return
	}
	t.Fatal("no term failover")
}

func TestAddErrors(t *testing.T) {
	x := NewIndex(2)
	if err := x.Add(2, Doc{}); err == nil {
		t.Error("Add out of range succeeded")
	}
	if err := x.Add(0, Doc{Title: "one"}); err != nil {
		t.Fatal(err)
	}
	if err := x.Add(0, Doc{Title: "again"}); err == nil {
		t.Error("adding a document twice succeeded")
	}
	if _, err := x.Finish(nil, 0); err != nil {
		t.Fatal(err)
	}
	if err := x.Add(1, Doc{Title: "late"}); err == nil {
		t.Error("Add after Finish succeeded")
	}
	if _, err := x.Finish(nil, 0); err == nil {
		t.Error("a second Finish succeeded")
	}
}

func TestRecord(t *testing.T) {
	x := NewIndex(1)
	long := strings.Repeat("정산 ", RecordTextBytes)
	raw, err := x.Record(0, Record{URL: "/stories/x/", Title: "<T & x>", Kind: "story", Text: long})
	if err != nil {
		t.Fatal(err)
	}
	var r Record
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatal(err)
	}
	if r.Title != "<T & x>" || r.URL != "/stories/x/" {
		t.Errorf("record = %+v", r)
	}
	if len(r.Text) > RecordTextBytes || !strings.HasPrefix(long, r.Text) || strings.ContainsRune(r.Text, '\uFFFD') {
		t.Errorf("text not cut on a character boundary to %d bytes: %d bytes", RecordTextBytes, len(r.Text))
	}
}

func TestFacetsInOrder(t *testing.T) {
	x := NewIndex(3)
	_, err := x.Finish([]Facet{{Name: "tag", Values: []FacetValue{{Key: "a", Docs: []int{2, 1}}}}}, 0)
	if err == nil {
		t.Error("facet with documents out of order accepted")
	}
}

// Records kept come back four to a file, in the order of the documents,
// whatever the order they were kept in; a document without one is null.
// Kept in memory when there is no temporary file, they come back alike.
func TestRecordFiles(t *testing.T) {
	for _, inMemory := range []bool{false, true} {
		const n = 10
		x := NewIndex(n)
		if inMemory {
			x.records = spill{tried: true}
		}
		for _, d := range []int{9, 3, 0, 1, 2, 4, 5, 6, 8} { // 7 has none
			raw, err := x.Record(d, Record{URL: fmt.Sprintf("/p/%d/", d), Title: fmt.Sprintf("page %d", d)})
			if err != nil {
				t.Fatal(err)
			}
			if err := x.Keep(d, raw); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := x.RecordFile(0); err == nil {
			t.Error("a record file before Finish")
		}
		if _, err := x.Finish(nil, 0); err != nil {
			t.Fatal(err)
		}
		if err := x.Keep(7, []byte("{}")); err == nil {
			t.Error("a record kept after Finish")
		}
		if got := RecordFiles(n); got != 3 {
			t.Fatalf("RecordFiles(%d) = %d, want 3", n, got)
		}
		var titles []string
		for f := range RecordFiles(n) {
			raw, err := x.RecordFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var recs []*Record
			if err := json.Unmarshal(raw, &recs); err != nil {
				t.Fatalf("file %d: %v: %s", f, err, raw)
			}
			for _, r := range recs {
				if r == nil {
					titles = append(titles, "-")
				} else {
					titles = append(titles, r.Title)
				}
			}
		}
		want := "page 0,page 1,page 2,page 3,page 4,page 5,page 6,-,page 8,page 9"
		if got := strings.Join(titles, ","); got != want {
			t.Errorf("in memory %v: records = %s, want %s", inMemory, got, want)
		}
		if _, err := x.RecordFile(3); err == nil {
			t.Error("record file 3 of 3")
		}
		x.Close()
	}
}

// A shard kept away gzips, read a piece at a time, to what its bytes read
// whole gzip to, on disk and in memory alike.
func TestCompressFileToAsCompress(t *testing.T) {
	docs := sampleDocs(300)
	for _, inMemory := range []bool{false, true} {
		x := NewIndex(len(docs))
		t.Cleanup(x.Close)
		if inMemory {
			x.shards = spill{tried: true}
		}
		for i, d := range docs {
			if err := x.Add(i, d); err != nil {
				t.Fatal(err)
			}
		}
		out, err := x.Finish(nil, 256)
		if err != nil {
			t.Fatal(err)
		}
		shards := 0
		for _, f := range out.Files {
			raw, err := f.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			if body := f.body; body != nil {
				shards++
				// One byte a read: the writer sees the most pieces.
				f.body = func() (io.Reader, error) {
					r, err := body()
					return iotest.OneByteReader(r), err
				}
			}
			var got bytes.Buffer
			got.WriteString("before")
			if err := x.CompressFileTo(&got, f); err != nil {
				t.Fatal(err)
			}
			if want := "before" + string(x.Compress(raw)); got.String() != want {
				t.Errorf("in memory %v: %s gzips to %d bytes a piece at a time, %d whole", inMemory, f.Name, got.Len(), len(want))
			}
		}
		if shards < 2 {
			t.Errorf("in memory %v: %d shards kept away, want several", inMemory, shards)
		}
	}
}
