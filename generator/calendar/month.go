package calendar

import (
	"fmt"
	"sort"
	"time"
)

// Month is one month page of the calendar, ready for a template.
type Month struct {
	Year  int
	Month time.Month
	// First is midnight of the month's first day in the site's time zone.
	First time.Time
	URL   string // "/calendar/2026/11/"
	// Weeks are the rows of the grid, Monday first; days of the
	// neighbouring months fill the first and last rows.
	Weeks []Week
	// List is the month's days that have events, in date order: the view
	// for narrow screens. An event spanning several days is listed on its
	// first day within the month.
	List []ListDay
	// Events counts the distinct events that touch the month.
	Events int
	// Current is true for the month that holds now.
	Current bool
	// Prev and Next are the neighbouring month pages: months with events,
	// and the current month. Nil at either end.
	Prev, Next *MonthRef
}

// MonthRef names a month page for links.
type MonthRef struct {
	Year  int
	Month time.Month
	First time.Time
	URL   string
}

// Week is one row of seven days, Monday to Sunday.
type Week struct {
	Days [7]Day
}

// Day is one cell of a month grid.
type Day struct {
	Date    time.Time // midnight in the site's time zone
	Day     int       // day of the month, 1–31
	InMonth bool      // false for the neighbouring months' days
	Today   bool      // the day holds now, in the site's time zone
	Weekend bool      // Saturday or Sunday
	Events  []*Event  // every event touching the day, in order
}

// ListDay is one day of a month's list view.
type ListDay struct {
	Date   time.Time
	Today  bool
	Events []*Event
}

// MonthURL returns the site-relative URL of a month page.
func MonthURL(year int, m time.Month) string {
	return fmt.Sprintf("/calendar/%04d/%02d/", year, int(m))
}

// Months lays out the month pages: one for every month that some event
// touches, plus the month of now, oldest first, linked to their neighbours.
// Days are taken in loc (the site's time zone; nil means UTC). The Events
// of days point into events, or into a sorted copy when they are out of
// order.
func Months(events []Event, loc *time.Location, now time.Time) []Month {
	loc = locOrUTC(loc)
	sorted := inOrder(events)

	today := dateOf(now, loc)
	byDay := map[date][]*Event{}
	perMonth := map[month]int{}
	firstInMonth := map[date][]*Event{}
	for i := range sorted {
		e := &sorted[i]
		var last month
		for j, d := range e.days(loc) {
			byDay[d] = append(byDay[d], e)
			if m := d.month(); j == 0 || m != last {
				perMonth[m]++
				firstInMonth[d] = append(firstInMonth[d], e)
				last = m
			}
		}
	}
	if _, ok := perMonth[today.month()]; !ok {
		perMonth[today.month()] = 0
	}

	keys := make([]month, 0, len(perMonth))
	for m := range perMonth {
		keys = append(keys, m)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].before(keys[j]) })

	out := make([]Month, len(keys))
	for i, m := range keys {
		out[i] = layMonth(m, loc, today, byDay, firstInMonth)
		out[i].Events = perMonth[m]
	}
	for i := range out {
		if i > 0 {
			out[i].Prev = out[i-1].ref()
		}
		if i+1 < len(out) {
			out[i].Next = out[i+1].ref()
		}
	}
	return out
}

// layMonth builds the grid and the list of month m.
func layMonth(m month, loc *time.Location, today date, byDay, firstInMonth map[date][]*Event) Month {
	first := date{m.y, m.m, 1}
	out := Month{
		Year:    m.y,
		Month:   m.m,
		First:   first.at(loc),
		URL:     MonthURL(m.y, m.m),
		Current: today.month() == m,
	}
	// Monday on or before the 1st: Go's Sunday is 0, so shift by six.
	lead := (int(weekday(first)) + 6) % 7
	start := first.add(-lead)
	last := date{m.y, m.m, m.days()}
	for d := start; !last.before(d); {
		var w Week
		for i := range w.Days {
			w.Days[i] = Day{
				Date:    d.at(loc),
				Day:     d.d,
				InMonth: d.month() == m,
				Today:   d == today,
				Weekend: i >= 5,
				Events:  byDay[d],
			}
			d = d.add(1)
		}
		out.Weeks = append(out.Weeks, w)
	}
	for n := 1; n <= m.days(); n++ {
		d := date{m.y, m.m, n}
		if evs := firstInMonth[d]; len(evs) > 0 {
			out.List = append(out.List, ListDay{Date: d.at(loc), Today: d == today, Events: evs})
		}
	}
	return out
}

// weekday returns the day of the week of a civil date.
func weekday(d date) time.Weekday {
	return time.Date(d.y, d.m, d.d, 12, 0, 0, 0, time.UTC).Weekday()
}

func (m *Month) ref() *MonthRef {
	return &MonthRef{Year: m.Year, Month: m.Month, First: m.First, URL: m.URL}
}
