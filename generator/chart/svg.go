package chart

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// Size of the charts' coordinate system; the SVG scales to its container.
const (
	chartW, chartH = 640.0, 260.0
	fontSize       = 11
	maxXLabels     = 6
	yTicks         = 5
)

// canvas writes one SVG chart: the frame, the plot area and its axes.
type canvas struct {
	b      strings.Builder
	d      Data
	labels Labels
	w, h   float64
	left   float64
	right  float64
	top    float64
	bottom float64
	y      axis
}

func newCanvas(d Data, legend bool) *canvas {
	c := &canvas{d: d, labels: d.Labels.withDefaults(), w: chartW, h: chartH,
		left: 56, right: 36, top: 28, bottom: 28}
	if legend {
		c.bottom += 20
	}
	return c
}

func (c *canvas) printf(format string, args ...any) { fmt.Fprintf(&c.b, format, args...) }

// plot edges in pixels.
func (c *canvas) x0() float64 { return c.left }
func (c *canvas) x1() float64 { return c.w - c.right }
func (c *canvas) y0() float64 { return c.h - c.bottom } // the baseline side
func (c *canvas) y1() float64 { return c.top }

// open writes the <svg> element with its title and description.
func (c *canvas) open(kind string) {
	id := esc(c.d.id(kind))
	c.printf(`<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-%s" viewBox="0 0 %s %s" width="100%%" role="img" aria-labelledby="%s-title %s-desc">`,
		kind, num(c.w), num(c.h), id, id)
	c.printf("\n<title id=\"%s-title\">%s</title>\n<desc id=\"%s-desc\">%s</desc>\n", id, esc(c.d.Title), id, esc(describe(c.d, kind)))
}

func (c *canvas) close() string {
	c.b.WriteString("</svg>\n")
	return c.b.String()
}

// grid writes the horizontal grid lines and the y axis labels, with the
// unit above them.
func (c *canvas) grid() {
	c.b.WriteString(`<g class="chart-grid" stroke="currentColor" stroke-opacity="0.15" stroke-width="1" shape-rendering="crispEdges">` + "\n")
	for _, t := range c.y.ticks {
		y := c.y.y(t, c.y1(), c.y0())
		c.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`+"\n", num(c.x0()), num(y), num(c.x1()), num(y))
	}
	c.b.WriteString("</g>\n")
	c.printf(`<g class="chart-text chart-y" fill="currentColor" font-size="%d" text-anchor="end">`+"\n", fontSize)
	for _, t := range c.y.ticks {
		y := c.y.y(t, c.y1(), c.y0())
		c.printf(`<text x="%s" y="%s" dy="0.32em">%s</text>`+"\n", num(c.x0()-6), num(y), esc(c.y.label(t)))
	}
	if c.d.Unit != "" {
		c.printf(`<text class="chart-unit" x="%s" y="%s" text-anchor="start">%s</text>`+"\n", num(4), num(c.top-12), esc(c.d.Unit))
	}
	c.b.WriteString("</g>\n")
}

// xLabels writes date labels under the plot at the given centres: evenly
// spaced ones, leaving out any that would touch the one before (dates
// placed by time may bunch up).
func (c *canvas) xLabels(xs []float64) {
	c.printf(`<g class="chart-text chart-x" fill="currentColor" font-size="%d" text-anchor="middle">`+"\n", fontSize)
	y := c.y0() + 18
	right := math.Inf(-1)
	for _, i := range labelIndexes(len(xs), maxXLabels) {
		label := c.d.dateLabel(i)
		half := textWidth(label) / 2
		if xs[i]-half < right+8 {
			continue
		}
		right = xs[i] + half
		c.printf(`<text x="%s" y="%s">%s</text>`+"\n", num(xs[i]), num(y), esc(label))
	}
	c.b.WriteString("</g>\n")
}

// baseline draws the zero line (or the axis bottom) firmer than the grid.
func (c *canvas) baseline() {
	v := 0.0
	if c.y.lo > 0 {
		v = c.y.lo
	}
	y := c.y.y(v, c.y1(), c.y0())
	c.printf(`<line class="chart-baseline" x1="%s" y1="%s" x2="%s" y2="%s" stroke="currentColor" stroke-opacity="0.6" stroke-width="1" shape-rendering="crispEdges"/>`+"\n",
		num(c.x0()), num(y), num(c.x1()), num(y))
}

// target draws the dashed target line with its value.
func (c *canvas) target() {
	t := c.d.Target
	if t == nil || math.IsNaN(*t) || math.IsInf(*t, 0) {
		return
	}
	y := c.y.y(*t, c.y1(), c.y0())
	c.printf(`<g class="chart-target"><line x1="%s" y1="%s" x2="%s" y2="%s" stroke="currentColor" stroke-width="1.5" stroke-dasharray="6 4" vector-effect="non-scaling-stroke"/>`,
		num(c.x0()), num(y), num(c.x1()), num(y))
	c.printf(`<text x="%s" y="%s" fill="currentColor" font-size="%d" text-anchor="end">%s</text></g>`+"\n",
		num(c.x1()), num(y-4), fontSize, esc(c.labels.Target+" "+formatValue(*t, c.d.Unit)))
}

// empty writes the message of a chart without any value.
func (c *canvas) empty() {
	c.printf(`<text class="chart-text chart-empty" x="%s" y="%s" fill="currentColor" font-size="%d" text-anchor="middle">%s</text>`+"\n",
		num(c.w/2), num(c.h/2), fontSize+2, esc(c.labels.NoData))
}

// legend writes one swatch and name per series under the x labels.
func (c *canvas) legend() {
	c.printf(`<g class="chart-text chart-legend" fill="currentColor" font-size="%d">`+"\n", fontSize)
	x, y := c.x0(), c.h-10
	for s := range c.d.Series {
		name := c.d.Series[s].Name
		c.printf(`<rect class="%s" x="%s" y="%s" width="10" height="10" fill="currentColor" fill-opacity="%s"/>`,
			esc(c.d.class(s)), num(x), num(y-9), fillOpacity(s))
		c.printf(`<text x="%s" y="%s">%s</text>`+"\n", num(x+14), num(y), esc(name))
		x += 14 + textWidth(name) + 14
	}
	c.b.WriteString("</g>\n")
}

// fillOpacity tells series apart without the stylesheet's colours.
func fillOpacity(s int) string {
	return []string{"1", "0.75", "0.55", "0.4", "0.28", "0.18", "0.1", "0.05"}[s%8]
}

// textWidth estimates the width of a label at the chart's font size.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r > 0x2e80 { // CJK and Hangul are about twice as wide
			w += fontSize
		} else {
			w += fontSize * 0.6
		}
	}
	return w
}

// esc escapes text for SVG content and attribute values.
func esc(s string) string { return html.EscapeString(s) }
