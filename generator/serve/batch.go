package serve

import (
	"context"
	"time"
)

// clock is the time the batcher sees; tests give it a fake one.
type clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// batch reads changed paths from in and sends them to out in batches, as
// the debouncer decides. While out is not taking a batch (a rebuild is
// running), later batches join the one waiting, so a rebuild that takes
// long is followed by one rebuild, not many.
func batch(ctx context.Context, in <-chan string, out chan<- []string, d *debouncer, clk clock) {
	var (
		ready []string
		timer <-chan time.Time
	)
	arm := func() {
		timer = nil
		if t, ok := d.due(); ok {
			timer = clk.After(max(t.Sub(clk.Now()), 0))
		}
	}
	for {
		var send chan<- []string
		if len(ready) > 0 {
			send = out
		}
		select {
		case <-ctx.Done():
			return
		case p, ok := <-in:
			if !ok {
				in = nil
				continue
			}
			d.add(p, clk.Now())
			arm()
		case <-timer:
			if b, ok := d.take(clk.Now()); ok {
				ready = mergePaths(ready, b)
			}
			arm()
		case send <- ready:
			ready = nil
		}
	}
}

// mergePaths adds b's paths to a, keeping each once.
func mergePaths(a, b []string) []string {
	if len(a) == 0 {
		return b
	}
	seen := make(map[string]bool, len(a))
	for _, p := range a {
		seen[p] = true
	}
	for _, p := range b {
		if !seen[p] {
			a = append(a, p)
		}
	}
	return a
}
