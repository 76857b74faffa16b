package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
)

// Ranking is BM25 per field, with the fields' scores weighted and added
// (title, id and tags above the body). Each posting carries its document's
// share of the score, quantized to 7 bits; the script multiplies it by the
// term's IDF, which it computes from the document count and the posting
// list's length. A posting of a term the title holds also says where in
// the title it stands and how long the title is (titleByte): the script
// puts a page whose title holds every word of the query first, and the
// words in order and close together higher still.
const (
	bm25K1 = 1.2
	// ImpactScale turns a posting's 7-bit impact back into a score: score
	// = impact / ImpactScale × IDF.
	ImpactScale = 5.0
)

// fieldWeight is a field's boost and BM25 length normalization b.
func fieldWeight(f Field) (boost, b float64) {
	switch f {
	case Lead:
		return 1.5, 0.5
	case Keys:
		return 2, 0.3
	case Title:
		return 3, 0.3
	case IDField:
		return 4, 0
	}
	return 1, 0.75
}

// DefaultShardBytes is the size a shard grows to before the next one
// starts, uncompressed; a term's postings are never split.
const DefaultShardBytes = 16 << 10

// familyBytes is how long a prefix two terms must share to be kept in one
// shard. A shard that has reached its size ends at the next pair of terms
// that part within their first familyBytes bytes, growing to at most
// twice its size while it waits: a word and the longer ones it begins
// (deploy, deployed, deployment), which a query typed so far asks for
// together, then come in one file rather than two or three.
const familyBytes = 3

// Facet is one filter of the results page: kind, status, tag …
type Facet struct {
	Name   string
	Values []FacetValue
}

// FacetValue is one value of a facet and its documents, in ascending
// order.
type FacetValue struct {
	Key, Label string
	Docs       []int
}

// File is one file of the index, relative to the index folder,
// uncompressed: write Compress of its Bytes.
type File struct {
	Name string
	raw  []byte // the file, when it is held whole
	// A shard of a finished Index waits out of the heap until it is
	// written (see Index.shards): its head of hints is held, its terms
	// are read back with body.
	head []byte
	body func() (io.Reader, error)
}

// Bytes returns the file's bytes.
func (f File) Bytes() ([]byte, error) {
	if f.body == nil {
		return f.raw, nil
	}
	var b bytes.Buffer
	err := f.writeTo(&b)
	return b.Bytes(), err
}

// writeTo writes the file's bytes to w.
func (f File) writeTo(w io.Writer) error {
	if f.body == nil {
		_, err := w.Write(f.raw)
		return err
	}
	r, err := f.body()
	if err != nil {
		return err
	}
	w.Write(f.head)
	_, err = io.Copy(w, r)
	return err
}

// Output is a finished index.
type Output struct {
	// Version is a hash of every file, records included: the script asks
	// for ?v=Version so that no browser mixes two builds' files.
	Version string
	// Files are the manifest (ManifestName), the shards and the facets.
	Files []File
	// Terms and Postings count what the index holds.
	Terms, Postings int
}

// ManifestName is the file the script reads first.
const ManifestName = "index.bin"

// manifest is index.bin: what the script needs before it reads a shard.
type manifest struct {
	Version string   `json:"v"`
	Docs    int      `json:"n"`
	Scale   float64  `json:"k"`
	Records int      `json:"rc"`  // records to a file (RecordsPerFile)
	RecFile string   `json:"rf"`  // record file f's name: %d is f (RecordFileName)
	Shards  []string `json:"s"`   // shard i holds the terms from Shards[i] up to Shards[i+1]
	Hot     []int    `json:"hot"` // the shards of the most common terms, fetched before a query
	Stop    []string `json:"stop"`
	Ko      []string `json:"ko"`
}

// Finish writes the index: shards of sorted terms, the facets and the
// manifest. The output depends only on what was added, never on the order
// of the calls. Finish releases the postings; call it once. The output's
// shards are read back from a temporary file until Close.
func (x *Index) Finish(facets []Facet, shardBytes int) (*Output, error) {
	return x.finish(facets, shardBytes, nil)
}

