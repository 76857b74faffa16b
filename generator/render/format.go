package render

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// formatNumber writes n with at most two decimals and a comma between
// thousands (both languages group digits this way): 1234.5 → "1,234.5".
func formatNumber(n float64) string {
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.FormatFloat(math.Round(n*100)/100, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteString("-")
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// formatDuration writes d out with the language's units, largest first and
// zero parts left out: "2 h 5 min", "1 d 3 h", "45 s". Durations of a
// minute or more are rounded to the minute.
func (t *translator) formatDuration(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "−", -d
	}
	if d < time.Minute {
		return sign + t.T("unit.s", int(d.Round(time.Second)/time.Second))
	}
	m := int(d.Round(time.Minute) / time.Minute)
	days, hours, mins := m/(24*60), m/60%24, m%60
	var parts []string
	if days > 0 {
		parts = append(parts, t.T("unit.d", days))
	}
	if hours > 0 {
		parts = append(parts, t.T("unit.h", hours))
	}
	if mins > 0 {
		parts = append(parts, t.T("unit.min", mins))
	}
	return sign + strings.Join(parts, " ")
}

// clock formats dates and times in the site's time zone.
type clock struct {
	loc *time.Location
	tr  *translator
}

// date is the day of t: "2026-05-18"; "" for a zero time.
func (c clock) date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(c.loc).Format("2006-01-02")
}

// datetime is "2026-05-18 14:02".
func (c clock) datetime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(c.loc).Format("2006-01-02 15:04")
}

// hm is the time of day, "14:02".
func (c clock) hm(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(c.loc).Format("15:04")
}

// machine is the value of a <time datetime> attribute.
func (c clock) machine(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(c.loc)
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// long writes the day the way the language does, from the table's
// "date.long" pattern and its month and weekday names: "Mon 18 May 2026",
// "2026년 5월 18일 (월)".
func (c clock) long(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(c.loc)
	pat, ok := c.tr.lookup("date.long")
	if !ok {
		return c.date(t)
	}
	month := strconv.Itoa(int(t.Month()))
	if ms := c.tr.list("date.months"); len(ms) == 12 {
		month = ms[t.Month()-1]
	}
	wd := t.Weekday().String()
	if ws := c.tr.list("date.weekdays"); len(ws) == 7 {
		wd = ws[t.Weekday()]
	}
	r := strings.NewReplacer(
		"{year}", strconv.Itoa(t.Year()),
		"{month}", month,
		"{mm}", strconv.Itoa(int(t.Month())),
		"{day}", strconv.Itoa(t.Day()),
		"{weekday}", wd,
	)
	return r.Replace(pat)
}

// zone names the site's time zone with its offset at t, written once on a
// page where times appear: "Asia/Seoul (UTC+09:00)".
func (c clock) zone(t time.Time) string {
	if t.IsZero() {
		t = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	_, off := t.In(c.loc).Zone()
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	utc := "UTC" + sign + pad2(off/3600) + ":" + pad2(off%3600/60)
	name := c.loc.String()
	if name == "UTC" || name == "" || name == "Local" {
		return utc
	}
	return name + " (" + utc + ")"
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// days counts calendar days from now to t in the site's time zone:
// tomorrow is 1, yesterday -1.
func (c clock) days(now, t time.Time) int {
	a, b := now.In(c.loc), t.In(c.loc)
	da := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}
