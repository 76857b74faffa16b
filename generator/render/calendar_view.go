package render

import (
	"slices"
	"time"

	"almanac/generator/calendar"
	"almanac/generator/internal/slab"
)

// calMonth is one month page as calendar.html shows it: the grid (Monday
// first), the list for narrow screens and the links to its neighbours,
// with every word already in the site's language.
type calMonth struct {
	Year    int
	Title   string    // "November 2026"
	Name    string    // "November", for the list of months
	First   time.Time // midnight of the 1st in the site's time zone
	URL     string    // "/calendar/2026/11/"
	Events  int       // distinct events touching the month
	Current bool      // the month holds the build's now

	Prev, Next *calRef
	Weekdays   []calWeekday
	Weeks      [][7]calDay
	List       []calListDay
}

// calRef names a neighbouring month for a link.
type calRef struct {
	URL   string
	Title string
}

// calWeekday heads a column of the grid.
type calWeekday struct {
	Name    string
	Weekend bool
}

// calDay is one cell of the grid.
type calDay struct {
	Date    time.Time
	Key     string // "2026-11-26", matched by calendar.js
	Day     int
	InMonth bool
	Today   bool
	Weekend bool
	Listed  bool // the list view has the day
	Events  []*calEvent
}

// calListDay is one day of the list view.
type calListDay struct {
	Date   time.Time
	Key    string
	Today  bool
	Events []*calEvent
}

// calEvent is one event with what the page writes about it.
type calEvent struct {
	E         *calendar.Event
	Kind      string // "release", "rollback", "milestone", "incident", "actionitem"
	KindLabel string // "Release", "Incident" …
	Text      string // the short text of a grid chip: a version, a title
	Word      string // the status or severity in words ("frozen", "SEV2", "overdue")
	Tone      string // the badge class that colours it: "relstatus-frozen"
	When      string // time of day for timed events: "14:07–15:20"
}

// toneOf is prefix+value, made once for each pair and kept in tones.
func toneOf(tones map[[2]string]string, prefix, value string) string {
	k := [2]string{prefix, value}
	t, ok := tones[k]
	if !ok {
		t = prefix + value
		tones[k] = t
	}
	return t
}

// newEventViews makes the view of every event the months point at, once.
// The views are values of one set of blocks (see package slab), and their
// badge classes are made once each: a large site's views live through its
// lists, where the collector marks them on each cycle.
func newEventViews(e *env, months []calendar.Month) map[*calendar.Event]*calEvent {
	views := map[*calendar.Event]*calEvent{}
	var blocks slab.Of[calEvent]
	tones := map[[2]string]string{}
	for i := range months {
		for _, w := range months[i].Weeks {
			for _, d := range w.Days {
				for _, ev := range d.Events {
					if views[ev] == nil {
						v := blocks.New()
						*v = e.eventView(ev, tones)
						views[ev] = v
					}
				}
			}
		}
	}
	return views
}

// eventView says an event in the site's language.
func (e *env) eventView(ev *calendar.Event, tones map[[2]string]string) calEvent {
	v := calEvent{E: ev, Kind: string(ev.Kind), KindLabel: e.tr.T("calendar.kind." + string(ev.Kind)), Text: ev.Title}
	switch ev.Kind {
	case calendar.KindRelease:
		v.Text = ev.Ref
		v.Word, v.Tone = e.tr.label("relstatus", ev.Status), toneOf(tones, "relstatus-", ev.Status)
	case calendar.KindRollback:
		v.Text = ev.Ref
		v.Word, v.Tone = e.tr.T("calendar.rollback"), "relstatus-rolled_back"
	case calendar.KindMilestone:
		v.Text = ev.Summary // "Code freeze · 1.5.0"
	case calendar.KindIncident:
		v.Word, v.Tone = e.tr.label("severity", ev.Severity), toneOf(tones, "severity-", ev.Severity)
	case calendar.KindActionItem:
		st := ev.Status
		if actionPast(ev, e.site.Now) {
			st = "overdue"
		}
		v.Word, v.Tone = e.tr.label("action", st), toneOf(tones, "action-", st)
	case calendar.KindDecision:
		v.Text = ev.Ref + " " + ev.Title
		v.Word, v.Tone = e.tr.label("decstatus", ev.Status), toneOf(tones, "decstatus-", ev.Status)
	}
	if !ev.AllDay {
		v.When = e.clk.hm(ev.Start)
		if !ev.End.IsZero() {
			if e.clk.date(ev.End) == e.clk.date(ev.Start) {
				v.When += "–" + e.clk.hm(ev.End)
			} else {
				v.When += " – " + e.clk.datetime(ev.End)
			}
		}
	}
	return v
}

