package chart

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"almanac/generator/metrics"
)

// Chart kinds.
const (
	KindLine      = "line"
	KindBar       = "bar"
	KindStacked   = "stacked"
	KindSparkline = "sparkline"
)

// Kinds lists the chart kinds in the order a hint names them.
func Kinds() []string { return []string{KindLine, KindBar, KindStacked, KindSparkline} }

// Series of a report that are not team series.
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
func FromReport(r *metrics.Report, name string) (Data, string, error) {
	week := func(title, unit string, pick func(metrics.TrendWeek) *float64) Data {
		d := Data{ID: "chart-" + name, Title: title, Unit: unit, DateFormat: "2006-01-02"}
		vals := make([]*float64, len(r.Trend))
		for i, w := range r.Trend {
			d.Dates = append(d.Dates, w.Start)
			vals[i] = pick(w)
		}
		d.Series = []Series{{Name: title, Values: vals}}
		return d
	}
	count := func(n int) *float64 { return V(float64(n)) }
	switch name {
	case metrics.DeploymentFrequencyKey:
		d := week("Deployments per week", "deployments", func(w metrics.TrendWeek) *float64 { return count(w.Deployments) })
		d.Whole = true
		return d, KindBar, nil
	case metrics.LeadTimeKey:
		return inDays(week("Median lead time for changes per week", metrics.UnitHours, func(w metrics.TrendWeek) *float64 { return w.LeadTime })), KindLine, nil
	case metrics.ChangeFailureRateKey:
		return week("Change failure rate per week", "%", func(w metrics.TrendWeek) *float64 { return w.FailureRate }), KindLine, nil
	case metrics.RecoveryTimeKey:
		return inDays(week("Median failed deployment recovery time per week", metrics.UnitHours, func(w metrics.TrendWeek) *float64 { return w.Recovery })), KindLine, nil
	case metrics.TimeToRestoreKey:
		return inDays(week("Median incident time to restore per week", metrics.UnitHours, func(w metrics.TrendWeek) *float64 { return w.Restore })), KindLine, nil
	case ThroughputSeries:
		d := Data{ID: "chart-" + name, Title: "Stories done per week", Unit: "stories", DateFormat: "2006-01-02", Whole: true}
		vals := make([]*float64, len(r.Throughput.Weeks))
		for i, w := range r.Throughput.Weeks {
			d.Dates = append(d.Dates, w.Start)
			vals[i] = count(w.Done)
		}
		d.Series = []Series{{Name: d.Title, Values: vals}}
		return d, KindBar, nil
	case IncidentsSeries:
		return incidents(r), KindStacked, nil
	}
	if ts := r.SeriesBySlug(name); ts != nil {
		return teamSeries(ts), ts.Chart, nil
	}
	return Data{}, "", fmt.Errorf("unknown series %q", name)
}

// incidents is the stacked data of incidents by severity per month.
func incidents(r *metrics.Report) Data {
	in := r.Incidents
	d := Data{ID: "chart-incidents", Title: "Incidents by severity per month", Unit: "incidents", DateFormat: "2006-01", Whole: true}
	for _, m := range in.Months {
		d.Dates = append(d.Dates, m.Start)
	}
	for k, sev := range in.Severities {
		vals := make([]*float64, len(in.Months))
		for i, m := range in.Months {
			vals[i] = V(float64(m.Counts[k]))
		}
		d.Series = append(d.Series, Series{Name: sev, Class: severityClass(sev), Values: vals})
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
func teamSeries(ts *metrics.TeamSeries) Data {
	d := Data{ID: "chart-" + ts.Slug, Title: ts.Title, Unit: ts.Unit, Target: ts.Target, DateFormat: "2006-01-02"}
	vals := make([]*float64, len(ts.Points))
	for i, p := range ts.Points {
		d.Dates = append(d.Dates, p.Date)
		vals[i] = V(p.Value)
	}
	d.Series = []Series{{Name: ts.Title, Values: vals}}
	return d
}

// inDays turns hours into days when the largest value is over 72 hours.
func inDays(d Data) Data {
	if _, hi, ok := d.extent(); !ok || hi <= 72 {
		return d
	}
	d.Unit = "days"
	for s := range d.Series {
		vals := make([]*float64, len(d.Series[s].Values))
		for i, v := range d.Series[s].Values {
			if v != nil {
				vals[i] = V(*v / 24)
			}
		}
		d.Series[s].Values = vals
	}
	if d.Target != nil {
		d.Target = V(*d.Target / 24)
	}
	return d
}

// Render draws d as the given kind. Stacked data drawn as a line, a bar
// or a sparkline shows the totals per date.
func Render(kind string, d Data) (string, error) {
	if kind != KindStacked && len(d.Series) > 1 {
		d = totals(d)
	}
	switch kind {
	case KindLine:
		return Line(d), nil
	case KindBar:
		return Bar(d), nil
	case KindStacked:
		return Stacked(d), nil
	case KindSparkline:
		return Sparkline(d), nil
	}
	return "", fmt.Errorf("unknown chart type %q", kind)
}

// totals sums the series of d into one; a date with no value stays a gap.
func totals(d Data) Data {
	vals := make([]*float64, len(d.Dates))
	for i := range d.Dates {
		for s := range d.Series {
			if v := d.value(s, i); v != nil {
				if vals[i] == nil {
					vals[i] = V(0)
				}
				*vals[i] += *v
			}
		}
	}
	d.Series = []Series{{Name: d.Title, Values: vals}}
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
	return Render(KindSparkline, d)
}

// since returns the start of a range that ends at now: n units back, in
// the report's time zone.
func since(now time.Time, n int, unit string) time.Time {
	switch unit {
	case "day":
		return now.AddDate(0, 0, -n)
	case "week":
		return now.AddDate(0, 0, -7*n)
	case "month":
		return now.AddDate(0, -n, 0)
	}
	return now.AddDate(-n, 0, 0)
}
