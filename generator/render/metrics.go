package render

import (
	"bytes"
	"sync"

	"almanac/generator/chart"
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
	report  *metrics.Report
	noIndex bool
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

// metricsState is the report of one Prepared and the page views made from
// it, each built once on first use: pages render in parallel.
type metricsState struct {
	once   sync.Once
	report *metrics.Report

	viewOnce sync.Once
	view     *metricsView
}

func newMetricsState(r *metrics.Report) *metricsState { return &metricsState{report: r} }

// metricsReport returns the report, computing it at the site's Now when none was
// given.
func (e *env) metricsReport() *metrics.Report {
	st := e.metrics
	st.once.Do(func() {
		if st.report == nil {
			st.report = metrics.Compute(e.site, e.site.Now, 0)
		}
	})
	return st.report
}

// Metrics returns the report the pages show: the one given to Prepare, or
// the one computed for the site when none was.
func (p *Prepared) Metrics() *metrics.Report { return p.env.metricsReport() }

// ChartFence returns the renderer of ```chart blocks over the report, with
// the table summary and the words of the charts in the site's language.
// Its signature is the markdown package's FenceFunc.
func (p *Prepared) ChartFence() func(info string, code []byte, pos site.Pos) (string, error) {
	return chart.Fence(p.Metrics(), chart.FenceOptions{DataLabel: p.env.tr.T("metrics.data"), Labels: p.env.chartLabels()})
}

// metricsJobs make /metrics/, /actions/ and /metrics.json. The team series
// pages are content pages (PageJobs) with the metric.html layout.
func (p *Prepared) metricsJobs() []Job {
	src := p.metricsSources()
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
			data, err := metrics.JSON(p.Metrics())
			if err != nil {
				return err
			}
			b.Write(data)
			return nil
		}},
	}
}

// metricsSources are the files every figure is computed from: stories,
// releases, post-mortems, team series and the CSV files beside them.
func (p *Prepared) metricsSources() []string {
	s := p.s
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
