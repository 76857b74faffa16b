package chart

import (
	"strings"
)

// Table is a chart's numbers, ready for an HTML table: one row per date,
// one column per series, a missing value written as Labels.Gap.
type Table struct {
	Caption string
	Head    []string // the date column, then one per series (and Total)
	Rows    []Row
}

// Row is one date of a table.
type Row struct {
	Date  string   // formatted as the chart's x axis
	Cells []string // one per series (and Total)
}

// TableOf returns the numbers a chart of d draws. With several series a
// Total column sums the values present; a date with none has Labels.Gap
// there too. The caption is the title, with the target when there is one.
func TableOf(d Data) Table {
	l := d.Labels.withDefaults()
	t := Table{Caption: d.Title}
	if d.Target != nil {
		t.Caption += " (" + l.Target + " " + formatValue(*d.Target, d.Unit) + ")"
	}
	unit := ""
	if d.Unit != "" {
		unit = " (" + d.Unit + ")"
	}
	t.Head = append(t.Head, l.Date)
	for _, s := range d.Series {
		name := s.Name
		if name == "" {
			name = d.Title
		}
		t.Head = append(t.Head, name+unit)
	}
	total := len(d.Series) > 1
	if total {
		t.Head = append(t.Head, l.Total+unit)
	}
	for i := range d.Dates {
		r := Row{Date: d.dateLabel(i)}
		sum, seen := 0.0, false
		for s := range d.Series {
			v := d.value(s, i)
			if v == nil {
				r.Cells = append(r.Cells, l.Gap)
				continue
			}
			sum, seen = sum+*v, true
			r.Cells = append(r.Cells, num(*v))
		}
		if total {
			if seen {
				r.Cells = append(r.Cells, num(sum))
			} else {
				r.Cells = append(r.Cells, l.Gap)
			}
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

// HTML writes the table: a caption, a header row of column headings, and
// one row per date headed by the date, with numbers in cells of class
// "num" (right-aligned by the stylesheet). Every text is escaped.
func (t Table) HTML() string {
	var b strings.Builder
	b.WriteString(`<table class="chart-table">` + "\n")
	if t.Caption != "" {
		b.WriteString("<caption>" + esc(t.Caption) + "</caption>\n")
	}
	b.WriteString("<thead><tr>")
	for _, h := range t.Head {
		b.WriteString(`<th scope="col">` + esc(h) + "</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range t.Rows {
		b.WriteString(`<tr><th scope="row">` + esc(r.Date) + "</th>")
		for _, c := range r.Cells {
			b.WriteString(`<td class="num">` + esc(c) + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
	return b.String()
}

// Figure puts a chart and its table together: the SVG, a caption with the
// title, and the table in a <details> element whose summary is
// dataLabel ("Data" when empty), open or closed by the reader and
// readable without script.
func Figure(svg string, d Data, dataLabel string) string {
	if dataLabel == "" {
		dataLabel = "Data"
	}
	var b strings.Builder
	b.WriteString(`<figure class="chart-figure">` + "\n")
	b.WriteString(svg)
	if d.Title != "" {
		b.WriteString("<figcaption>" + esc(d.Title) + "</figcaption>\n")
	}
	b.WriteString(`<details class="chart-data"><summary>` + esc(dataLabel) + "</summary>\n")
	b.WriteString(TableOf(d).HTML())
	b.WriteString("</details>\n</figure>\n")
	return b.String()
}
