package search

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"almanac/generator/corpus"
)

// benchDocs are n documents of about 900 words drawn from a vocabulary of
// 20,000 with a long tail, as a team's pages are: a few words everywhere,
// most words in a few pages.
func benchDocs(n int) []Doc { return benchDocsOf(n, 900) }

// benchDocsOf is benchDocs with documents of words words.
func benchDocsOf(n, words int) []Doc {
	r := rand.New(rand.NewPCG(3, 4))
	zipf := rand.NewZipf(r, 1.1, 2, 19999)
	vocab := make([]string, 20000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%xq%d", i*2654435761%1000003, i%97)
	}
	docs := make([]Doc, n)
	for i := range docs {
		var b strings.Builder
		for range words {
			b.WriteString(vocab[zipf.Uint64()])
			b.WriteByte(' ')
		}
		docs[i] = Doc{ID: fmt.Sprintf("STORY-%d", i), Title: vocab[zipf.Uint64()] + " " + vocab[zipf.Uint64()], Body: []string{b.String()}}
	}
	return docs
}

// BenchmarkIndex adds documents from two goroutines, as a build does, and
// writes the index:
//
//	go test ./generator/search -run '^$' -bench Index -count 5
func BenchmarkIndex(b *testing.B) {
	docs := benchDocs(2000)
	b.ResetTimer()
	for range b.N {
		x := NewIndex(len(docs))
		var wg sync.WaitGroup
		for w := range 2 {
			wg.Go(func() {
				for d := w; d < len(docs); d += 2 {
					if err := x.Add(d, docs[d]); err != nil {
						b.Error(err)
					}
				}
			})
		}
		wg.Wait()
		if _, err := x.Finish(nil, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTokenize runs the tokenizer and a segment's term table over the
// files of a generated 1,000-page site, a tenth of them in Korean:
//
//	go test ./generator/search -run '^$' -bench Tokenize -count 5
func BenchmarkTokenize(b *testing.B) {
	files := corpus.Generate(corpus.Options{Pages: 1000, Seed: 1})
	var texts []string
	size := 0
	for _, name := range slices.Sorted(maps.Keys(files)) {
		texts = append(texts, string(files[name]))
		size += len(files[name])
	}
	g := newSegment(NewTokenizer())
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for i, s := range texts {
			g.scan.scan(s)
			g.endDoc(i, "", 0)
			if len(g.docs) == segmentDocs {
				g.reset()
			}
		}
		g.reset()
	}
}

// BenchmarkFinishScale times Finish alone (the merge of every segment and
// the shards) for 10,000 and 100,000 documents of 300 words, and reports
// the ratio of the times, 10 where its cost grows linearly:
//
//	go test ./generator/search -run '^$' -bench FinishScale -benchtime 1x
func BenchmarkFinishScale(b *testing.B) {
	finish := func(n int) time.Duration {
		docs := benchDocsOf(n, 300)
		x := NewIndex(n)
		for d := range docs {
			if err := x.Add(d, docs[d]); err != nil {
				b.Fatal(err)
			}
		}
		docs = nil
		runtime.GC()
		start := time.Now()
		if _, err := x.Finish(nil, 0); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	for range b.N {
		small, large := finish(10000), finish(100000)
		b.Logf("Finish: 10,000 documents %s, 100,000 documents %s", small.Round(time.Millisecond), large.Round(time.Millisecond))
		b.ReportMetric(float64(large)/float64(small), "x-time")
	}
}
