package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"almanac/generator/site"
)

// Period kinds.
const (
	Quarter = "quarter"
	Month   = "month"
)

// Period is one quarter or one calendar month in the site's time zone.
type Period struct {
	// Key names it in URLs and files: "2026-q4" or "2026-11".
	Key     string `json:"key"`
	Kind    string `json:"kind"`
	Year    int    `json:"year"`
	Quarter int    `json:"quarter,omitempty"` // 1–4 for a quarter
	Month   int    `json:"month,omitempty"`   // 1–12 for a month
	// From is its first midnight; To the first midnight after it,
	// excluded.
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
	// Until is where its figures end: To, or now while it runs.
	Until time.Time `json:"until"`
	// Running is true while now lies in [From, To): the figures are "so
	// far".
	Running bool `json:"running"`
}

// URL is the report's site-relative URL.
func (p Period) URL() string { return "/reports/" + p.Key + "/" }

// QuarterOf returns the quarter holding t, seen at now.
func QuarterOf(t time.Time, loc *time.Location, now time.Time) Period {
	t = t.In(zone(loc))
	q := (int(t.Month())-1)/3 + 1
	from := time.Date(t.Year(), time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, t.Location())
	p := Period{Key: fmt.Sprintf("%04d-q%d", t.Year(), q), Kind: Quarter, Year: t.Year(), Quarter: q,
		From: from, To: from.AddDate(0, 3, 0)}
	return p.at(now)
}

// MonthOf returns the month holding t, seen at now.
func MonthOf(t time.Time, loc *time.Location, now time.Time) Period {
	t = t.In(zone(loc))
	from := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, t.Location())
	p := Period{Key: fmt.Sprintf("%04d-%02d", t.Year(), int(t.Month())), Kind: Month, Year: t.Year(),
		Month: int(t.Month()), From: from, To: from.AddDate(0, 1, 0)}
	return p.at(now)
}

// ParseKey reads a period key ("2026-q4", "2026-11").
func ParseKey(key string, loc *time.Location, now time.Time) (Period, error) {
	y, rest, ok := strings.Cut(key, "-")
	year, err := strconv.Atoi(y)
	if !ok || err != nil || len(y) != 4 {
		return Period{}, fmt.Errorf("period %q: want YYYY-qN or YYYY-MM", key)
	}
	if q, ok := strings.CutPrefix(rest, "q"); ok {
		n, err := strconv.Atoi(q)
		if err != nil || n < 1 || n > 4 || len(q) != 1 {
			return Period{}, fmt.Errorf("period %q: the quarter is 1 to 4", key)
		}
		return QuarterOf(time.Date(year, time.Month(3*n-2), 1, 0, 0, 0, 0, zone(loc)), loc, now), nil
	}
	m, err := strconv.Atoi(rest)
	if err != nil || m < 1 || m > 12 || len(rest) != 2 {
		return Period{}, fmt.Errorf("period %q: want YYYY-qN or YYYY-MM", key)
	}
	return MonthOf(time.Date(year, time.Month(m), 1, 0, 0, 0, 0, zone(loc)), loc, now), nil
}

// Previous is the period of the same kind just before p.
func (p Period) Previous(now time.Time) Period {
	if p.Kind == Quarter {
		return QuarterOf(p.From.AddDate(0, -3, 0), p.From.Location(), now)
	}
	return MonthOf(p.From.AddDate(0, -1, 0), p.From.Location(), now)
}

// Next is the period of the same kind just after p.
func (p Period) Next(now time.Time) Period {
	if p.Kind == Quarter {
		return QuarterOf(p.To, p.From.Location(), now)
	}
	return MonthOf(p.To, p.From.Location(), now)
}

// at sets Until and Running for now.
func (p Period) at(now time.Time) Period {
	p.Until, p.Running = p.To, false
	if !now.Before(p.From) && now.Before(p.To) {
		p.Until, p.Running = now.In(p.From.Location()), true
	}
	return p
}

// Periods lists the quarters and months that have content and have begun
// by now, newest first, each quarter before its months: a release shipped
// or planned, a story done, an incident, a decision.
func Periods(s *site.Site, now time.Time) []Period {
	loc := zone(s.Config.Location)
	seen := map[string]Period{}
	add := func(t time.Time) {
		if t.IsZero() || t.After(now) {
			return
		}
		for _, p := range []Period{QuarterOf(t, loc, now), MonthOf(t, loc, now)} {
			seen[p.Key] = p
		}
	}
	for _, t := range contentDates(s) {
		add(t)
	}
	out := make([]Period, 0, len(seen))
	for _, p := range seen {
		out = append(out, p)
	}
	// Newest quarter first, each followed by its months, newest first.
	qEnd := func(p Period) time.Time { return QuarterOf(p.From, loc, now).To }
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if qa, qb := qEnd(a), qEnd(b); !qa.Equal(qb) {
			return qa.After(qb)
		}
		if (a.Kind == Quarter) != (b.Kind == Quarter) {
			return a.Kind == Quarter
		}
		return a.From.After(b.From)
	})
	return out
}

// contentDates are the moments that give a period content.
func contentDates(s *site.Site) []time.Time {
	var ts []time.Time
	for _, p := range s.Releases {
		if r := p.Release; r != nil && r.Status != "cancelled" {
			if r.Deployed() {
				ts = append(ts, r.ReleasedAt)
			} else {
				ts = append(ts, r.PlannedDate)
			}
		}
	}
	for _, p := range s.Stories {
		ts = append(ts, doneAt(p))
	}
	for _, p := range s.PostMortems {
		ts = append(ts, incidentAt(p))
	}
	for _, d := range decisionPages(s) {
		ts = append(ts, d.Date)
	}
	return ts
}

func zone(loc *time.Location) *time.Location {
	if loc == nil {
		return time.UTC
	}
	return loc
}

// in reports whether t lies in [from, to).
func in(t, from, to time.Time) bool { return !t.IsZero() && !t.Before(from) && t.Before(to) }
