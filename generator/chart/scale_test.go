package chart

import (
	"reflect"
	"testing"
)

func TestNiceAxis(t *testing.T) {
	tests := []struct {
		lo, hi float64
		whole  bool
		want   []string
	}{
		{0, 10, false, []string{"0", "5", "10"}},
		{0, 9.3, false, []string{"0", "5", "10"}},
		{1, 97, false, []string{"0", "50", "100"}},
		{0, 0.7, false, []string{"0.0", "0.2", "0.4", "0.6", "0.8"}},
		{0, 0, false, []string{"0.0", "0.5", "1.0"}},
		{5, 5, false, []string{"0", "2", "4", "6"}},
		{-3, 4, false, []string{"-4", "-2", "0", "2", "4"}},
		{0, 66.67, false, []string{"0", "20", "40", "60", "80"}},
		{0, 1234, false, []string{"0", "500", "1000", "1500"}},
		{0, 0.033, false, []string{"0.00", "0.01", "0.02", "0.03", "0.04"}},
		{0, 2, true, []string{"0", "1", "2"}},
		{0, 0, true, []string{"0", "1"}},
		{0, 40, true, []string{"0", "10", "20", "30", "40"}},
	}
	for _, tt := range tests {
		a := niceAxis(tt.lo, tt.hi, yTicks, tt.whole)
		var got []string
		for _, v := range a.ticks {
			got = append(got, a.label(v))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("niceAxis(%g, %g, %t) ticks = %v, want %v", tt.lo, tt.hi, tt.whole, got, tt.want)
		}
		if a.lo > tt.lo || a.hi < tt.hi {
			t.Errorf("niceAxis(%g, %g) = [%g, %g] does not cover the data", tt.lo, tt.hi, a.lo, a.hi)
		}
	}
}

func TestNum(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "0"}, {12, "12"}, {12.5, "12.5"}, {1.0 / 3, "0.33"}, {-0.001, "0"}, {200.0 / 3, "66.67"}, {1e6, "1000000"},
	}
	for _, tt := range tests {
		if got := num(tt.v); got != tt.want {
			t.Errorf("num(%g) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestLabelIndexes(t *testing.T) {
	tests := []struct {
		n, max int
		want   []int
	}{
		{0, 6, nil},
		{1, 6, []int{0}},
		{6, 6, []int{0, 1, 2, 3, 4, 5}},
		{7, 6, []int{0, 2, 4, 6}},
		{53, 6, []int{0, 9, 18, 27, 36, 45}},
	}
	for _, tt := range tests {
		if got := labelIndexes(tt.n, tt.max); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("labelIndexes(%d, %d) = %v, want %v", tt.n, tt.max, got, tt.want)
		}
	}
}
