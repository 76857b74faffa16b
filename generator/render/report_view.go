package render

import (
	"html/template"
	"math"
	"strconv"
	"time"

	"almanac/generator/chart"
	"almanac/generator/metrics"
	"almanac/generator/report"
	"almanac/generator/site"
)

// ReportPage is what report.html and reports.html receive as .Report.
type ReportPage struct {
	// The list: the quarters, newest first, each with its months.
	Quarters []reportQuarter

	// One report.
	R         *report.Report
	Link      reportLink
	Name      string // "Q4 2026"
	Previous  reportLink
	HasPrev   bool // the period before has a report of its own
	Narrative template.HTML
	// NarrativePage is the narrative's own page, for its edit link.
	NarrativePage *site.Page
	Keys          []reportKey
	Charts        []chartView
}

// reportQuarter is a line of the list with the months beneath it.
type reportQuarter struct {
	reportLink
	Months []reportLink
}

// reportLink names a period and where its report is.
type reportLink struct {
	Key     string
	Kind    string
	Name    string
	URL     string
	JSON    string
	From    string // first day, 2026-10-01
	To      string // last day, 2026-12-31
	Until   string // the day the figures end: To, or today while it runs
	Running bool
	// Counts for the list line.
	Releases, Stories, Incidents int
}

// reportKey is one key of a report, written out.
type reportKey struct {
	Name    string // metrics key name
	Value   string // "1.2 deployments per week", "" when missing
	Prev    string
	Change  string // "+0.4 deployments per week"
	Verdict string // report.Better, report.Worse, report.Same or ""
	N       string // "n = 3 deployments"
	PrevN   string
	Excl    int
}

// reportLink describes a period in the site's language.
func (e *env) reportLink(per report.Period) reportLink {
	l := reportLink{Key: per.Key, Kind: per.Kind, URL: per.URL(), JSON: reportJSON(per), Running: per.Running,
		Name: e.periodName(per), From: e.clk.date(per.From), To: e.clk.date(per.To.AddDate(0, 0, -1))}
	l.Until = l.To
	if per.Running {
		l.Until = e.clk.date(per.Until)
	}
	return l
}

// periodName is "Q4 2026" or "November 2026" in the site's language.
func (e *env) periodName(per report.Period) string {
	y := strconv.Itoa(per.Year)
	if per.Kind == report.Quarter {
		return e.tr.T("report.quarter", y, strconv.Itoa(per.Quarter))
	}
	m := strconv.Itoa(per.Month)
	if ms := e.tr.list("date.months"); len(ms) == 12 {
		m = ms[per.Month-1]
	}
	return e.tr.T("report.month", y, m)
}

// indexView is the list of reports.
func (x *reportExt) indexView() *ReportPage {
	e := x.p.env
	v := &ReportPage{}
	for _, per := range x.periods {
		r := x.build(per)
		l := e.reportLink(per)
		l.Releases, l.Stories, l.Incidents = len(r.Releases), r.StoriesDone, r.IncidentCount
		if per.Kind == report.Quarter || len(v.Quarters) == 0 {
			if per.Kind == report.Quarter {
				v.Quarters = append(v.Quarters, reportQuarter{reportLink: l})
				continue
			}
			v.Quarters = append(v.Quarters, reportQuarter{})
		}
		q := &v.Quarters[len(v.Quarters)-1]
		q.Months = append(q.Months, l)
	}
	return v
}

// pageView is one report as its page shows it.
func (x *reportExt) pageView(r *report.Report, narr *site.Page) *ReportPage {
	e := x.p.env
	v := &ReportPage{R: r, Link: e.reportLink(r.Period), Previous: e.reportLink(r.Previous),
		Narrative: x.narrative(narr), NarrativePage: narr}
	v.Name = v.Link.Name
	for _, per := range x.periods {
		if per.Key == r.Previous.Key {
			v.HasPrev = true
		}
	}
	for _, k := range r.Keys {
		v.Keys = append(v.Keys, e.reportKey(k))
	}
	if len(r.Releases) > 0 || r.StoriesDone > 0 {
		v.Charts = e.reportCharts(r) // flat lines at zero would say nothing
	}
	return v
}

// reportKey writes one key's figures and change out.
func (e *env) reportKey(k report.KeyChange) reportKey {
	t := e.tr.T
	out := reportKey{Name: k.Name, Verdict: k.Verdict, Excl: k.Excluded,
		N: t("metrics.n."+k.Name, k.N), PrevN: t("metrics.n."+k.Name, k.PreviousN)}
	out.Value = e.keyFigure(k.Unit, k.Value)
	out.Prev = e.keyFigure(k.Unit, k.Previous)
	if k.Change != nil {
		d := *k.Change
		sign := "+"
		if d < 0 {
			sign = "−"
		}
		if k.Verdict == report.Same {
			sign = "±"
		}
		abs := math.Abs(d)
		switch k.Unit {
		case metrics.UnitPercent:
			out.Change = sign + t("report.points", roundFigure(abs))
		case metrics.UnitPerWeek:
			out.Change = t("report.per_week", sign+figure(abs))
		case metrics.UnitHours:
			// in the unit the larger of the two values is written in:
			// "+2.1 days" beside 16.9 and 14.8 days, not "+50.8 hours"
			fig, u := e.hoursFigureAs(abs, math.Max(math.Abs(*k.Value), math.Abs(*k.Previous)))
			out.Change = sign + fig + " " + u
		default:
			out.Change = sign + e.keyFigure(k.Unit, &abs)
		}
	}
	return out
}

// keyFigure writes a key's value with its unit; "" when it is missing.
func (e *env) keyFigure(unit string, v *float64) string {
	if v == nil {
		return ""
	}
	switch unit {
	case metrics.UnitHours:
		fig, u := e.hoursFigure(*v)
		return fig + " " + u
	case metrics.UnitPercent:
		return figure(*v) + " %"
	case metrics.UnitPerWeek:
		return e.tr.T("report.per_week", roundFigure(*v))
	}
	return figure(*v)
}

// reportCharts draws the period's deployments and stories done per week.
func (e *env) reportCharts(r *report.Report) []chartView {
	dates := make([]time.Time, len(r.Weeks))
	deps := make([]float64, len(r.Weeks))
	done := make([]float64, len(r.Weeks))
	for i, w := range r.Weeks {
		dates[i] = w.Start
		deps[i], done[i] = float64(w.Deployments), float64(w.Done)
	}
	mk := func(key, title, unit string, vals []float64) chartView {
		d := chart.Data{ID: "report-" + r.Period.Key + "-" + key, Title: title, Unit: unit,
			Dates: dates, Series: []chart.Series{{Name: title, Values: chart.Values(vals...)}},
			Whole: true, Labels: e.chartLabels()}
		d.Desc = e.describeChart(d, chart.KindBar)
		return e.chartFigure(key, d, chart.KindBar)
	}
	return []chartView{
		mk("deployments", e.tr.T("report.chart.deployments"), e.tr.T("metrics.axis.deployments"), deps),
		mk("done", e.tr.T("report.chart.done"), e.tr.T("metrics.axis.stories"), done),
	}
}
