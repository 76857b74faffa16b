package serve

import (
	"os"
	"runtime"

	"almanac/generator/internal/memlimit"
)

// The preview's memory. It holds the whole site for as long as it runs,
// and every change makes garbage (a Settle links the site again and
// renders the lists and the search index's files). With the collector's
// default target, twice the live heap, a 10,000-page preview held
// 1.5 GiB for a site of 700 MiB. The preview aims at previewMemoryBudget:
// the heap may grow to twice the live heap, or to the floor, but not past
// the budget; a site whose live heap leaves too little room under the
// budget gets a quarter of it on top. The limit is set anew after every
// collection, unless GOMEMLIMIT says otherwise.
//
// Less room costs more than it saves. A collection marks the whole live
// heap, and a change makes hundreds of MiB of garbage. At 10,000 pages,
// with a live heap of 370 MiB and half of it on top, the preview peaked
// at 655 MB; with a third, at 561 MB, but a title edit took 4.2 s of
// processor time rather than 2.1. What brings the preview under the
// budget is a smaller live heap (250 MiB at 10,000 pages since the
// bodies' text is deflated with their HTML).
//
// A Settle holds more while it runs (a site linked anew, its templates
// and jobs, the bodies of a chunk of pages read back), and a collection
// in the middle of it set the limit from that: with half of it on top, a
// layout change peaked at 570 MB with a live heap of 300 MiB at rest.
// With a quarter, the limit stays at the budget for a live heap of up to
// four fifths of it.
//
// How fast a change makes garbage counts as much: the limit is soft. A
// layout change, which renders every page again, allocated 1.9 GiB at
// 10,000 pages and ran some 30 MiB past the limit (532 MB resident) with
// its live heap at 335 MiB, well under it. With the pages' bodies read
// back at their size and each file written without a copy held (see
// build's settledWriter), it allocates 1.2 GiB and stays at the limit as
// the other changes do (489 MB).
//
// After a change is settled the preview collects (see collectSettled),
// while the writer reads, so that the next save finds the whole room
// under the limit rather than a collection under way.

// previewMemoryFloor is the least memory limit: a small site is not
// collected before it holds this much.
const previewMemoryFloor = 256 << 20

// previewMemoryBudget is the memory the preview aims to stay under; the
// process's resident memory runs some 20 MiB above its limit (the
// program's own code and data), and the aim is 500 MiB.
const previewMemoryBudget = 472 << 20

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
	return max(min(budget, max(floor, 2*l)), l+l/4)
}

// collectSettled collects once a change is settled, while the writer
// reads: the next save then has the whole room under the limit, rather
// than meeting a collection (at 10,000 pages a body save's reload took
// 123 ms at the median rather than 72 when the collection waited until
// a quarter of the room was used). A second collection in a row also
// empties the pools of deflaters and buffers, which sync.Pool keeps for
// one collection more: the live heap after the edits was 252 MiB rather
// than 290.
func collectSettled() { runtime.GC() }
