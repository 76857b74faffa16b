// Package chart draws the site's charts as SVG, written by Go at build
// time with no library: line charts (with an optional target line), bar
// charts, stacked bars and sparklines, and the same numbers as a table.
//
// Every chart is readable with JavaScript off and accessible: the <svg>
// has role="img", a <title> and a <desc>, and TableOf gives its numbers for
// a table beside it. Charts are responsive (a viewBox and width="100%"),
// follow the page's colours (every mark is drawn in currentColor and
// carries a class that the stylesheet from CSS colours with custom
// properties such as --chart-line, in light and dark mode), stay crisp in
// print (vector strokes that do not scale, crisp edges on grid and bars),
// and use no style attribute or element, so a strict Content Security
// Policy holds. A missing value is a gap, never a zero. Every text is
// escaped. The output is deterministic: fixed float formatting, no map
// order, ids derived from the data.
//
// Fence renders ```chart blocks in any Markdown page, over any Source of
// named series; package figures makes one of a metrics report. chart
// itself knows nothing of metrics.
package chart
