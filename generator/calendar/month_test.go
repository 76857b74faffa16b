package calendar

import (
	"fmt"
	"testing"
	"time"
)

// allDayOn makes an all-day event on a date in loc.
func allDayOn(uid string, loc *time.Location, y int, m time.Month, d int) Event {
	return Event{UID: uid, Kind: KindRelease, AllDay: true,
		Start: time.Date(y, m, d, 0, 0, 0, 0, loc), End: time.Date(y, m, d+1, 0, 0, 0, 0, loc)}
}

// cell returns the day of the grid for a date, failing when it is missing.
func cell(t *testing.T, m Month, y int, mo time.Month, d int) Day {
	t.Helper()
	for _, w := range m.Weeks {
		for _, day := range w.Days {
			if yy, mm, dd := day.Date.Date(); yy == y && mm == mo && dd == d {
				return day
			}
		}
	}
	t.Fatalf("%04d-%02d-%02d not in the grid of %d-%02d", y, mo, d, m.Year, m.Month)
	return Day{}
}

func uids(evs []*Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.UID)
	}
	return out
}

func monthNames(ms []Month) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%d-%02d", m.Year, int(m.Month)))
	}
	return out
}

func TestMonthsReleaseOn31stAndEmptyCurrentMonth(t *testing.T) {
	loc := seoul(t)
	events := []Event{allDayOn("release-1.4.0@x", loc, 2026, 10, 31)}
	months := Months(events, loc, fixtureNow) // 2026-11-25 in Seoul
	if got := fmt.Sprint(monthNames(months)); got != "[2026-10 2026-11]" {
		t.Fatalf("months %s, want [2026-10 2026-11]", got)
	}
	oct, nov := months[0], months[1]

	if oct.URL != "/calendar/2026/10/" || oct.Current || oct.Events != 1 || oct.Prev != nil || oct.Next == nil || oct.Next.URL != "/calendar/2026/11/" {
		t.Errorf("October: %+v", oct)
	}
	if len(oct.Weeks) != 5 {
		t.Errorf("October has %d weeks, want 5 (Sep 28 – Nov 1)", len(oct.Weeks))
	}
	d31 := cell(t, oct, 2026, 10, 31)
	if !d31.InMonth || d31.Day != 31 || !d31.Weekend || fmt.Sprint(uids(d31.Events)) != "[release-1.4.0@x]" {
		t.Errorf("Oct 31: %+v", d31)
	}
	if n1 := cell(t, oct, 2026, 11, 1); n1.InMonth || len(n1.Events) != 0 {
		t.Errorf("Nov 1 in October's grid: %+v", n1)
	}
	if len(oct.List) != 1 || oct.List[0].Date.Day() != 31 || len(oct.List[0].Events) != 1 {
		t.Errorf("October list: %+v", oct.List)
	}

	if !nov.Current || nov.Events != 0 || len(nov.List) != 0 || nov.Next != nil || nov.Prev == nil || nov.Prev.URL != "/calendar/2026/10/" {
		t.Errorf("November: %+v", nov)
	}
	var today []int
	for _, w := range nov.Weeks {
		for _, d := range w.Days {
			if d.Today {
				today = append(today, d.Date.Day())
			}
			if d.InMonth && len(d.Events) != 0 {
				t.Errorf("November %v has events", d.Date)
			}
		}
	}
	if fmt.Sprint(today) != "[25]" {
		t.Errorf("today in November = %v, want [25]", today)
	}
	// October's last days lead November's grid, with their events.
	if o31 := cell(t, nov, 2026, 10, 31); o31.InMonth || len(o31.Events) != 1 {
		t.Errorf("Oct 31 in November's grid: %+v", o31)
	}
	if !nov.First.Equal(time.Date(2026, 11, 1, 0, 0, 0, 0, loc)) {
		t.Errorf("November.First = %v", nov.First)
	}
}

func TestMonthsLeapDay(t *testing.T) {
	loc := seoul(t)
	now := time.Date(2028, 2, 10, 12, 0, 0, 0, loc)
	months := Months([]Event{allDayOn("leap@x", loc, 2028, 2, 29)}, loc, now)
	if len(months) != 1 {
		t.Fatalf("months %v, want one", monthNames(months))
	}
	feb := months[0]
	// February 2028 starts on a Tuesday: Jan 31 to Mar 5, five weeks.
	if len(feb.Weeks) != 5 {
		t.Fatalf("%d weeks, want 5", len(feb.Weeks))
	}
	d := feb.Weeks[4].Days[1]
	if d.Date.Month() != time.February || d.Day != 29 || !d.InMonth || len(d.Events) != 1 {
		t.Errorf("week 5, Tuesday = %+v, want Feb 29 with the event", d)
	}
	if first := feb.Weeks[0].Days[0]; first.Day != 31 || first.InMonth {
		t.Errorf("first cell %+v, want Jan 31 outside the month", first)
	}
	if last := feb.Weeks[4].Days[6]; last.Date.Month() != time.March || last.Day != 5 {
		t.Errorf("last cell %+v, want Mar 5", last)
	}
	if len(feb.List) != 1 || feb.List[0].Date.Day() != 29 {
		t.Errorf("list %+v", feb.List)
	}
}

