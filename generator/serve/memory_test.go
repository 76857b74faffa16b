package serve

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// The preview's memory limit: twice the live heap above the floor, up to
// the budget; past four fifths of it, a quarter of the live heap on top.
func TestPreviewLimit(t *testing.T) {
	const floor, budget = 256 << 20, 480 << 20
	cases := []struct{ live, want uint64 }{
		{0, floor},
		{100 << 20, floor},
		{200 << 20, 400 << 20},
		{300 << 20, budget},
		{320 << 20, budget},
		{384 << 20, budget},
		{400 << 20, 500 << 20},
		{800 << 20, 1000 << 20},
	}
	for _, c := range cases {
		if got := previewLimit(c.live, floor, budget); got != int64(c.want) {
			t.Errorf("previewLimit(%d MiB) = %d MiB, want %d", c.live>>20, got>>20, c.want>>20)
		}
	}
}

// Once a change is settled the preview collects, however little garbage
// waits: the next save then finds the whole room under the limit.
func TestCollectSettledCollects(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 40))
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := m.NumGC
	collectSettled()
	runtime.ReadMemStats(&m)
	if m.NumGC == before {
		t.Error("no collection after a change settled")
	}
}
