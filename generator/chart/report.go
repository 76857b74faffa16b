package chart

import (
	"fmt"
	"time"
)

// Chart kinds.
const (
	KindLine      = "line"
	KindBar       = "bar"
	KindStacked   = "stacked"
	KindSparkline = "sparkline"
)

// Kinds lists the chart kinds in the order a hint names them.
func Kinds() []string { return []string{KindLine, KindBar, KindStacked, KindSparkline} }

// InDays turns hours into days when the largest value is over 72 hours.
func InDays(d Data) Data {
	if _, hi, ok := d.extent(); !ok || hi <= 72 {
		return d
	}
	d.Unit = "days"
	for s := range d.Series {
		vals := make([]*float64, len(d.Series[s].Values))
		for i, v := range d.Series[s].Values {
			if v != nil {
				vals[i] = V(*v / 24)
			}
		}
		d.Series[s].Values = vals
	}
	if d.Target != nil {
		d.Target = V(*d.Target / 24)
	}
	return d
}

// Render draws d as the given kind. Stacked data drawn as a line, a bar
// or a sparkline shows the totals per date.
func Render(kind string, d Data) (string, error) {
	if kind != KindStacked && len(d.Series) > 1 {
		d = totals(d)
	}
	switch kind {
	case KindLine:
		return Line(d), nil
	case KindBar:
		return Bar(d), nil
	case KindStacked:
		return Stacked(d), nil
	case KindSparkline:
		return Sparkline(d), nil
	}
	return "", fmt.Errorf("unknown chart type %q", kind)
}

// totals sums the series of d into one; a date with no value stays a gap.
func totals(d Data) Data {
	vals := make([]*float64, len(d.Dates))
	for i := range d.Dates {
		for s := range d.Series {
			if v := d.value(s, i); v != nil {
				if vals[i] == nil {
					vals[i] = V(0)
				}
				*vals[i] += *v
			}
		}
	}
	d.Series = []Series{{Name: d.Title, Values: vals}}
	return d
}

// since returns the start of a range that ends at now: n units back, in
// the report's time zone.
func since(now time.Time, n int, unit string) time.Time {
	switch unit {
	case "day":
		return now.AddDate(0, 0, -n)
	case "week":
		return now.AddDate(0, 0, -7*n)
	case "month":
		return now.AddDate(0, -n, 0)
	}
	return now.AddDate(-n, 0, 0)
}
