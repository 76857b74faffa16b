package render

import (
	"html/template"
	"time"

	"almanac/generator/metrics"
	"almanac/generator/site"
)

// seriesView is one of the team's own series: its latest reading against
// its target, a sparkline for the list and the full chart for its page.
type seriesView struct {
	Title string
	URL   string
	Unit  string

	HasLatest bool
	Latest    string // the newest value not after now, with its unit
	LatestAt  time.Time
	Change    string // since the reading before, signed; "" without one

	Target string // with its unit; "" without a target
	Better string // "higher is better"; "" without a direction
	Met    string // "met" or "missed" when the latest reading is judged, else ""

	Points int
	Spark  template.HTML
	Chart  chartView
}

func (e *env) series(r *metrics.Report, ts *metrics.TeamSeries) seriesView {
	sv := seriesView{Title: ts.Title, URL: ts.URL, Unit: ts.Unit, Points: len(ts.Points)}
	if ts.TargetMet != nil {
		sv.Met = map[bool]string{true: "met", false: "missed"}[*ts.TargetMet]
	}
	if ts.Latest != nil {
		sv.HasLatest, sv.Latest, sv.LatestAt = true, withUnit(ts.Latest.Value, ts.Unit), ts.Latest.Date
	}
	if ts.Change != nil {
		sv.Change = signed(*ts.Change)
	}
	if ts.Target != nil {
		sv.Target = withUnit(*ts.Target, ts.Unit)
	}
	if ts.Better != "" {
		sv.Better = e.tr.T("metrics.better." + ts.Better)
	}
	if d, kind, ok := e.reportChart(r, ts.Slug); ok {
		sv.Spark = e.sparkline(d)
		sv.Chart = e.chartFigure(ts.Slug, d, kind)
	}
	return sv
}

// signed writes a change with its sign: "+0.02", "−3", "0".
func signed(v float64) string {
	switch s := formatNumber(v); {
	case s == "0" || s == "-0":
		return "0"
	case v < 0:
		return "−" + s[1:]
	default:
		return "+" + s
	}
}

// metricSeries returns the series a team series page shows, nil for any
// other page.
func (x *metricsExt) metricSeries(p *site.Page) *seriesView {
	if p == nil || p.Metric == nil {
		return nil
	}
	v := x.metricsView()
	for i := range v.Series {
		if v.Series[i].URL == p.URL {
			return &v.Series[i]
		}
	}
	return nil
}
