package render

import (
	"bytes"
	"html/template"
	"sync"

	"almanac/generator/chart"
	"almanac/generator/figures"
	"almanac/generator/metrics"
	"almanac/generator/site"
)

// Outputs of the metrics pages.
const (
	actionsURL  = "/actions/"
	metricsJSON = "metrics.json"
)

// PrepareOption configures Prepare.
type PrepareOption func(*prepareConfig)

type prepareConfig struct {
	report      *metrics.Report
	noIndex     bool
	searchCache *SearchCache // see WithSearchCache
	once        bool         // see Once
}

// Once prepares the one site a renderer is made for: its templates are
// bound to the site as they are instead of copied, and the renderer
// cannot be prepared again. A build makes a renderer for each run; the
// copies were a third of a 10,000-page build's live objects, which the
// collector marks again on every cycle.
func Once() PrepareOption {
	return func(c *prepareConfig) { c.once = true }
}

// WithoutIndex prepares a site whose search index is never written: the
// search page is made, but pages are not indexed and there are no index
// files. For runs that keep no output, such as the check command.
func WithoutIndex() PrepareOption {
	return func(c *prepareConfig) { c.noIndex = true }
}

// WithMetrics hands Prepare the figures a build computed once for the
// site, so that the metrics pages, the home page's tiles, the team series
// pages and ```chart blocks all read the same report. Without it the
// report is computed on first use, at the site's Now.
func WithMetrics(r *metrics.Report) PrepareOption {
	return func(c *prepareConfig) { c.report = r }
}

// metricsExt is the metrics extension: /metrics/, /actions/,
// /metrics.json, the views the home page's tiles and the team series pages
// read, and ```chart blocks. The report is the one given to Prepare, or
// computed on first use at the site's Now; the views are made once on
// first use (pages render in parallel).
type metricsExt struct {
	p      *Prepared
	once   sync.Once
	report *metrics.Report

	viewOnce sync.Once
	view     *metricsView
}

func (x *metricsExt) funcs() template.FuncMap {
	return template.FuncMap{
		// the view of /metrics/ and the home tiles; a team series
		"metrics":      x.metricsView,
		"metricSeries": x.metricSeries,
	}
}

// fences draw ```chart blocks from the report, with the table summary and
// the words of the charts in the site's language.
func (x *metricsExt) fences() map[string]FenceFunc {
	e := x.p.env
	return map[string]FenceFunc{
		"chart": chart.Fence(figures.Source(x.figures()), chart.FenceOptions{DataLabel: e.tr.T("metrics.data"), Labels: e.chartLabels()}),
	}
}

// figures returns the report, computing it at the site's Now when none was
// given.
func (x *metricsExt) figures() *metrics.Report {
	x.once.Do(func() {
		if x.report == nil {
			x.report = metrics.Compute(x.p.s, x.p.s.Now, 0)
		}
	})
	return x.report
}

// metricsView returns the view of the report, made on first use.
func (x *metricsExt) metricsView() *metricsView {
	x.viewOnce.Do(func() { x.view = x.p.env.newMetricsView(x.figures()) })
	return x.view
}

// Metrics returns the report the pages show: the one given to Prepare, or
// the one computed for the site when none was.
func (p *Prepared) Metrics() *metrics.Report { return p.metrics.figures() }

// jobs make /metrics/, /actions/ and /metrics.json. The team series pages
// are content pages (PageJobs) with the metric.html layout.
func (x *metricsExt) jobs() []Job {
	p := x.p
	src := x.homeSources()
	mk := kindInfo(site.KindMetric)
	m := p.data(mk.ListLayout, mk.ListURL, p.env.tr.T(mk.NavKey))
	m.Section = mk.Folder
	a := p.data("actions.html", actionsURL, p.env.tr.T("nav.actions"))
	a.Section = "actions"
	var pms []string
	pms = appendSources(pms, p.s.PostMortems...)
	return []Job{
		p.pageJob(m, "", src),
		p.pageJob(a, "", pms),
		{Name: metricsJSON, Sources: src, make: func(b *bytes.Buffer) error {
			data, err := metrics.JSON(x.figures())
			if err != nil {
				return err
			}
			b.Write(data)
			return nil
		}},
	}
}

// homeSources are the files every figure is computed from: stories,
// releases, post-mortems, team series and the CSV files beside them. The
// home page's tiles show the figures.
func (x *metricsExt) homeSources() []string {
	s := x.p.s
	var src []string
	src = appendSources(src, s.Stories...)
	src = appendSources(src, s.Releases...)
	src = appendSources(src, s.PostMortems...)
	src = appendSources(src, s.Metrics...)
	for _, pg := range s.Metrics {
		if pg.Metric != nil && pg.Metric.CSV != "" {
			src = append(src, pg.Metric.CSV) // site-relative, like Source
		}
	}
	return src
}
