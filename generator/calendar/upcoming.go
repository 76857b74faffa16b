package calendar

import "time"

// UpcomingRelease is one release still to ship, for the home page and
// /releases/.
type UpcomingRelease struct {
	Release *Event // the release's event; Release.Page is the release page
	Version string
	Status  string    // planned or frozen
	Date    time.Time // midnight of the planned day in the site's time zone
	// DaysToGo counts days from today in the site's time zone: 0 today,
	// 1 tomorrow.
	DaysToGo int
	// Milestones are the release's milestones from today on, soonest first.
	Milestones []*Event
}

// Upcoming returns the planned and frozen releases dated today or later in
// loc, soonest first, at most limit of them (all when limit ≤ 0). The
// events are taken as Events returns them; the result points into them, or
// into a sorted copy when they are out of order.
func Upcoming(events []Event, loc *time.Location, now time.Time, limit int) []UpcomingRelease {
	loc = locOrUTC(loc)
	sorted := inOrder(events)
	today := dateOf(now, loc)

	var out []UpcomingRelease
	index := map[string]int{}
	for i := range sorted {
		e := &sorted[i]
		if e.Kind != KindRelease || (e.Status != "planned" && e.Status != "frozen") {
			continue
		}
		d := dateOf(e.Start, loc)
		if d.before(today) {
			continue
		}
		index[e.Ref] = len(out)
		out = append(out, UpcomingRelease{
			Release:  e,
			Version:  e.Ref,
			Status:   e.Status,
			Date:     d.at(loc),
			DaysToGo: today.daysUntil(d),
		})
	}
	for i := range sorted {
		e := &sorted[i]
		j, ok := index[e.Ref]
		if !ok || e.Kind != KindMilestone || dateOf(e.Start, loc).before(today) {
			continue
		}
		out[j].Milestones = append(out[j].Milestones, e)
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}
