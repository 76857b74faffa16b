package content

import (
	"io/fs"
	"path"
	"strings"

	"almanac/generator/site"
)

// Chart types a metric may ask for.
var chartTypes = []string{"line", "bar"}

// betterWays says which direction of a metric is good.
var betterWays = []string{"higher", "lower"}

// decodeMetric decodes a team series; its points come inline or from a CSV
// file beside the page, read from fsys.
func decodeMetric(d *decoder, root *node, p *site.Page, fsys fs.FS) {
	m := &site.Metric{Chart: "line"}
	p.Metric = m
	var csvNode *node
	spec := decodingSpecs()[site.KindMetric]
	points, _ := spec.Key("points")
	given := d.decodeSpec(root, spec, merge(commonSetters(d, p), map[string]setter{
		"unit":   func(n *node, path string) { m.Unit = d.str(n, path) },
		"target": func(n *node, path string) { m.Target, m.HasTarget = d.number(n, path) },
		"better": func(n *node, path string) { m.Better = d.enum(n, path, betterWays) },
		"chart": func(n *node, path string) {
			if c := d.enum(n, path, chartTypes); c != "" {
				m.Chart = c
			}
		},
		"points": func(n *node, path string) {
			m.Points = []site.MetricPoint{}
			d.list(n, path, func(item *node, ip string) {
				var pt site.MetricPoint
				d.nested(item, ip, points, map[string]setter{
					"date":  func(n *node, path string) { pt.Date = d.date(n, path) },
					"value": func(n *node, path string) { pt.Value, _ = d.number(n, path) },
				})
				m.Points = append(m.Points, pt)
			})
		},
		"csv": func(n *node, path string) { csvNode = n },
	}))
	switch {
	case given["points"] && given["csv"]:
		d.errorf(csvNode, "keep one of them", "csv: give either points or csv, not both")
	case given["csv"]:
		d.metricCSV(csvNode, m, p.Source, fsys)
	case !given["points"]:
		d.diags.ErrorHint(d.top, "add points: [{date: 2026-07-01, value: 3}] or csv: name.csv",
			"missing points or csv in %s", d.what)
	}
	if m.Points == nil {
		m.Points = []site.MetricPoint{}
	}
}

// metricCSV reads the CSV file a metric names.
func (d *decoder) metricCSV(n *node, m *site.Metric, source string, fsys fs.FS) {
	name := d.str(n, "csv")
	switch {
	case name == "":
		return
	case hasDotDot(name) || strings.HasPrefix(name, "/") || strings.Contains(name, `\`):
		d.errorf(n, "name a file in the same folder, e.g. deploys.csv", "csv: %q must be beside the page", name)
		return
	}
	file := path.Join(path.Dir(source), name)
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		d.errorf(n, "put the file in the same folder as the page", "csv: cannot read %s: %v", file, unwrapPathError(err))
		return
	}
	m.CSV = file
	points, diags := parseMetricCSV(file, data, d.loc)
	m.Points = points
	d.diags.Append(diags)
}
