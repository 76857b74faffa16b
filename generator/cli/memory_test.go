package cli

import "testing"

func TestMemoryLimitFor(t *testing.T) {
	for _, c := range []struct {
		live, overhead uint64
		floor          int64
		want           int64
	}{
		{0, 0, 256 << 20, 256 << 20},
		{100 << 20, 0, 256 << 20, 356 << 20},
		{400 << 20, 0, 256 << 20, 656 << 20},
		{1024 << 20, 0, 256 << 20, 1536 << 20},
		{1024 << 20, 100 << 20, 256 << 20, 1636 << 20},
	} {
		if got := memoryLimitFor(c.live, c.overhead, c.floor); got != c.want {
			t.Errorf("memoryLimitFor(%d MiB, %d MiB) = %d MiB, want %d", c.live>>20, c.floor>>20, got>>20, c.want>>20)
		}
	}
}
