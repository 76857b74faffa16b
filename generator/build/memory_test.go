package build

import "testing"

func TestMemoryLimitFor(t *testing.T) {
	const budget, floor = 960 << 20, 256 << 20
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, budget},         // a small site: the collector's default rule
		{400 << 20, budget}, // twice the live heap still fits
		{600 << 20, budget}, // half again the live heap fits
		{800 << 20, 1200 << 20},
		{1024 << 20, 1536 << 20},
	} {
		if got := memoryLimitFor(c.live, budget, floor); got != c.want {
			t.Errorf("memoryLimitFor(%d MiB) = %d MiB, want %d", c.live>>20, got>>20, c.want>>20)
		}
	}
}

func TestGCPercentFor(t *testing.T) {
	const room = 200 << 20
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 200},         // nothing yet: three times
		{10 << 20, 200},  // a small site: three times, 30 MiB
		{80 << 20, 150},  // grows to the room, 200 MiB
		{100 << 20, 100}, // twice is the room
		{150 << 20, 74},  // 112 MiB of headroom: 262 MiB, not 300
		{224 << 20, 85},  // the headroom grows back to the default rule's
		{256 << 20, 100}, // which holds from there
		{400 << 20, 100}, // a large site: the default rule
	} {
		if got := gcPercentFor(c.live, room); got != c.want {
			t.Errorf("gcPercentFor(%d MiB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}
