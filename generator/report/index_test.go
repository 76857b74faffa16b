package report

import (
	"slices"
	"testing"
	"time"
)

// within takes [from, to): the first moment in, the end out, and never a
// zero time, whatever the range.
func TestWithin(t *testing.T) {
	at := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	list := []dated{{at: time.Time{}, n: 0}, {at: time.Time{}, n: 1}, {at: at(1), n: 2}, {at: at(2), n: 3}, {at: at(2), n: 4}, {at: at(5), n: 5}}
	got := func(from, to time.Time) []int {
		var ns []int
		for _, d := range within(list, from, to) {
			ns = append(ns, d.n)
		}
		return ns
	}
	for _, c := range []struct {
		from, to time.Time
		want     []int
	}{
		{at(1), at(2), []int{2}},
		{at(2), at(5), []int{3, 4}},
		{at(1), at(6), []int{2, 3, 4, 5}},
		{time.Time{}, at(2), []int{2}},
		{at(3), at(5), nil},
		{at(5), at(1), nil},
	} {
		if g := got(c.from, c.to); !slices.Equal(g, c.want) {
			t.Errorf("within(%s, %s) = %v, want %v", c.from.Format("Jan 2"), c.to.Format("Jan 2"), g, c.want)
		}
	}
}
