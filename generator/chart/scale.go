package chart

import (
	"math"
	"strconv"
)

// axis is a y axis: its range and round ticks.
type axis struct {
	lo, hi   float64
	ticks    []float64
	decimals int
}

// niceAxis returns an axis over [lo, hi] whose ticks are round numbers
// (1, 2 or 5 times a power of ten apart), about want of them, covering the
// range; whole numbers only when whole is set. The axis always includes
// zero, so bars and lines are read from a true baseline.
func niceAxis(lo, hi float64, want int, whole bool) axis {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if hi == lo {
		hi = lo + 1
	}
	if want < 2 {
		want = 2
	}
	step := niceStep((hi - lo) / float64(want-1))
	if whole && step < 1 {
		step = 1
	}
	a := axis{lo: math.Floor(lo/step) * step, hi: math.Ceil(hi/step) * step}
	a.decimals = int(math.Max(0, -math.Floor(math.Log10(step)+1e-9)))
	for i := 0; ; i++ {
		v := a.lo + float64(i)*step
		if v > a.hi+step*1e-9 {
			break
		}
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		a.ticks = append(a.ticks, v)
	}
	return a
}

// niceStep rounds a raw step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	exp := math.Floor(math.Log10(raw))
	base := math.Pow(10, exp)
	f := raw / base
	switch {
	case f <= 1+1e-9:
		f = 1
	case f <= 2+1e-9:
		f = 2
	case f <= 5+1e-9:
		f = 5
	default:
		f = 10
	}
	return f * base
}

// label formats a tick with the axis's fixed number of decimals.
func (a axis) label(v float64) string {
	return strconv.FormatFloat(v, 'f', a.decimals, 64)
}

// y maps a value to a pixel row between top and bottom.
func (a axis) y(v, top, bottom float64) float64 {
	return bottom - (v-a.lo)/(a.hi-a.lo)*(bottom-top)
}

// extent returns the lowest and highest present value of every series and
// the target; ok is false when there is none.
func (d Data) extent() (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for s := range d.Series {
		for i := range d.Dates {
			if v := d.value(s, i); v != nil {
				lo, hi, ok = math.Min(lo, *v), math.Max(hi, *v), true
			}
		}
	}
	if ok && d.Target != nil && !math.IsNaN(*d.Target) && !math.IsInf(*d.Target, 0) {
		lo, hi = math.Min(lo, *d.Target), math.Max(hi, *d.Target)
	}
	return lo, hi, ok
}

// labelIndexes picks at most max evenly spaced indexes of n dates to label,
// always the first.
func labelIndexes(n, max int) []int {
	if n == 0 {
		return nil
	}
	step := (n + max - 1) / max
	if step < 1 {
		step = 1
	}
	var out []int
	for i := 0; i < n; i += step {
		out = append(out, i)
	}
	return out
}