func TestMonthsYearBoundary(t *testing.T) {
	loc := seoul(t)
	events := []Event{allDayOn("dec@x", loc, 2026, 12, 15), allDayOn("jan@x", loc, 2027, 1, 10)}
	tests := []struct {
		name string
		now  time.Time
		want string
		prev []string // Prev URL of each month, "" for none
		next []string
	}{
		{
			"now in December", time.Date(2026, 12, 20, 9, 0, 0, 0, loc), "[2026-12 2027-01]",
			[]string{"", "/calendar/2026/12/"}, []string{"/calendar/2027/01/", ""},
		},
		{
			// months without events are skipped, the current one is not
			"now in June", time.Date(2026, 6, 1, 9, 0, 0, 0, loc), "[2026-06 2026-12 2027-01]",
			[]string{"", "/calendar/2026/06/", "/calendar/2026/12/"}, []string{"/calendar/2026/12/", "/calendar/2027/01/", ""},
		},
		{
			"now after both", time.Date(2027, 3, 1, 9, 0, 0, 0, loc), "[2026-12 2027-01 2027-03]",
			[]string{"", "/calendar/2026/12/", "/calendar/2027/01/"}, []string{"/calendar/2027/01/", "/calendar/2027/03/", ""},
		},
	}
	ref := func(r *MonthRef) string {
		if r == nil {
			return ""
		}
		return r.URL
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			months := Months(events, loc, tt.now)
			if got := fmt.Sprint(monthNames(months)); got != tt.want {
				t.Fatalf("months %s, want %s", got, tt.want)
			}
			for i, m := range months {
				if ref(m.Prev) != tt.prev[i] || ref(m.Next) != tt.next[i] {
					t.Errorf("%d-%02d: prev %q next %q, want %q %q", m.Year, m.Month, ref(m.Prev), ref(m.Next), tt.prev[i], tt.next[i])
				}
			}
		})
	}
}

// TestMonthsMondayFirst lays out three years and checks every grid: rows
// of seven consecutive days from Monday to Sunday, every day of the month
// once, the 1st in the first row and the last day in the last.
func TestMonthsMondayFirst(t *testing.T) {
	loc := seoul(t)
	var events []Event
	for y := 2026; y <= 2028; y++ {
		for m := time.January; m <= time.December; m++ {
			events = append(events, allDayOn(fmt.Sprintf("e-%d-%d@x", y, m), loc, y, m, 1))
		}
	}
	months := Months(events, loc, time.Date(2027, 6, 1, 0, 0, 0, 0, loc))
	if len(months) != 36 {
		t.Fatalf("%d months, want 36", len(months))
	}
	for _, m := range months {
		inMonth := 0
		for wi, w := range m.Weeks {
			for i, d := range w.Days {
				want := time.Weekday((i + 1) % 7)
				if d.Date.Weekday() != want || d.Weekend != (i >= 5) {
					t.Errorf("%d-%02d week %d day %d: %v, want %v", m.Year, m.Month, wi, i, d.Date.Weekday(), want)
				}
				if d.InMonth {
					inMonth++
				}
				if d.InMonth != (d.Date.Month() == m.Month) {
					t.Errorf("%v: InMonth %v in %d-%02d", d.Date, d.InMonth, m.Year, m.Month)
				}
			}
		}
		if days := time.Date(m.Year, m.Month+1, 0, 0, 0, 0, 0, loc).Day(); inMonth != days {
			t.Errorf("%d-%02d: %d days in the grid, want %d", m.Year, m.Month, inMonth, days)
		}
		if n := len(m.Weeks); n < 4 || n > 6 {
			t.Errorf("%d-%02d: %d weeks", m.Year, m.Month, n)
		}
	}
}

func TestMonthsTodayInSiteZone(t *testing.T) {
	loc := seoul(t)
	// 20:00 UTC on Nov 30 is already 05:00 on Dec 1 in Seoul.
	now := time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC)
	tests := []struct {
		loc   *time.Location
		month string
		today time.Time
	}{
		{loc, "[2026-12]", time.Date(2026, 12, 1, 0, 0, 0, 0, loc)},
		{time.UTC, "[2026-11]", time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)},
		{nil, "[2026-11]", time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		months := Months(nil, tt.loc, now)
		if got := fmt.Sprint(monthNames(months)); got != tt.month {
			t.Errorf("zone %v: months %s, want %s", tt.loc, got, tt.month)
			continue
		}
		var todays []time.Time
		for _, w := range months[0].Weeks {
			for _, d := range w.Days {
				if d.Today {
					todays = append(todays, d.Date)
				}
			}
		}
		if len(todays) != 1 || !todays[0].Equal(tt.today) {
			t.Errorf("zone %v: today %v, want %v", tt.loc, todays, tt.today)
		}
		if !months[0].Current {
			t.Errorf("zone %v: current month not marked", tt.loc)
		}
	}
}

