package search

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// The radix sort puts any list in the order slices.Sort does: short and
// long lists, postings as the merge makes them (document, title byte,
// impact), lists with repeated values and with digits all alike.
func TestPostingSorterAsSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var s postingSorter
	shapes := map[string]func(i int) uint64{
		"postings": func(int) uint64 {
			title := uint64(0)
			if rng.IntN(8) == 0 {
				title = rng.Uint64N(256)
			}
			return rng.Uint64N(200_000)<<16 | title<<8 | rng.Uint64N(256)
		},
		"repeats":   func(int) uint64 { return rng.Uint64N(40) << 30 },
		"wide":      func(int) uint64 { return rng.Uint64() },
		"one value": func(int) uint64 { return 7 << 40 },
		"runs":      func(i int) uint64 { return uint64(i%97)<<16 | uint64(i/97) },
		"descending": func(i int) uint64 {
			return uint64(1_000_000-i) << 16
		},
	}
	for name, value := range shapes {
		for _, n := range []int{0, 1, 2, radixMin - 1, radixMin, radixMin + 1, 3000, 70_000} {
			posts := make([]uint64, n)
			for i := range posts {
				posts[i] = value(i)
			}
			want := slices.Clone(posts)
			slices.Sort(want)
			s.sort(posts)
			if !slices.Equal(posts, want) {
				t.Errorf("%s, %d postings: not in order", name, n)
			}
		}
	}
}

func BenchmarkSortPostings(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1_000, 10_000, 100_000} {
		// A term's postings as the merge hands them over: one sorted
		// run for each of 64 segments, the runs one after the other.
		list := make([]uint64, n)
		for i := range list {
			seg, at := i%64, i/64
			list[i] = uint64(at*64+seg)<<16 | rng.Uint64N(128)
		}
		slices.SortFunc(list, func(a, b uint64) int { return int(a>>16%64) - int(b>>16%64) })
		posts := make([]uint64, n)
		b.Run("radix/"+strconv.Itoa(n), func(b *testing.B) {
			var s postingSorter
			for b.Loop() {
				copy(posts, list)
				s.sort(posts)
			}
		})
		b.Run("sort/"+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				copy(posts, list)
				slices.Sort(posts)
			}
		})
	}
}
