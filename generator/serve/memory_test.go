package serve

import "testing"

// The preview's memory limit: twice the live heap above the floor, up to
// the budget; past it, half the live heap on top.
func TestPreviewLimit(t *testing.T) {
	const floor, budget = 256 << 20, 480 << 20
	cases := []struct{ live, want uint64 }{
		{0, floor},
		{100 << 20, floor},
		{200 << 20, 400 << 20},
		{300 << 20, budget},
		{320 << 20, budget},
		{400 << 20, 600 << 20},
		{800 << 20, 1200 << 20},
	}
	for _, c := range cases {
		if got := previewLimit(c.live, floor, budget); got != int64(c.want) {
			t.Errorf("previewLimit(%d MiB) = %d MiB, want %d", c.live>>20, got>>20, c.want>>20)
		}
	}
}
