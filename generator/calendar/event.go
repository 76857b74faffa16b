package calendar

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"almanac/generator/site"
)

// Kind says what an event marks.
type Kind string

const (
	KindRelease    Kind = "release"    // a release: planned, or shipped
	KindRollback   Kind = "rollback"   // a release's rolled_back_at
	KindMilestone  Kind = "milestone"  // a dated step before a release
	KindIncident   Kind = "incident"   // a post-mortem's incident
	KindActionItem Kind = "actionitem" // a post-mortem action item's due date
	KindDecision   Kind = "decision"   // the day a decision was taken
)

// rank orders kinds of events at the same moment: releases first.
func (k Kind) rank() int {
	switch k {
	case KindRelease:
		return 0
	case KindRollback:
		return 1
	case KindMilestone:
		return 2
	case KindIncident:
		return 3
	case KindDecision:
		return 5
	}
	return 4
}

// IsRelease reports whether the event belongs in the releases feed: a
// release, a rollback or a milestone.
func (k Kind) IsRelease() bool {
	return k == KindRelease || k == KindRollback || k == KindMilestone
}

// Event is one dated thing on the calendar. Events are values; the Page
// they point at is shared and read-only.
type Event struct {
	// UID is stable across builds: "release-1.4.0@team.example.org".
	UID  string
	Kind Kind
	// Title is the content's own words: the release's title (its version
	// when untitled), the milestone's name, the post-mortem's title, the
	// action item's title.
	Title string
	// Summary is one line that names the event out of context, e.g.
	// "Release 1.5.0: Search overhaul" or "Code freeze · 1.5.0".
	Summary string
	// Description is plain text in a few lines, for feeds and tooltips.
	Description string
	// Ref is the id of what the event belongs to: a release's version or a
	// post-mortem's id.
	Ref string
	// Status is the release's status (for releases, rollbacks and
	// milestones), the post-mortem's status (incidents) or the action
	// item's status; Severity is the post-mortem's severity (incidents and
	// action items).
	Status   string
	Severity string

	// AllDay events run from Start, midnight of their first day in the
	// site's time zone, to End, midnight of the day after their last
	// (exclusive); both carry that zone, which is where ICS reads their
	// dates. Timed events run from Start to End; End is zero when the end
	// is unknown.
	AllDay     bool
	Start, End time.Time

	URL    string // site-relative URL of the page, e.g. /releases/1.4.0/
	Source string // the page's source file
	// LastModified is the page's lastmod; for a page without one, a
	// stand-in from the content: the newest moment it records as past (see
	// Events), else the event's start. UTC, whole seconds.
	LastModified time.Time
	Categories   []string

	Page *site.Page
}

// days returns the civil dates the event touches in loc, first to last.
func (e *Event) days(loc *time.Location) []date {
	first := dateOf(e.Start, loc)
	last := first
	switch {
	case e.AllDay && e.End.After(e.Start):
		last = dateOf(e.End, loc).add(-1)
	case !e.AllDay && e.End.After(e.Start):
		last = dateOf(e.End.Add(-time.Nanosecond), loc)
	}
	if last.before(first) {
		last = first
	}
	out := []date{first}
	for d := first.add(1); !last.before(d); d = d.add(1) {
		out = append(out, d)
	}
	return out
}

// compare orders events by start, all-day before timed at the same
// instant, then by kind and UID, so every build lists them alike.
func compare(a, b *Event) int {
	if c := a.Start.Compare(b.Start); c != 0 {
		return c
	}
	if a.AllDay != b.AllDay {
		if a.AllDay {
			return -1
		}
		return 1
	}
	if a.Kind != b.Kind {
		return cmp.Compare(a.Kind.rank(), b.Kind.rank())
	}
	return strings.Compare(a.UID, b.UID)
}

func less(a, b *Event) bool { return compare(a, b) < 0 }

// Sort orders events in place as compare does; events it finds equal keep
// their order. It sorts the events' places and then moves each event
// once: an Event is a few hundred bytes, and a stable sort of the events
// themselves moves each one about log² n times (a 100,000-page site's
// calendar took a second to sort that way).
func Sort(events []Event) {
	order := make([]int, len(events)) // order[k]: where the k-th event is now
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		if c := compare(&events[i], &events[j]); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	// Follow each cycle of the permutation, carrying one event.
	for start := range order {
		if order[start] < 0 || order[start] == start {
			continue
		}
		held := events[start]
		at := start
		for {
			from := order[at]
			order[at] = -1
			if from == start {
				events[at] = held
				break
			}
			events[at] = events[from]
			at = from
		}
	}
}

// inOrder returns events when they are in Sort's order already (as Events
// returns them), else a sorted copy: what Months, Upcoming and the feeds
// read and point into, without a copy of every event each.
func inOrder(events []Event) []Event {
	for i := 1; i < len(events); i++ {
		if less(&events[i], &events[i-1]) {
			out := append([]Event(nil), events...)
			Sort(out)
			return out
		}
	}
	return events
}

// Filter returns the events for which keep is true, in their order.
func Filter(events []Event, keep func(*Event) bool) []Event {
	var out []Event
	for i := range events {
		if keep(&events[i]) {
			out = append(out, events[i])
		}
	}
	return out
}

// ReleaseEvents returns the releases, rollbacks and milestones among
// events: the content of the releases feed.
func ReleaseEvents(events []Event) []Event {
	return Filter(events, func(e *Event) bool { return e.Kind.IsRelease() })
}
