package render

import (
	"html/template"
	"strings"

	"almanac/generator/chart"
	"almanac/generator/figures"
	"almanac/generator/metrics"
)

// chartView is one chart of a page, drawn and put in a figure with its
// numbers in a table.
type chartView struct {
	Key   string // the series' name, also the anchor of its section
	Title string
	HTML  template.HTML
}

// chartLabels are the words charts write, in the site's language.
func (e *env) chartLabels() chart.Labels {
	return chart.Labels{
		Date:   e.tr.T("metrics.chart.date"),
		Target: e.tr.T("metrics.chart.target"),
		Total:  e.tr.T("metrics.chart.total"),
		NoData: e.tr.T("metrics.chart.no_data"),
		Gap:    "–",
	}
}

// axisUnits are the units FromReport writes, with their table keys.
var axisUnits = map[string]string{
	"deployments":     "metrics.axis.deployments",
	metrics.UnitHours: "metrics.axis.hours",
	"days":            "metrics.axis.days",
	"stories":         "metrics.axis.stories",
	"incidents":       "metrics.axis.incidents",
}

// reportChart returns a series of the report as chart data in the site's
// language, with the kind of chart it is drawn as. Team series keep the
// title and unit their page gives.
func (e *env) reportChart(r *metrics.Report, name string) (chart.Data, string, bool) {
	d, kind, err := figures.FromReport(r, name)
	if err != nil {
		return chart.Data{}, "", false
	}
	d.Labels = e.chartLabels()
	if r.SeriesBySlug(name) == nil {
		d.Title = e.tr.T("metrics.title." + name)
		if key, ok := axisUnits[d.Unit]; ok {
			d.Unit = e.tr.T(key)
		}
	}
	for i := range d.Series {
		switch {
		case len(d.Series) == 1:
			d.Series[i].Name = d.Title
		case d.Series[i].Name == metrics.Unspecified:
			d.Series[i].Name = e.tr.T("metrics.unspecified")
		}
	}
	d.Desc = e.describeChart(d, kind)
	return d, kind, true
}

// chartFigure draws the data as kind and puts it in a figure with its
// table.
func (e *env) chartFigure(key string, d chart.Data, kind string) chartView {
	svg, err := chart.Render(kind, d)
	if err != nil {
		svg, _ = chart.Render(chart.KindLine, d)
	}
	return chartView{Key: key, Title: d.Title, HTML: template.HTML(chart.Figure(svg, d, e.tr.T("metrics.data")))}
}

// sparkline draws the data as a sparkline for a tile or a card.
func (e *env) sparkline(d chart.Data) template.HTML {
	d.ID += "-spark"
	d.Desc = e.describeChart(d, chart.KindSparkline)
	svg, _ := chart.Render(chart.KindSparkline, d)
	return template.HTML(svg)
}

// describeChart writes the text alternative of a chart in the site's
// language: its kind and span, how many dates have data, the lowest,
// highest and latest value (totals of stacked parts), and the target.
func (e *env) describeChart(d chart.Data, kind string) string {
	t := e.tr.T
	layout := d.DateFormat
	if layout == "" {
		layout = "2006-01-02"
	}
	what := t("metrics.desc." + kind)
	var parts []string
	if len(d.Dates) == 0 {
		parts = append(parts, what+".", t("metrics.chart.no_data")+".")
		return strings.Join(parts, " ")
	}
	parts = append(parts, t("metrics.desc.span", what, d.Dates[0].Format(layout), d.Dates[len(d.Dates)-1].Format(layout)))
	if kind == chart.KindStacked && len(d.Series) > 1 {
		names := make([]string, len(d.Series))
		for i, s := range d.Series {
			names[i] = s.Name
		}
		parts = append(parts, t("metrics.desc.parts", strings.Join(names, t("list.sep"))))
	}
	n, lastAt := 0, 0
	var lo, hi, last float64
	for i := range d.Dates {
		v, ok := dateTotal(d, i)
		if !ok {
			continue
		}
		if n == 0 || v < lo {
			lo = v
		}
		if n == 0 || v > hi {
			hi = v
		}
		n, last, lastAt = n+1, v, i
	}
	if n == 0 {
		parts = append(parts, t("metrics.chart.no_data")+".")
	} else {
		parts = append(parts, t("metrics.desc.values", n, len(d.Dates), withUnit(lo, d.Unit), withUnit(hi, d.Unit),
			withUnit(last, d.Unit), d.Dates[lastAt].Format(layout)))
	}
	if d.Target != nil {
		parts = append(parts, t("metrics.desc.target", withUnit(*d.Target, d.Unit)))
	}
	return strings.Join(parts, " ")
}

// dateTotal sums the values present at date i; false when none is.
func dateTotal(d chart.Data, i int) (float64, bool) {
	sum, ok := 0.0, false
	for _, s := range d.Series {
		if i < len(s.Values) && s.Values[i] != nil {
			sum, ok = sum+*s.Values[i], true
		}
	}
	return sum, ok
}

// withUnit writes a number with its unit: "12.5 hours", "40%".
func withUnit(v float64, unit string) string {
	switch unit {
	case "":
		return formatNumber(v)
	case "%":
		return formatNumber(v) + "%"
	}
	return formatNumber(v) + " " + unit
}
