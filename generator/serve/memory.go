package serve

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"

	"almanac/generator/internal/memlimit"
)

// The preview's memory. It holds the whole site for as long as it runs,
// and every change makes garbage (a Settle links the site again and
// renders the lists and the search index's files). With the collector's
// default target, twice the live heap, a 10,000-page preview held
// 1.5 GiB for a site of 700 MiB. The preview aims at previewMemoryBudget:
// the heap may grow to twice the live heap, or to the floor, but not past
// the budget; a site whose live heap leaves too little room under the
// budget gets half of it on top. The limit is set anew after every
// collection, unless GOMEMLIMIT says otherwise.
//
// Less room costs more than it saves. A collection marks the whole live
// heap (at 10,000 pages, 370 MiB of a pointer-rich site), and a change
// makes 300 MiB of garbage: with a third of the live heap on top, a
// 10,000-page preview peaked at 561 MB rather than 655, but a title edit
// took 4.2 s of processor time rather than 2.1, a layout edit 26 s
// rather than 13; with a quarter, and a collection that gave memory back
// after each change, 558 MB for 5.8 s a title edit. What brings the
// preview under the budget is a smaller live heap.
//
// After a change is settled the preview collects when a collection is
// near anyway (see collectSoon), so that the next save does not pay for
// one while the writer waits.

// previewMemoryFloor is the least memory limit: a small site is not
// collected before it holds this much.
const previewMemoryFloor = 256 << 20

// previewMemoryBudget is the memory the preview aims to stay under.
const previewMemoryBudget = 480 << 20

// tuneMemory starts keeping the limit and returns what stops it; nothing
// when GOMEMLIMIT sets one.
func tuneMemory(floor, budget int64) (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	return memlimit.Tune(func(live uint64) int64 { return previewLimit(live, floor, budget) })
}

// previewLimit is the limit for a live heap of live bytes.
func previewLimit(live uint64, floor, budget int64) int64 {
	l := int64(live)
	return max(min(budget, max(floor, 2*l)), l+l/2)
}

// collectSoon collects now when the heap has used more than half the
// room the limit leaves it above the live heap: the collection would
// come during the next change otherwise, and slow the save a writer
// waits for. It is called once a change is settled, while the writer
// reads; so it moves a collection rather than adding one.
func collectSoon() {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 || s[1].Value.Kind() != metrics.KindUint64 {
		return
	}
	live, used := int64(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
	limit := debug.SetMemoryLimit(-1)
	if limit == 0 || limit == int64(^uint64(0)>>1) {
		return // no limit to measure the room against
	}
	if used-live > (limit-live)/2 {
		runtime.GC()
	}
}
