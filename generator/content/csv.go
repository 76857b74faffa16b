package content

import (
	"encoding/csv"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"almanac/generator/site"
)

// parseMetricCSV reads a metric's points from a CSV file with the header
// "date,value". Problems are reported at file:line:col of the CSV file.
func parseMetricCSV(file string, data []byte, loc *time.Location) ([]site.MetricPoint, site.Diagnostics) {
	var diags site.Diagnostics
	points := []site.MetricPoint{}
	r := csv.NewReader(strings.NewReader(string(normalize(data))))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		diags.ErrorHint(site.Pos{File: file, Line: 1, Col: 1}, `the first line must be "date,value"`,
			"CSV has no header: %v", csvErr(err))
		return points, diags
	}
	if len(header) != 2 || !strings.EqualFold(strings.TrimSpace(header[0]), "date") ||
		!strings.EqualFold(strings.TrimSpace(header[1]), "value") {
		diags.ErrorHint(site.Pos{File: file, Line: 1, Col: 1}, `the first line must be "date,value"`,
			"CSV header is %q", strings.Join(header, ","))
		return points, diags
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			pos := site.Pos{File: file}
			if errors.As(err, &pe) {
				pos.Line, pos.Col = pe.Line, pe.Column
			}
			diags.Errorf(pos, "malformed CSV: %v", csvErr(err))
			break
		}
		line, col := r.FieldPos(0)
		if len(rec) != 2 {
			diags.ErrorHint(site.Pos{File: file, Line: line, Col: col}, "write date,value",
				"CSV row has %d fields, want 2", len(rec))
			continue
		}
		t, err := parseDate(strings.TrimSpace(rec[0]), loc)
		if err != nil {
			diags.ErrorHint(site.Pos{File: file, Line: line, Col: col}, "write dates as YYYY-MM-DD",
				"%q is not a date", rec[0])
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(rec[1]), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			vl, vc := r.FieldPos(1)
			diags.Errorf(site.Pos{File: file, Line: vl, Col: vc}, "%q is not a number", rec[1])
			continue
		}
		points = append(points, site.MetricPoint{Date: t, Value: v})
	}
	return points, diags
}

func csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
