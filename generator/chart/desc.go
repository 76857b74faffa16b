package chart

import (
	"fmt"
	"strings"
)

// describe writes the text alternative of a chart: Data.Desc when given,
// else a summary of the numbers (in English; a page in another language
// passes its own Desc).
func describe(d Data, kind string) string {
	if d.Desc != "" {
		return d.Desc
	}
	l := d.Labels.withDefaults()
	var b strings.Builder
	what := map[string]string{"line": "Line chart", "bar": "Bar chart", "stacked": "Stacked bar chart", "sparkline": "Sparkline"}[kind]
	b.WriteString(what)
	if len(d.Dates) > 0 {
		fmt.Fprintf(&b, " from %s to %s", d.dateLabel(0), d.dateLabel(len(d.Dates)-1))
	}
	b.WriteString(".")
	if _, _, ok := d.extent(); !ok {
		b.WriteString(" " + l.NoData + ".")
		return b.String()
	}
	for s := range d.Series {
		b.WriteString(" ")
		if len(d.Series) > 1 {
			b.WriteString(d.Series[s].Name + ": ")
		}
		b.WriteString(summary(d, s))
	}
	if d.Target != nil {
		fmt.Fprintf(&b, " Target %s.", formatValue(*d.Target, d.Unit))
	}
	return b.String()
}

// summary says how many points a series has, its range and its latest
// value.
func summary(d Data, s int) string {
	n, first := 0, true
	var lo, hi, last float64
	lastAt := 0
	for i := range d.Dates {
		v := d.value(s, i)
		if v == nil {
			continue
		}
		n++
		if first || *v < lo {
			lo = *v
		}
		if first || *v > hi {
			hi = *v
		}
		first, last, lastAt = false, *v, i
	}
	if n == 0 {
		return "no data."
	}
	out := fmt.Sprintf("%d of %d with data; lowest %s, highest %s, latest %s on %s.",
		n, len(d.Dates), formatValue(lo, d.Unit), formatValue(hi, d.Unit), formatValue(last, d.Unit), d.dateLabel(lastAt))
	return out
}