// ranker returns what turns a posting's counts into its byte: the 7-bit
// impact (BM25 over the documents' field lengths) above the id bit. The
// averages are over the documents added.
func ranker(lens [][numFields]uint32, added []bool) func(doc int32, mask uint8, tf *[numFields]uint8) uint8 {
	norms := norms(lens, averages(lens, added))
	// Most postings count a term a few times in the body alone: their
	// bytes come straight from a table of 8 bytes a document. The rest
	// are worked out from the norms: a table of every field's shares
	// would take 320 bytes a document, which at 100,000 documents no
	// longer fits the processor's caches and cost more to look up, in
	// the order of the terms, than the arithmetic.
	body := make([][smallTF]uint8, len(norms))
	for d := range norms {
		for n := 1; n < smallTF; n++ {
			body[d][n] = byte(quantize(share(Body, uint8(n), norms[d][Body]))) << 1
		}
	}
	return func(doc int32, mask uint8, tf *[numFields]uint8) uint8 {
		if mask&(1<<numFields-1) == 1<<Body && tf[Body] < smallTF {
			q := body[doc][tf[Body]]
			if mask&idBit != 0 {
				q |= 1
			}
			return q
		}
		var s float64
		norm := &norms[doc]
		for f := range numFields {
			if n := tf[f]; n != 0 {
				s += share(f, n, norm[f])
			}
		}
		q := byte(quantize(s)) << 1
		if mask&idBit != 0 {
			q |= 1
		}
		return q
	}
}

// smallTF bounds the body counts ranker keeps bytes for.
const smallTF = 8

