package pool

import (
	"context"
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		seen := make([]atomic.Int32, n)
		if err := Each(context.Background(), n, func(i int) { seen[i].Add(1) }); err != nil {
			t.Fatal(err)
		}
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d called %d times", n, i, c)
			}
		}
	}
}

func TestEachStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	err := Each(ctx, 10000, func(i int) {
		if calls.Add(1) == 5 {
			cancel()
		}
	})
	if err == nil {
		t.Error("no error after the context ended")
	}
	if c := calls.Load(); c >= 10000 {
		t.Errorf("%d calls: work went on after the context ended", c)
	}
	cancel()
	if err := Each(ctx, 1, func(int) { t.Error("called after the context ended") }); err == nil {
		t.Error("no error for one item after the context ended")
	}
}
