package chart

import (
	"strings"
)

// Line draws the series as lines over time, with round y ticks, date
// labels, and the target as a dashed line. Dates are placed by time, so
// uneven dates keep their spacing. A missing value breaks the line; a
// point alone between gaps shows as a dot. Every point carries a <title>
// with its date and value, for a tooltip without script.
func Line(d Data) string {
	c := newCanvas(d, len(d.Series) > 1)
	c.open("line")
	lo, hi, ok := d.extent()
	if !ok {
		c.empty()
		return c.close()
	}
	c.y = niceAxis(lo, hi, yTicks, d.Whole)
	c.grid()
	xs := c.timeXs()
	c.xLabels(xs)
	c.baseline()
	c.target()
	for s := range d.Series {
		c.linePath(s, xs)
	}
	if len(d.Series) > 1 {
		c.legend()
	}
	return c.close()
}

// timeXs places the dates by time across the plot; a single date sits in
// the middle.
func (c *canvas) timeXs() []float64 {
	n := len(c.d.Dates)
	xs := make([]float64, n)
	if n == 0 {
		return xs
	}
	t0, t1 := c.d.Dates[0], c.d.Dates[n-1]
	span := t1.Sub(t0).Seconds()
	for i, t := range c.d.Dates {
		if span <= 0 {
			xs[i] = (c.x0() + c.x1()) / 2
			continue
		}
		xs[i] = c.x0() + t.Sub(t0).Seconds()/span*(c.x1()-c.x0())
	}
	return xs
}

// linePath draws series s: one path with a move at every gap, then dots.
func (c *canvas) linePath(s int, xs []float64) {
	var path strings.Builder
	drawing := false
	for i := range xs {
		v := c.d.value(s, i)
		if v == nil {
			drawing = false
			continue
		}
		cmd := "L"
		if !drawing {
			cmd = "M"
			if path.Len() > 0 {
				path.WriteByte(' ')
			}
		}
		path.WriteString(cmd + num(xs[i]) + " " + num(c.y.y(*v, c.y1(), c.y0())))
		drawing = true
	}
	class := esc(c.d.class(s))
	c.printf(`<g class="chart-series %s">`+"\n", class)
	if path.Len() > 0 {
		c.printf(`<path class="chart-line" d="%s" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round" vector-effect="non-scaling-stroke"/>`+"\n", path.String())
	}
	c.b.WriteString(`<g class="chart-points" fill="currentColor">` + "\n")
	for i := range xs {
		v := c.d.value(s, i)
		if v == nil {
			continue
		}
		c.printf(`<circle cx="%s" cy="%s" r="%s"><title>%s</title></circle>`+"\n",
			num(xs[i]), num(c.y.y(*v, c.y1(), c.y0())), num(c.pointRadius(s, i)), esc(c.pointTitle(s, i, *v)))
	}
	c.b.WriteString("</g>\n</g>\n")
}

// pointRadius makes a point alone between gaps large enough to see.
func (c *canvas) pointRadius(s, i int) float64 {
	alone := (i == 0 || c.d.value(s, i-1) == nil) && (i == len(c.d.Dates)-1 || c.d.value(s, i+1) == nil)
	if alone {
		return 3.5
	}
	return 2.5
}

// pointTitle is a point's tooltip: "2026-03-09: 4.5 hours", with the
// series name first when there are several.
func (c *canvas) pointTitle(s, i int, v float64) string {
	t := c.d.dateLabel(i) + ": " + formatValue(v, c.d.Unit)
	if len(c.d.Series) > 1 && c.d.Series[s].Name != "" {
		t = c.d.Series[s].Name + ", " + t
	}
	return t
}
