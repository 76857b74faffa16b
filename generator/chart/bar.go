package chart

import "math"

// Bar draws the first series as one bar per date, from zero, with the
// target as a dashed line. A missing value leaves its slot empty; a zero
// is a bar of no height, and the table tells the two apart.
func Bar(d Data) string {
	if len(d.Series) > 1 {
		d.Series = d.Series[:1]
	}
	c := newCanvas(d, false)
	c.open("bar")
	lo, hi, ok := d.extent()
	if !ok {
		c.empty()
		return c.close()
	}
	c.y = niceAxis(lo, hi, yTicks, d.Whole)
	c.grid()
	xs, w := c.bandXs()
	c.xLabels(xs)
	c.printf(`<g class="chart-series %s" fill="currentColor" shape-rendering="crispEdges">`+"\n", esc(d.class(0)))
	for i := range xs {
		if v := d.value(0, i); v != nil {
			c.bar(xs[i]-w/2, w, 0, *v, c.pointTitle(0, i, *v))
		}
	}
	c.b.WriteString("</g>\n")
	c.baseline()
	c.target()
	return c.close()
}

// Stacked draws every series as bars stacked on one another per date,
// in series order from the baseline up (negative values downwards), with a
// legend. A missing value adds nothing to its stack.
func Stacked(d Data) string {
	c := newCanvas(d, true)
	c.open("stacked")
	lo, hi, ok := d.stackExtent()
	if !ok {
		c.empty()
		return c.close()
	}
	c.y = niceAxis(lo, hi, yTicks, d.Whole)
	c.grid()
	xs, w := c.bandXs()
	c.xLabels(xs)
	up := make([]float64, len(xs))
	down := make([]float64, len(xs))
	for s := range d.Series {
		c.printf(`<g class="chart-series %s" fill="currentColor" fill-opacity="%s" shape-rendering="crispEdges">`+"\n",
			esc(d.class(s)), fillOpacity(s))
		for i := range xs {
			v := d.value(s, i)
			if v == nil || *v == 0 {
				continue
			}
			base := &up[i]
			if *v < 0 {
				base = &down[i]
			}
			c.bar(xs[i]-w/2, w, *base, *base+*v, c.pointTitle(s, i, *v))
			*base += *v
		}
		c.b.WriteString("</g>\n")
	}
	c.baseline()
	c.target()
	c.legend()
	return c.close()
}

// stackExtent is the range of the stacks' tops and bottoms and the target.
func (d Data) stackExtent() (lo, hi float64, ok bool) {
	for i := range d.Dates {
		up, down := 0.0, 0.0
		for s := range d.Series {
			if v := d.value(s, i); v != nil {
				ok = true
				if *v < 0 {
					down += *v
				} else {
					up += *v
				}
			}
		}
		lo, hi = math.Min(lo, down), math.Max(hi, up)
	}
	if ok && d.Target != nil {
		lo, hi = math.Min(lo, *d.Target), math.Max(hi, *d.Target)
	}
	return lo, hi, ok
}

// bandXs divides the plot into one slot per date and returns the slots'
// centres and the bar width.
func (c *canvas) bandXs() ([]float64, float64) {
	n := len(c.d.Dates)
	xs := make([]float64, n)
	if n == 0 {
		return xs, 0
	}
	band := (c.x1() - c.x0()) / float64(n)
	for i := range xs {
		xs[i] = c.x0() + band*(float64(i)+0.5)
	}
	return xs, math.Min(band*0.7, 48)
}

// bar writes one rectangle from value a to value b with a tooltip.
func (c *canvas) bar(x, w, a, b float64, title string) {
	ya, yb := c.y.y(a, c.y1(), c.y0()), c.y.y(b, c.y1(), c.y0())
	top, h := math.Min(ya, yb), math.Abs(ya-yb)
	c.printf(`<rect x="%s" y="%s" width="%s" height="%s"><title>%s</title></rect>`+"\n",
		num(x), num(top), num(w), num(h), esc(title))
}