func TestMonthsTimedEvents(t *testing.T) {
	loc := seoul(t)
	at := func(mo time.Month, d, h, min int) time.Time { return time.Date(2026, mo, d, h, min, 0, 0, loc) }
	events := []Event{
		// 01:00 in Seoul is still the previous day in UTC
		{UID: "early@x", Kind: KindIncident, Start: at(11, 2, 1, 0)},
		// over midnight, and over the month's end
		{UID: "night@x", Kind: KindIncident, Start: at(11, 2, 23, 30), End: at(11, 3, 1, 0)},
		{UID: "turn@x", Kind: KindIncident, Start: at(10, 31, 23, 0), End: at(11, 1, 2, 0)},
		// ends exactly at midnight: the next day is not touched
		{UID: "midnight@x", Kind: KindIncident, Start: at(11, 5, 22, 0), End: at(11, 6, 0, 0)},
		allDayOn("allday@x", loc, 2026, 11, 2),
	}
	months := Months(events, loc, at(11, 10, 0, 0))
	if got := fmt.Sprint(monthNames(months)); got != "[2026-10 2026-11]" {
		t.Fatalf("months %s", got)
	}
	oct, nov := months[0], months[1]
	tests := []struct {
		m    Month
		day  int
		mo   time.Month
		want string
	}{
		{nov, 1, 11, "[turn@x]"},
		{nov, 2, 11, "[allday@x early@x night@x]"},
		{nov, 3, 11, "[night@x]"},
		{nov, 5, 11, "[midnight@x]"},
		{nov, 6, 11, "[]"},
		{oct, 31, 10, "[turn@x]"},
		{oct, 1, 11, "[turn@x]"}, // outside October, still shown
	}
	for _, tt := range tests {
		if got := fmt.Sprint(uids(cell(t, tt.m, 2026, tt.mo, tt.day).Events)); got != tt.want {
			t.Errorf("%d-%02d grid, day %d/%d: %s, want %s", tt.m.Year, tt.m.Month, tt.mo, tt.day, got, tt.want)
		}
	}
	if oct.Events != 1 || nov.Events != 5 {
		t.Errorf("counts: October %d, November %d; want 1 and 5", oct.Events, nov.Events)
	}
	var list []string
	for _, d := range nov.List {
		list = append(list, fmt.Sprintf("%d:%v", d.Date.Day(), uids(d.Events)))
	}
	if got := fmt.Sprint(list); got != "[1:[turn@x] 2:[allday@x early@x night@x] 5:[midnight@x]]" {
		t.Errorf("November list %s", got)
	}
}

// Events in Sort's order are read where they are; events out of order
// give the same months, from a sorted copy, and are left as they came.
func TestMonthsReadSortedEventsInPlace(t *testing.T) {
	loc := seoul(t)
	events := []Event{
		allDayOn("release-1.4.0@x", loc, 2026, 10, 31),
		allDayOn("release-1.3.0@x", loc, 2026, 9, 2),
		allDayOn("release-1.5.0@x", loc, 2026, 11, 3),
	}
	for i := range events {
		events[i].Status = "planned"
	}
	shuffled := append([]Event(nil), events...)
	Sort(events)
	in := Months(events, loc, fixtureNow)
	if got := cell(t, in[0], 2026, 9, 2).Events; len(got) != 1 || got[0] != &events[0] {
		t.Errorf("sorted events were copied: %v", got)
	}
	out := Months(shuffled, loc, fixtureNow)
	if fmt.Sprint(monthNames(out)) != fmt.Sprint(monthNames(in)) {
		t.Fatalf("months %v from events out of order, %v from sorted", monthNames(out), monthNames(in))
	}
	for i := range in {
		if a, b := len(in[i].List), len(out[i].List); a != b {
			t.Errorf("%s: %d listed days from sorted events, %d from events out of order", monthNames(in)[i], a, b)
		}
	}
	if shuffled[0].UID != "release-1.4.0@x" {
		t.Errorf("the events out of order were sorted in place")
	}
	up := Upcoming(events, loc, time.Date(2026, 9, 1, 0, 0, 0, 0, loc), 0)
	if len(up) != 3 || up[0].Release != &events[0] {
		t.Errorf("upcoming: %d releases, first %v; want 3 pointing into the events", len(up), up)
	}
}
