package chart

import "strings"

// Size of a sparkline's coordinate system.
const sparkW, sparkH, sparkPad = 120.0, 32.0, 3.0

// Sparkline draws the first series as a small line without axes, for a
// metric tile: gaps stay gaps, the latest point is marked, a point alone
// between gaps is a dot, and the target, when given, is a faint dashed
// line. The y range is the data's own (with the target), not from zero,
// so that the shape shows.
func Sparkline(d Data) string {
	if len(d.Series) > 1 {
		d.Series = d.Series[:1]
	}
	c := &canvas{d: d, labels: d.Labels.withDefaults(), w: sparkW, h: sparkH,
		left: sparkPad, right: sparkPad, top: sparkPad, bottom: sparkPad}
	c.open("sparkline")
	lo, hi, ok := d.extent()
	if !ok {
		return c.close()
	}
	if hi == lo {
		lo, hi = lo-1, hi+1
	}
	c.y = axis{lo: lo, hi: hi}
	xs := c.timeXs()
	if t := d.Target; t != nil {
		y := c.y.y(*t, c.y1(), c.y0())
		c.printf(`<line class="chart-target" x1="%s" y1="%s" x2="%s" y2="%s" stroke="currentColor" stroke-opacity="0.5" stroke-width="1" stroke-dasharray="3 2" vector-effect="non-scaling-stroke"/>`+"\n",
			num(c.x0()), num(y), num(c.x1()), num(y))
	}
	var path strings.Builder
	drawing, last := false, -1
	for i := range xs {
		v := d.value(0, i)
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
		drawing, last = true, i
	}
	c.printf(`<g class="chart-series %s">`, esc(d.class(0)))
	c.printf(`<path class="chart-line" d="%s" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round" vector-effect="non-scaling-stroke"/>`, path.String())
	for i := range xs {
		v := d.value(0, i)
		if v == nil || (i != last && c.pointRadius(0, i) < 3) {
			continue
		}
		r := "1.5"
		if i == last {
			r = "2"
		}
		c.printf(`<circle cx="%s" cy="%s" r="%s" fill="currentColor"/>`, num(xs[i]), num(c.y.y(*v, c.y1(), c.y0())), r)
	}
	c.b.WriteString("</g>\n")
	return c.close()
}
