package calendar

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
	"time"
)

// Sort gives the order a stable sort by less gives, ties and all.
func TestSortIsStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	kinds := []Kind{KindRelease, KindRollback, KindMilestone, KindIncident, KindActionItem, KindDecision}
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, n := range []int{0, 1, 2, 3, 17, 200, 1000} {
		events := make([]Event, n)
		for i := range events {
			events[i] = Event{
				// Few starts, kinds and UIDs: many events tie.
				Start:  day.Add(time.Duration(r.IntN(5)) * time.Hour),
				AllDay: r.IntN(2) == 0,
				Kind:   kinds[r.IntN(len(kinds))],
				UID:    fmt.Sprint(r.IntN(3)),
				Title:  fmt.Sprint(i), // tells tied events apart
			}
		}
		want := append([]Event(nil), events...)
		sort.SliceStable(want, func(i, j int) bool { return less(&want[i], &want[j]) })
		Sort(events)
		for i := range events {
			if events[i].Title != want[i].Title {
				t.Fatalf("%d events: at %d got event %s, want %s", n, i, events[i].Title, want[i].Title)
			}
		}
	}
}
