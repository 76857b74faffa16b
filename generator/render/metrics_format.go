package render

import (
	"math"
	"time"
)

// roundFigure rounds a value for a tile to about three significant
// digits: 1,234 · 51.2 · 0.39.
func roundFigure(v float64) float64 {
	switch a := math.Abs(v); {
	case a >= 100:
		return math.Round(v)
	case a >= 10:
		return math.Round(v*10) / 10
	}
	return math.Round(v*100) / 100
}

// figure writes a value for a tile, rounded and grouped the way the
// language writes numbers.
func figure(v float64) string { return formatNumber(roundFigure(v)) }

// hoursFigure writes a duration in hours as a figure and its unit, in the
// largest unit that keeps the figure readable: minutes under an hour,
// hours under three days, days beyond.
func (e *env) hoursFigure(h float64) (fig, unit string) { return e.hoursFigureAs(h, h) }

// hoursFigureAs writes h in the unit hoursFigure would pick for ref, so
// that two durations compared read in one unit.
func (e *env) hoursFigureAs(h, ref float64) (fig, unit string) {
	var v float64
	var key string
	switch {
	case ref < 1:
		v, key = roundFigure(h*60), "metrics.unit.minutes"
	case ref < 72:
		v, key = roundFigure(h), "metrics.unit.hours"
	default:
		v, key = roundFigure(h/24), "metrics.unit.days"
	}
	return formatNumber(v), e.tr.T(key, v)
}

// hoursText writes a duration in hours out in the language's units:
// "15 h 42 min", "15시간 42분".
func (e *env) hoursText(h float64) string {
	return e.tr.formatDuration(time.Duration(h * float64(time.Hour)))
}