// writeIndex writes the files of an index of n documents whose records
// hash to recs: each calls its function with every term, in the order of
// compareTerms, and the term's postings (as merge gives them).
func writeIndex(n int, recs [][recordHashLen]byte, facets []Facet, shardBytes int, away *spill, each func(func(t []byte, posts []uint64) error) error) (*Output, error) {
	if shardBytes <= 0 {
		shardBytes = DefaultShardBytes
	}
	out := &Output{}
	var (
		hints hinter
		hot   []hotEntry
		shard []byte
		seps  []string
		last  []byte
		list  []byte
		files []File
		order postingSorter
	)
	// open is whether a shard is being written. A shard kept away is
	// written there and its buffer reused; one held is the buffer.
	open := false
	flush := func() {
		if !open {
			return
		}
		open = false
		f := File{Name: "t/" + strconv.Itoa(len(files)) + ".bin"}
		if away != nil {
			i := away.add(shard)
			f.body = func() (io.Reader, error) { return away.reader(i) }
			shard = shard[:0]
		} else {
			f.raw, shard = shard, nil
		}
		files = append(files, f)
	}
	err := each(func(t []byte, posts []uint64) error {
		order.sort(posts) // by document
		list = encodeList(list[:0], posts)
		if len(shard) >= 2*shardBytes || len(shard) >= shardBytes && commonPrefix(last, t) < familyBytes {
			flush()
		}
		if !open {
			seps = append(seps, separator(string(last), string(t)))
			if shard == nil {
				shard = make([]byte, 0, shardBytes+shardBytes/4)
			}
			open = true
		}
		hot = addHot(hot, len(files), len(posts))
		hints.add(t, len(posts), len(files))
		shard = binary.AppendUvarint(shard, uint64(len(t)))
		shard = append(shard, t...)
		shard = binary.AppendUvarint(shard, uint64(len(posts)))
		shard = binary.AppendUvarint(shard, uint64(len(list)))
		shard = append(shard, list...)
		out.Terms++
		out.Postings += len(posts)
		last = append(last[:0], t...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	flush()
	// Every shard opens with its hints (none, mostly): known only now
	// that every boundary is.
	byShard := hints.byShard(seps)
	for i := range files {
		head := appendHints(nil, byShard[i])
		if files[i].body != nil {
			files[i].head = head
		} else {
			files[i].raw = append(head, files[i].raw...)
		}
	}

	fraw, err := encodeFacets(facets)
	if err != nil {
		return nil, err
	}
	m := manifest{Docs: n, Scale: ImpactScale, Records: RecordsPerFile, RecFile: recordFiles, Shards: seps, Hot: hotShards(hot), Stop: StopWords(), Ko: KoreanSuffixes()}
	if m.Shards == nil {
		m.Shards = []string{}
	}
	h := sha256.New()
	for _, f := range files {
		if err := f.writeTo(h); err != nil {
			return nil, err
		}
	}
	h.Write(fraw)
	for _, r := range recs {
		h.Write(r[:])
	}
	pre, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	h.Write(pre)
	m.Version = hex.EncodeToString(h.Sum(nil))[:12]
	mraw, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	out.Version = m.Version
	out.Files = append(append([]File{{Name: ManifestName, raw: mraw}}, files...), File{Name: "facets.bin", raw: fraw})
	return out, nil
}

// hotTerms is how many of the most common terms hotShards looks at, and
// hotMost the most shards it names: a query is likely to ask for a
// common word, and a box that has the focus has time to fetch a few
// shards before the first key.
const hotTerms, hotMost = 8, 3

// hotEntry is a term's shard and document count.
type hotEntry struct{ shard, df int }

// addHot keeps the hotTerms most common terms as (shard, df), the most
// common first; of two equally common, the first in order.
func addHot(hot []hotEntry, shard, df int) []hotEntry {
	i := sort.Search(len(hot), func(i int) bool { return hot[i].df < df })
	if i >= hotTerms {
		return hot
	}
	hot = slices.Insert(hot, i, hotEntry{shard, df})
	return hot[:min(len(hot), hotTerms)]
}

// hotShards are the shards of the most common terms, at most hotMost.
func hotShards(hot []hotEntry) []int {
	out := []int{}
	for _, h := range hot {
		if len(out) < hotMost && !slices.Contains(out, h.shard) {
			out = append(out, h.shard)
		}
	}
	return out
}

// commonPrefix is how many leading bytes a and b share.
func commonPrefix(a, b []byte) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// separator is the shortest prefix of next that sorts after prev: the
// shard boundary the manifest lists.
func separator(prev, next string) string {
	if prev == "" {
		return ""
	}
	for i := range next {
		if i == 0 {
			continue
		}
		if p := next[:i]; compareTerms(p, prev) > 0 {
			return p
		}
	}
	return next
}

// averages are the mean field lengths over the documents added.
func averages(lens [][numFields]uint32, added []bool) [numFields]float64 {
	var sum [numFields]float64
	n := 0
	for d, ok := range added {
		if !ok {
			continue
		}
		n++
		for f := range numFields {
			sum[f] += float64(lens[d][f])
		}
	}
	for f := range sum {
		if n > 0 {
			sum[f] /= float64(n)
		}
		if sum[f] == 0 {
			sum[f] = 1
		}
	}
	return sum
}

// encodeList appends postings, sorted, as the script reads them: per
// posting the gap to the previous document (the first from 0) above a bit
// that says the title holds the term, a byte holding the 7-bit impact
// above a bit that says the term is the document's id and, when the title
// holds the term, the title byte (titleByte). A posting comes as merge
// gives it: the document above the title byte above the impact byte.
func encodeList(b []byte, posts []uint64) []byte {
	prev := uint64(0)
	for _, p := range posts {
		doc, title := p>>16, byte(p>>8)
		gap := (doc - prev) << 1
		if title != 0 {
			gap |= 1
		}
		b = binary.AppendUvarint(b, gap)
		prev = doc
		b = append(b, byte(p))
		if title != 0 {
			b = append(b, title)
		}
	}
	return b
}

// norms are each document's BM25 length normalization per field, 1 - b +
// b × length / average length: computed once a document rather than once
// a posting.
func norms(all [][numFields]uint32, avg [numFields]float64) [][numFields]float64 {
	out := make([][numFields]float64, len(all))
	for d, lens := range all {
		for f := range numFields {
			_, b := fieldWeight(f)
			out[d][f] = 1 - b + b*float64(lens[f])/avg[f]
		}
	}
	return out
}

// share is what tf counts in field f add to a document's score, the
// field's length normalization being norm.
func share(f Field, tf uint8, norm float64) float64 {
	boost, _ := fieldWeight(f)
	t := float64(tf) / norm
	return boost * t * (bm25K1 + 1) / (t + bm25K1)
}

// quantize turns a score into an impact, 1–127.
func quantize(s float64) int {
	return min(127, max(1, int(math.Round(s*ImpactScale))))
}

// encodeFacets writes the facets as JSON: per value its key, label and
// the gaps between its documents.
func encodeFacets(facets []Facet) ([]byte, error) {
	type value [3]any
	type facet struct {
		Name   string  `json:"n"`
		Values []value `json:"v"`
	}
	out := make([]facet, 0, len(facets))
	for _, f := range facets {
		ff := facet{Name: f.Name, Values: make([]value, 0, len(f.Values))}
		for _, v := range f.Values {
			if !slices.IsSorted(v.Docs) {
				return nil, fmt.Errorf("search: facet %s=%s: documents out of order", f.Name, v.Key)
			}
			gaps := make([]int, len(v.Docs))
			prev := 0
			for i, d := range v.Docs {
				gaps[i] = d - prev
				prev = d
			}
			ff.Values = append(ff.Values, value{v.Key, v.Label, gaps})
		}
		out = append(out, ff)
	}
	return json.Marshal(out)
}
