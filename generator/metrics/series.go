package metrics

import (
	"slices"
	"time"

	"almanac/generator/site"
)

// TeamSeries is one of the team's own series (a page under
// content/metrics/) with its latest reading.
type TeamSeries struct {
	Slug   string   `json:"slug"`
	Title  string   `json:"title"`
	URL    string   `json:"url"`
	Unit   string   `json:"unit"`
	Target *float64 `json:"target"`
	Better string   `json:"better,omitempty"` // higher | lower
	Chart  string   `json:"chart"`            // line | bar
	// Points are every point of the series, oldest first.
	Points []Point `json:"points"`
	// Latest is the newest point not after now, Previous the one before
	// it; Change is Latest − Previous. Each is nil when there is no such
	// point.
	Latest   *Point   `json:"latest"`
	Previous *Point   `json:"previous"`
	Change   *float64 `json:"change"`
	// TargetMet says whether Latest meets the target in the direction
	// Better gives (a value equal to the target meets it); nil without a
	// target, a direction or a latest point.
	TargetMet *bool `json:"target_met"`
}

// Point is one dated value of a team series.
type Point struct {
	Date  time.Time `json:"date"`
	Value float64   `json:"value"`
}

func teamSeries(s *site.Site, cal calendar) []TeamSeries {
	out := make([]TeamSeries, 0, len(s.Metrics))
	for _, p := range s.Metrics {
		m := p.Metric
		if m == nil {
			continue
		}
		ts := TeamSeries{
			Slug: p.Slug, Title: p.Title, URL: p.URL, Unit: m.Unit,
			Better: m.Better, Chart: m.Chart, Points: make([]Point, len(m.Points)),
		}
		if ts.Chart == "" {
			ts.Chart = "line"
		}
		if m.HasTarget {
			ts.Target = ptr(m.Target)
		}
		for i, pt := range m.Points {
			ts.Points[i] = Point{Date: pt.Date.In(cal.loc), Value: pt.Value}
		}
		byDate := func(a, b Point) int { return a.Date.Compare(b.Date) }
		if !slices.IsSortedFunc(ts.Points, byDate) {
			slices.SortStableFunc(ts.Points, byDate)
		}
		ts.latest(cal.now)
		out = append(out, ts)
	}
	return out
}

// latest fills Latest, Previous, Change and TargetMet.
func (ts *TeamSeries) latest(now time.Time) {
	last := -1
	for i, pt := range ts.Points {
		if !pt.Date.After(now) {
			last = i
		}
	}
	if last < 0 {
		return
	}
	ts.Latest = ptr(ts.Points[last])
	if last > 0 {
		ts.Previous = ptr(ts.Points[last-1])
		ts.Change = ptr(ts.Latest.Value - ts.Previous.Value)
	}
	if ts.Target == nil {
		return
	}
	switch ts.Better {
	case "higher":
		ts.TargetMet = ptr(ts.Latest.Value >= *ts.Target)
	case "lower":
		ts.TargetMet = ptr(ts.Latest.Value <= *ts.Target)
	}
}

// SeriesBySlug returns the team series with the given slug, or nil.
func (r *Report) SeriesBySlug(slug string) *TeamSeries {
	for i := range r.Series {
		if r.Series[i].Slug == slug {
			return &r.Series[i]
		}
	}
	return nil
}
