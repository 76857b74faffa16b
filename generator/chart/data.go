package chart

import (
	"fmt"
	"hash/fnv"
	"math"
	"strconv"
	"strings"
	"time"
)

// Data is what a chart draws: values over dates, in one or more series.
type Data struct {
	// ID makes the ids of <title> and <desc> unique on a page; when empty
	// it is derived from the data.
	ID    string
	Title string
	// Desc is the text alternative; when empty one is written from the
	// numbers (in English).
	Desc string
	// Unit of the values, e.g. "hours"; shown on the y axis and in the
	// table heading.
	Unit string
	// Dates are the x positions, oldest first.
	Dates  []time.Time
	Series []Series
	// Target draws a dashed line at that value; nil for none.
	Target *float64
	// Whole says the values are counts: the y axis ticks whole numbers.
	Whole bool
	// DateFormat is the Go layout of dates on the x axis and in the table;
	// "2006-01-02" when empty.
	DateFormat string
	// Labels are the few words a chart writes; zero fields take English
	// defaults (see Labels).
	Labels Labels
}

// Labels are the words a chart and its table show, so that a page in
// another language can give its own.
type Labels struct {
	Date   string // first column of the table: "Date"
	Target string // before the target value: "target"
	Total  string // a total column for several series: "Total"
	NoData string // in an empty chart: "No data"
	Gap    string // a missing value in the table: "–"
}

func (l Labels) withDefaults() Labels {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&l.Date, "Date")
	def(&l.Target, "target")
	def(&l.Total, "Total")
	def(&l.NoData, "No data")
	def(&l.Gap, "–")
	return l
}

// Series is one named run of values, one per date; a nil value is missing.
type Series struct {
	Name string
	// Class names the series for the stylesheet (its colour); chart-s1,
	// chart-s2 … by position when empty.
	Class  string
	Values []*float64
}

// V returns a pointer to v, for building Series values.
func V(v float64) *float64 { return &v }

// Values turns plain numbers into present values.
func Values(xs ...float64) []*float64 {
	out := make([]*float64, len(xs))
	for i := range xs {
		out[i] = V(xs[i])
	}
	return out
}

// value returns series s at i, nil when missing or out of range, or not
// a finite number.
func (d Data) value(s, i int) *float64 {
	if s >= len(d.Series) || i >= len(d.Series[s].Values) {
		return nil
	}
	v := d.Series[s].Values[i]
	if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
		return nil
	}
	return v
}

// class returns the CSS class of series s.
func (d Data) class(s int) string {
	if c := d.Series[s].Class; c != "" {
		return c
	}
	return fmt.Sprintf("chart-s%d", s%8+1)
}

func (d Data) dateFormat() string {
	if d.DateFormat == "" {
		return "2006-01-02"
	}
	return d.DateFormat
}

func (d Data) dateLabel(i int) string { return d.Dates[i].Format(d.dateFormat()) }

// Since returns the data from the first date not before t on; the series
// are cut alike.
func (d Data) Since(t time.Time) Data {
	i := 0
	for i < len(d.Dates) && d.Dates[i].Before(t) {
		i++
	}
	out := d
	out.Dates = d.Dates[i:]
	out.Series = make([]Series, len(d.Series))
	for k, s := range d.Series {
		out.Series[k] = s
		if i <= len(s.Values) {
			out.Series[k].Values = s.Values[i:]
		} else {
			out.Series[k].Values = nil
		}
	}
	return out
}

// id returns the chart's id: Data.ID, or one derived from the chart kind
// and everything drawn.
func (d Data) id(kind string) string {
	if d.ID != "" {
		return d.ID
	}
	h := fnv.New32a()
	fmt.Fprintf(h, "%s|%s|%s|%s|%t|", kind, d.Title, d.Unit, d.dateFormat(), d.Whole)
	for _, t := range d.Dates {
		fmt.Fprintf(h, "%d,", t.Unix())
	}
	for s := range d.Series {
		fmt.Fprintf(h, "|%s:", d.Series[s].Name)
		for i := range d.Dates {
			if v := d.value(s, i); v != nil {
				h.Write([]byte(num(*v)))
			}
			h.Write([]byte{','})
		}
	}
	if d.Target != nil {
		fmt.Fprintf(h, "|t%s", num(*d.Target))
	}
	return fmt.Sprintf("chart-%08x", h.Sum32())
}

// num formats a coordinate or value with at most two decimals, without
// trailing zeros: 12, 12.5, 0.33.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// formatValue writes a value for people: the same as num, with the unit.
func formatValue(v float64, unit string) string {
	if unit == "" {
		return num(v)
	}
	if unit == "%" {
		return num(v) + "%"
	}
	return num(v) + " " + unit
}