// monthView lays out one month page from the calendar's month.
func (e *env) monthView(m *calendar.Month, views map[*calendar.Event]*calEvent) *calMonth {
	out := &calMonth{
		Year:    m.Year,
		Title:   e.monthTitle(m.First),
		Name:    e.monthName(m.First),
		First:   m.First,
		URL:     m.URL,
		Events:  m.Events,
		Current: m.Current,
	}
	if m.Prev != nil {
		out.Prev = &calRef{URL: m.Prev.URL, Title: e.monthTitle(m.Prev.First)}
	}
	if m.Next != nil {
		out.Next = &calRef{URL: m.Next.URL, Title: e.monthTitle(m.Next.First)}
	}
	names := e.tr.list("date.weekdays")
	for i := range 7 {
		wd := time.Weekday((i + 1) % 7) // Monday first
		name := wd.String()[:3]
		if len(names) == 7 {
			name = names[wd]
		}
		out.Weekdays = append(out.Weekdays, calWeekday{Name: name, Weekend: i >= 5})
	}
	for _, w := range m.Weeks {
		var row [7]calDay
		for i, d := range w.Days {
			row[i] = calDay{Date: d.Date, Key: e.clk.date(d.Date), Day: d.Day, InMonth: d.InMonth,
				Today: d.Today, Weekend: d.Weekend, Events: pick(views, d.Events)}
		}
		out.Weeks = append(out.Weeks, row)
	}
	listed := map[string]bool{}
	for _, d := range m.List {
		key := e.clk.date(d.Date)
		listed[key] = true
		out.List = append(out.List, calListDay{Date: d.Date, Key: key, Today: d.Today, Events: pick(views, d.Events)})
	}
	for wi := range out.Weeks {
		for i := range out.Weeks[wi] {
			d := &out.Weeks[wi][i]
			d.Listed = d.InMonth && listed[d.Key]
		}
	}
	out.List = withToday(out.List, out.Weeks)
	return out
}

// withToday puts an empty day for today into the list of the month that
// holds it, when today has no events: the list marks today too.
func withToday(list []calListDay, weeks [][7]calDay) []calListDay {
	for _, w := range weeks {
		for _, d := range w {
			if !d.Today || !d.InMonth || d.Listed {
				continue
			}
			i := 0
			for i < len(list) && list[i].Date.Before(d.Date) {
				i++
			}
			return slices.Insert(list, i, calListDay{Date: d.Date, Key: d.Key, Today: true})
		}
	}
	return list
}

func pick(views map[*calendar.Event]*calEvent, evs []*calendar.Event) []*calEvent {
	if len(evs) == 0 {
		return nil
	}
	out := make([]*calEvent, len(evs))
	for i, ev := range evs {
		out[i] = views[ev]
	}
	return out
}

// monthName is the month's name alone: "November", "11월".
func (e *env) monthName(t time.Time) string {
	t = t.In(e.clk.loc)
	if ms := e.tr.list("date.months"); len(ms) == 12 {
		return ms[t.Month()-1]
	}
	return t.Month().String()
}

// calYear is one year of the list of months: the year of the page with
// its month pages, every other year as a link to its first month page.
// A calendar of many years lists every month on every page no more: at
// decades of history that list made each page a quarter of its size, and
// the calendar's bytes grew with the square of its months.
type calYear struct {
	Year   int
	URL    string      // the year's first month page
	Months []*calMonth // the page's year only; nil for the others
}

// Years gives each year that has month pages, oldest first.
func (c *CalendarPage) Years() []calYear {
	var out []calYear
	for _, m := range c.Months {
		if len(out) == 0 || out[len(out)-1].Year != m.Year {
			out = append(out, calYear{Year: m.Year, URL: m.URL})
		}
		if c.Month != nil && m.Year == c.Month.Year {
			last := &out[len(out)-1]
			last.Months = append(last.Months, m)
		}
	}
	return out
}
