package render

import (
	"time"

	"almanac/generator/figures"
	"almanac/generator/metrics"
)

// metricsView is everything the metrics pages and the home page's tiles
// show, made once per Prepared from the report, in the site's language.
type metricsView struct {
	Report *metrics.Report
	From   time.Time // the window, both ends included
	To     time.Time
	Days   int

	// Tiles are the four keys, then incident time to restore.
	Tiles []keyTile
	// Trends are the weekly trend charts of the same five, in the same
	// order.
	Trends []chartView
	Failed []failedView
	Bands  []bandTable
	// BandSource names the report the bands come from; no key has a band
	// below MinBandN items.
	BandSource string
	MinBandN   int

	Incidents          chartView
	IncidentsExcluded  []exclusionView
	Throughput         chartView
	ThroughputExcluded []exclusionView
	ThroughputBasis    string

	VOC vocView

	Series  []seriesView
	Actions actionsView
}

// Keys are the four keys without time to restore, for the home page.
func (v *metricsView) Keys() []keyTile { return v.Tiles[:4] }

// failedView is one failed deployment of the window: why it counts as
// failed and what recovered it.
type failedView struct {
	Version     string
	URL         string
	ReleasedAt  time.Time
	Reasons     []reasonView
	RecoveredAt time.Time // zero when no recovery moment is known
	RecoveredBy *reasonView
	Recovery    string // the duration written out
}

// reasonView is one piece of evidence, named in the site's language.
type reasonView struct {
	Kind string // the kind's words
	Ref  string // a post-mortem id or a hotfix version; "" for a rollback
	URL  string
}

func (e *env) newMetricsView(r *metrics.Report) *metricsView {
	v := &metricsView{Report: r, From: r.Window.From, To: r.Window.To, Days: r.Window.Days}
	v.Tiles = e.tiles(r)
	for _, t := range v.Tiles {
		if d, kind, ok := e.reportChart(r, t.Key); ok {
			v.Trends = append(v.Trends, e.chartFigure(t.Key, d, kind))
		}
	}
	for _, f := range r.ChangeFailureRate.Failed {
		v.Failed = append(v.Failed, e.failed(f))
	}
	v.Bands = e.bandTables(r)
	v.BandSource, v.MinBandN = e.lookupOr("metrics.band_source", metrics.BandSource), metrics.MinBandN
	if d, kind, ok := e.reportChart(r, figures.IncidentsSeries); ok {
		v.Incidents = e.chartFigure(figures.IncidentsSeries, d, kind)
	}
	v.IncidentsExcluded = e.exclusions(r.Incidents.Excluded)
	if d, kind, ok := e.reportChart(r, figures.ThroughputSeries); ok {
		v.Throughput = e.chartFigure(figures.ThroughputSeries, d, kind)
	}
	v.ThroughputExcluded = e.exclusions(r.Throughput.Excluded)
	v.ThroughputBasis = e.lookupOr("metrics.basis", r.Throughput.Basis)
	v.VOC = e.vocView(r.VOC)
	for i := range r.Series {
		v.Series = append(v.Series, e.series(r, &r.Series[i]))
	}
	v.Actions = e.actions(r)
	return v
}

func (e *env) failed(f metrics.FailedDeployment) failedView {
	fv := failedView{Version: f.Version, URL: f.URL, ReleasedAt: f.ReleasedAt}
	for _, rs := range f.Reasons {
		fv.Reasons = append(fv.Reasons, e.reason(rs))
	}
	if f.RecoveredAt != nil {
		fv.RecoveredAt = *f.RecoveredAt
	}
	if f.RecoveredBy != nil {
		rv := e.reason(*f.RecoveredBy)
		fv.RecoveredBy = &rv
	}
	if f.RecoveryHours != nil {
		fv.Recovery = e.hoursText(*f.RecoveryHours)
	}
	return fv
}

func (e *env) reason(r metrics.Reason) reasonView {
	rv := reasonView{Kind: e.tr.T("metrics.reason." + r.Kind), URL: r.URL}
	if r.Kind != metrics.ReasonRolledBack {
		rv.Ref = r.Ref
	}
	return rv
}

// vocView counts stories by the source and the customer of their voice of
// the customer, with each count's share of the largest for a bar.
type vocView struct {
	Stories, Entries int
	Sources          []vocRow
	Customers        []vocRow
}

type vocRow struct {
	Name    string
	Stories int
	Entries int
	Width   string // the bar's length, 0–100, of the largest count
}

func (e *env) vocView(c metrics.VOCCounts) vocView {
	rows := func(list []metrics.NameCount) []vocRow {
		top := 0
		for _, n := range list {
			top = max(top, n.Stories)
		}
		out := make([]vocRow, len(list))
		for i, n := range list {
			w := 0.0
			if top > 0 {
				w = 100 * float64(n.Stories) / float64(top)
			}
			out[i] = vocRow{Name: n.Name, Stories: n.Stories, Entries: n.Entries, Width: formatNumber(w)}
			if n.Name == metrics.Unspecified {
				out[i].Name = e.tr.T("metrics.unspecified")
			}
		}
		return out
	}
	return vocView{Stories: c.Stories, Entries: c.Entries, Sources: rows(c.Sources), Customers: rows(c.Customers)}
}
