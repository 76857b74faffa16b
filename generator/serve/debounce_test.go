package serve

import (
	"context"
	"slices"
	"testing"
	"time"
)

// ev is a changed path at a time, in milliseconds after the start.
type ev struct {
	at   int
	path string
}

func TestDebouncer(t *testing.T) {
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	checkout := append(burst(paths(6), 0), burst(paths(9)[6:], 205)...)
	tests := []struct {
		name    string
		events  []ev
		checkAt int      // ms after the start
		want    []string // the batch due by then; nil: none yet
	}{
		{"nothing", nil, 1000, nil},
		{"one save", []ev{{0, "content/a.md"}}, 15, []string{"content/a.md"}},
		{"one save, too early", []ev{{0, "content/a.md"}}, 14, nil},
		{"atomic save: three events, one path", []ev{{0, "content/a.md"}, {1, "content/a.md"}, {1, "content/a.md"}}, 16, []string{"content/a.md"}},
		{"quiet time counts from the last event", []ev{{0, "content/a.md"}, {10, "content/b.md"}}, 20, nil},
		{"two saves close together", []ev{{0, "content/a.md"}, {10, "content/b.md"}}, 25, []string{"content/a.md", "content/b.md"}},
		{"a burst waits longer", burst(paths(10), 0), 9 + 15, nil},
		{"a burst goes after its quiet time", burst(paths(10), 0), 9 + 300, paths(10)},
		{"a checkout pausing 200 ms is not cut", checkout, 204, nil},
		{"a checkout pausing 200 ms is one batch", checkout, 207 + 300, paths(9)},
		{"a never-ending stream still goes", writes(0, 2500, 10), 2000, []string{"content/a.md"}},
	}
	for _, tt := range tests {
		d := newDebouncer()
		t0 := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
		for _, e := range tt.events {
			if e.at <= tt.checkAt {
				d.add(e.path, t0.Add(ms(e.at)))
			}
		}
		got, ok := d.take(t0.Add(ms(tt.checkAt)))
		if ok != (tt.want != nil) || !slices.Equal(got, tt.want) {
			t.Errorf("%s: take at %d ms = %v, %v; want %v", tt.name, tt.checkAt, got, ok, tt.want)
		}
		if ok {
			if _, again := d.take(t0.Add(ms(tt.checkAt + 1000))); again {
				t.Errorf("%s: a batch was taken twice", tt.name)
			}
		}
	}
}

// burst is one event per path, a millisecond apart, from start.
func burst(ps []string, start int) []ev {
	var out []ev
	for i, p := range ps {
		out = append(out, ev{start + i, p})
	}
	return out
}

// writes is the same path written every few milliseconds.
func writes(from, to, every int) []ev {
	var out []ev
	for at := from; at < to; at += every {
		out = append(out, ev{at, "content/a.md"})
	}
	return out
}

func paths(n int) []string {
	var out []string
	for i := range n {
		out = append(out, "content/stories/"+string(rune('a'+i))+".md")
	}
	return out
}

// fakeClock is a clock the test moves by hand. Each After call is
// reported on armed, and fires when the test sends on fire.
type fakeClock struct {
	now   time.Time
	armed chan time.Duration
	fire  chan time.Time
}

func (c *fakeClock) Now() time.Time { return c.now }
func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.armed <- d
	return c.fire
}

// TestBatchGoroutine drives the batching goroutine with channels only: a
// burst of events becomes one batch, and batches that wait while the
// rebuild is busy join into one.
func TestBatchGoroutine(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	clk := &fakeClock{now: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC), armed: make(chan time.Duration), fire: make(chan time.Time)}
	in := make(chan string)
	out := make(chan []string)
	done := make(chan struct{})
	go func() { batch(ctx, in, out, newDebouncer(), clk); close(done) }()

	send := func(p string) time.Duration {
		in <- p
		return <-clk.armed
	}
	// A checkout: 8 files. The wait grows to the burst's quiet time.
	var wait time.Duration
	for _, p := range paths(8) {
		wait = send(p)
	}
	if wait != burstQuiet {
		t.Errorf("after a burst the batcher waits %v, want %v", wait, burstQuiet)
	}
	clk.now = clk.now.Add(wait)
	clk.fire <- clk.now
	// Nobody takes it yet (a rebuild runs); a save comes and is due too.
	if w := send("content/late.md"); w != saveQuiet {
		t.Errorf("after a single save the batcher waits %v, want %v", w, saveQuiet)
	}
	clk.now = clk.now.Add(saveQuiet)
	clk.fire <- clk.now
	got := <-out
	want := append(paths(8), "content/late.md")
	if !slices.Equal(got, want) {
		t.Errorf("batch = %v, want %v", got, want)
	}
	cancel()
	<-done
}
