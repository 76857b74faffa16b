package calendar

import "time"

// date is a civil date: a day on the calendar, with no time or zone.
type date struct {
	y int
	m time.Month
	d int
}

// dateOf returns the civil date of t in loc.
func dateOf(t time.Time, loc *time.Location) date {
	y, m, d := t.In(loc).Date()
	return date{y, m, d}
}

// at returns midnight at the start of the day in loc. Where a zone skips
// midnight, time.Date normalizes to the first instant of the day.
func (d date) at(loc *time.Location) time.Time {
	return time.Date(d.y, d.m, d.d, 0, 0, 0, 0, loc)
}

// add returns the date n days later (earlier when n is negative).
func (d date) add(n int) date {
	t := time.Date(d.y, d.m, d.d+n, 12, 0, 0, 0, time.UTC)
	return date{t.Year(), t.Month(), t.Day()}
}

// before reports whether d comes before e.
func (d date) before(e date) bool {
	if d.y != e.y {
		return d.y < e.y
	}
	if d.m != e.m {
		return d.m < e.m
	}
	return d.d < e.d
}

// daysUntil counts the days from d to e: 1 when e is the day after d.
func (d date) daysUntil(e date) int {
	a := time.Date(d.y, d.m, d.d, 0, 0, 0, 0, time.UTC)
	b := time.Date(e.y, e.m, e.d, 0, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}

// month is a calendar month.
type month struct {
	y int
	m time.Month
}

func (d date) month() month { return month{d.y, d.m} }

func (m month) before(n month) bool {
	return m.y < n.y || (m.y == n.y && m.m < n.m)
}

// days returns the number of days in the month.
func (m month) days() int {
	return time.Date(m.y, m.m+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

// locOrUTC returns loc, or UTC when loc is nil.
func locOrUTC(loc *time.Location) *time.Location {
	if loc == nil {
		return time.UTC
	}
	return loc
}
