package serve

import (
	"os"

	"almanac/generator/internal/memlimit"
)

// The preview's memory. It holds the whole site for as long as it runs,
// and every change makes garbage (a Settle links the site again and
// indexes every page for search). With the collector's default target,
// twice the live heap, a 10,000-page preview held 1.5 GiB for a site of
// 700 MiB. As a build does, the preview keeps a soft memory limit at half
// again the live heap, never below a floor, set anew after every
// collection, unless GOMEMLIMIT says otherwise. It costs time: at 10,000
// pages a layout change settled in 20 s rather than 12 s, for a peak of
// 685 MB rather than 1,046 MB.

// previewMemoryFloor is the least memory limit: a small site is not
// collected before it holds this much.
const previewMemoryFloor = 256 << 20

// tuneMemory starts keeping the limit and returns what stops it; nothing
// when GOMEMLIMIT sets one.
func tuneMemory(floor int64) (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	return memlimit.Tune(func(live uint64) int64 { return max(floor, int64(live+live/2)) })
}
