// Package figures turns the figures of a metrics report into chart data:
// the weekly trend of each key, incidents by severity per month, stories
// done per week and the team's own series. It is what joins the two
// packages: chart draws plain series and knows nothing of metrics, and
// metrics computes figures and knows nothing of drawing.
package figures

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"almanac/generator/chart"
	"almanac/generator/metrics"
)

// Source is a report as the series ```chart blocks may name
// (chart.Source).
func Source(r *metrics.Report) chart.Source { return source{r} }

type source struct{ r *metrics.Report }

func (s source) Names() []string { return Names(s.r) }
func (s source) Now() time.Time  { return s.r.Now }
func (s source) Series(name string) (chart.Data, string, error) {
	return FromReport(s.r, name)
}

// Series of a report that are not the four keys nor team series.
const (
	IncidentsSeries  = "incidents"
	ThroughputSeries = "throughput"
)

// reportSeries lists the computed series, in the order a hint names them.
func reportSeries() []string {
	return []string{
		metrics.DeploymentFrequencyKey, metrics.LeadTimeKey, metrics.ChangeFailureRateKey,
		metrics.RecoveryTimeKey, metrics.TimeToRestoreKey, IncidentsSeries, ThroughputSeries,
	}
}

// Names returns every series a chart can name: the keys, incidents,
// throughput, then the team series' slugs.
func Names(r *metrics.Report) []string {
	names := reportSeries()
	for _, s := range r.Series {
		if !slices.Contains(names, s.Slug) {
			names = append(names, s.Slug)
		}
	}
	return names
}

// FromReport returns the data of a named series and the kind of chart it
// is drawn as by default. A key gives its weekly trend over the last 12
// months; incidents the months by severity; throughput the stories done
// per week; a team series' slug its points with its target. Durations are
// in hours, or in days when the largest is over three days.
func FromReport(r *metrics.Report, name string) (chart.Data, string, error) {
	week := func(title, unit string, pick func(metrics.TrendWeek) *float64) chart.Data {
		d := chart.Data{ID: "chart-" + name, Title: title, Unit: unit, DateFormat: "2006-01-02"}
		vals := make([]*float64, len(r.Trend))
		for i, w := range r.Trend {
			d.Dates = append(d.Dates, w.Start)
			vals[i] = pick(w)
		}
		d.Series = []chart.Series{{Name: title, Values: vals}}
		return d
	}
	count := func(n int) *float64 { return chart.V(float64(n)) }
	switch name {
	case metrics.DeploymentFrequencyKey:
		d := week("Deployments per week", "deployments", func(w metrics.TrendWeek) *float64 { return count(w.Deployments) })
		d.Whole = true
		return d, chart.KindBar, nil
	case metrics.LeadTimeKey:
		return chart.InDays(week("Median lead time for changes per week", metrics.UnitHours, func(w metrics.TrendWeek) *float64 { return w.LeadTime })), chart.KindLine, nil
	case metrics.ChangeFailureRateKey:
		return week("Change failure rate per week", "%", func(w metrics.TrendWeek) *float64 { return w.FailureRate }), chart.KindLine, nil
	case metrics.RecoveryTimeKey:
		return chart.InDays(week("Median failed deployment recovery time per week", metrics.UnitHours, func(w metrics.TrendWeek) *float64 { return w.Recovery })), chart.KindLine, nil
	case metrics.TimeToRestoreKey:
		return chart.InDays(week("Median incident time to restore per week", metrics.UnitHours, func(w metrics.TrendWeek) *float64 { return w.Restore })), chart.KindLine, nil
	case ThroughputSeries:
		d := chart.Data{ID: "chart-" + name, Title: "Stories done per week", Unit: "stories", DateFormat: "2006-01-02", Whole: true}
		vals := make([]*float64, len(r.Throughput.Weeks))
		for i, w := range r.Throughput.Weeks {
			d.Dates = append(d.Dates, w.Start)
			vals[i] = count(w.Done)
		}
		d.Series = []chart.Series{{Name: d.Title, Values: vals}}
		return d, chart.KindBar, nil
	case IncidentsSeries:
		return incidents(r), chart.KindStacked, nil
	}
	if ts := r.SeriesBySlug(name); ts != nil {
		return teamSeries(ts), ts.Chart, nil
	}
	return chart.Data{}, "", fmt.Errorf("unknown series %q", name)
}

// incidents is the stacked data of incidents by severity per month.
func incidents(r *metrics.Report) chart.Data {
	in := r.Incidents
	d := chart.Data{ID: "chart-incidents", Title: "Incidents by severity per month", Unit: "incidents", DateFormat: "2006-01", Whole: true}
	for _, m := range in.Months {
		d.Dates = append(d.Dates, m.Start)
	}
	for k, sev := range in.Severities {
		vals := make([]*float64, len(in.Months))
		for i, m := range in.Months {
			vals[i] = chart.V(float64(m.Counts[k]))
		}
		d.Series = append(d.Series, chart.Series{Name: sev, Class: severityClass(sev), Values: vals})
	}
	return d
}

// severityClass colours SEV1…SEV5 and the unspecified severity; any
// other value takes the colour of its position.
func severityClass(sev string) string {
	switch sev {
	case "SEV1", "SEV2", "SEV3", "SEV4", "SEV5":
		return "chart-" + strings.ToLower(sev)
	case metrics.Unspecified:
		return "chart-sev-unspecified"
	}
	return ""
}

// teamSeries is the data of one of the team's own series.
func teamSeries(ts *metrics.TeamSeries) chart.Data {
	d := chart.Data{ID: "chart-" + ts.Slug, Title: ts.Title, Unit: ts.Unit, Target: ts.Target, DateFormat: "2006-01-02"}
	vals := make([]*float64, len(ts.Points))
	for i, p := range ts.Points {
		d.Dates = append(d.Dates, p.Date)
		vals[i] = chart.V(p.Value)
	}
	d.Series = []chart.Series{{Name: ts.Title, Values: vals}}
	return d
}

// KeySparkline draws the weekly trend of a key (or any series FromReport
// knows) as a sparkline for a metric tile.
func KeySparkline(r *metrics.Report, name string) (string, error) {
	d, _, err := FromReport(r, name)
	if err != nil {
		return "", err
	}
	d.ID += "-spark"
	return chart.Render(chart.KindSparkline, d)
}
