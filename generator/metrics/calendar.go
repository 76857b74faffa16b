package metrics

import (
	"fmt"
	"time"
)

// civil is a calendar date, counted in days since 1970-01-01. Buckets are
// computed on civil dates rather than on instants, so a day that is 23 or
// 25 hours long (a daylight-saving change) is still one day, and a zone
// whose midnight is skipped still has its Monday.
type civil int64

// civilOf returns the date of t in loc.
func civilOf(t time.Time, loc *time.Location) civil {
	y, m, d := t.In(loc).Date()
	return civilDate(y, m, d)
}

// civilDate returns the civil day of a year, month and day (normalized as
// time.Date does).
func civilDate(y int, m time.Month, d int) civil {
	return civil(floorDiv(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix(), 86400))
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// date returns the year, month and day.
func (c civil) date() (int, time.Month, int) {
	return time.Unix(int64(c)*86400, 0).UTC().Date()
}

// weekday returns 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
func (c civil) weekday() int {
	w := (int64(c) + 3) % 7
	if w < 0 {
		w += 7
	}
	return int(w)
}

// monday returns the Monday starting c's ISO week.
func (c civil) monday() civil { return c - civil(c.weekday()) }

// midnight returns the first instant of the day in loc.
func (c civil) midnight(loc *time.Location) time.Time {
	y, m, d := c.date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// isoWeek labels the ISO week that contains c, e.g. 2026-W09.
func (c civil) isoWeek() string {
	y, w := time.Unix(int64(c)*86400, 0).UTC().ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// month is a calendar month, counted as year×12 + month−1.
type month int

func monthOf(c civil) month {
	y, m, _ := c.date()
	return month(y*12 + int(m) - 1)
}

func (m month) start(loc *time.Location) time.Time {
	return time.Date(int(m)/12, time.Month(int(m)%12+1), 1, 0, 0, 0, 0, loc)
}

func (m month) label() string { return fmt.Sprintf("%04d-%02d", int(m)/12, int(m)%12+1) }

// weeks is a run of consecutive ISO weeks starting on first's Monday.
type weeks struct {
	first civil // a Monday
	n     int
}

// weeksBetween returns the ISO weeks that touch the days from a to b.
func weeksBetween(a, b civil) weeks {
	first := a.monday()
	if b < a {
		return weeks{first: first}
	}
	return weeks{first: first, n: int((b.monday()-first)/7) + 1}
}

// index returns the week c falls in, or -1 outside the run.
func (w weeks) index(c civil) int {
	if c < w.first {
		return -1
	}
	i := int((c - w.first) / 7)
	if i >= w.n {
		return -1
	}
	return i
}

// monday returns the Monday of week i.
func (w weeks) monday(i int) civil { return w.first + civil(7*i) }

// months is a run of consecutive calendar months.
type months struct {
	first month
	n     int
}

func monthsBetween(a, b civil) months {
	first := monthOf(a)
	if b < a {
		return months{first: first}
	}
	return months{first: first, n: int(monthOf(b)-first) + 1}
}

func (m months) index(c civil) int {
	i := int(monthOf(c) - m.first)
	if i < 0 || i >= m.n {
		return -1
	}
	return i
}

// calendar holds the zone and the present for one computation.
type calendar struct {
	loc   *time.Location
	now   time.Time
	today civil
}

func newCalendar(now time.Time, loc *time.Location) calendar {
	if loc == nil {
		loc = time.UTC
	}
	now = now.In(loc)
	return calendar{loc: loc, now: now, today: civilOf(now, loc)}
}

func (c calendar) day(t time.Time) civil { return civilOf(t, c.loc) }

// lastYear returns the ISO weeks touching the last 12 months up to today.
func (c calendar) lastYear() weeks {
	return weeksBetween(c.day(c.now.AddDate(-1, 0, 0)), c.today)
}

// lastMonths returns the last n calendar months, the current one last.
func (c calendar) lastMonths(n int) months {
	return months{first: monthOf(c.today) - month(n-1), n: n}
}

// counts turns per-week numbers into labelled counts.
func (w weeks) counts(n []int, loc *time.Location) []Count {
	out := make([]Count, w.n)
	for i := range out {
		d := w.monday(i)
		out[i] = Count{Start: d.midnight(loc), Label: d.isoWeek(), Count: n[i]}
	}
	return out
}

// counts turns per-month numbers into labelled counts.
func (m months) counts(n []int, loc *time.Location) []Count {
	out := make([]Count, m.n)
	for i := range out {
		mm := m.first + month(i)
		out[i] = Count{Start: mm.start(loc), Label: mm.label(), Count: n[i]}
	}
	return out
}
