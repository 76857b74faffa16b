package serve

import (
	"sort"
	"time"
)

// debouncer gathers changed paths into batches, so that a burst of events
// gives one rebuild. A batch is due once no event has come for a quiet
// time: a short one for a save (an editor's save is one to three events
// within a millisecond), a longer one once the batch looks like a burst (a
// git checkout writes hundreds of files, with pauses between them), and
// never later than maxWait after its first event, so that a file written
// over and over still shows. It is a pure state machine: the caller passes
// the time.
type debouncer struct {
	quiet      time.Duration // wait after the last event of a small batch
	burstQuiet time.Duration // wait after the last event of a burst
	burst      int           // paths from which a batch is a burst
	maxWait    time.Duration // longest wait after a batch's first event

	pending     map[string]bool
	first, last time.Time
}

// Default timings: a save shows within quiet; a checkout is one batch
// unless git pauses for longer than burstQuiet.
const (
	saveQuiet  = 15 * time.Millisecond
	burstQuiet = 300 * time.Millisecond
	burstPaths = 6
	maxWait    = 2 * time.Second
)

func newDebouncer() *debouncer {
	return &debouncer{quiet: saveQuiet, burstQuiet: burstQuiet, burst: burstPaths, maxWait: maxWait}
}

// add records a changed path at now.
func (d *debouncer) add(path string, now time.Time) {
	if d.pending == nil {
		d.pending = map[string]bool{}
	}
	if len(d.pending) == 0 {
		d.first = now
	}
	d.pending[path] = true
	d.last = now
}

// due returns when the batch is to go, and false when there is none.
func (d *debouncer) due() (time.Time, bool) {
	if len(d.pending) == 0 {
		return time.Time{}, false
	}
	wait := d.quiet
	if len(d.pending) >= d.burst {
		wait = d.burstQuiet
	}
	t := d.last.Add(wait)
	if limit := d.first.Add(d.maxWait); t.After(limit) {
		t = limit
	}
	return t, true
}

// take returns the batch, sorted, if it is due at now, and starts a new
// one.
func (d *debouncer) take(now time.Time) ([]string, bool) {
	t, ok := d.due()
	if !ok || now.Before(t) {
		return nil, false
	}
	batch := make([]string, 0, len(d.pending))
	for p := range d.pending {
		batch = append(batch, p)
	}
	sort.Strings(batch)
	clear(d.pending)
	return batch, true
}
