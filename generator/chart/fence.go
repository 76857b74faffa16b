package chart

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"almanac/generator/site"
)

// FenceError is a mistake in a ```chart block: where it stands (the line
// of the block, or the fence) and a hint on how to fix it.
type FenceError struct {
	Pos  site.Pos
	Msg  string
	Hint string
}

// Error returns the message and the hint; the position is in Pos, as the
// caller reports it with the fence's own position.
func (e *FenceError) Error() string {
	if e.Hint == "" {
		return e.Msg
	}
	return e.Msg + " (" + e.Hint + ")"
}

// FenceOptions configure how chart blocks render.
type FenceOptions struct {
	// DataLabel is the summary of the table under each chart; "Data" when
	// empty.
	DataLabel string
	// Labels are the words a chart writes; English when empty.
	Labels Labels
}

// Source is where chart blocks find their series: the names they may use,
// in the order a hint lists them; the data of one with the kind of chart
// it is drawn as by default; and the present that ranges end at.
type Source interface {
	Names() []string
	Series(name string) (Data, string, error)
	Now() time.Time
}

// Fence returns the renderer of ```chart blocks over the series of src, with
// the markdown package's FenceFunc signature. A block names a series and,
// optionally, a range, a chart type and a title, one "key: value" a line:
//
//	```chart
//	series: lead_time
//	range: 6 months
//	type: bar
//	title: Lead time this half-year
//	```
//
// The series may also stand alone on the first line, or follow the
// language in the info string (```chart lead_time). Series are the keys
// src names (for a metrics report: deployment_frequency, lead_time, …,
// incidents, throughput, or a team series' slug). A range is
// "N days|weeks|months|years" (or Nd, Nw, Nm, Ny) back from src's now, or "all" (the default). Lines starting with # are
// comments. Errors are *FenceError values at the offending line, with a
// hint listing what is valid.
func Fence(src Source, opts FenceOptions) func(info string, code []byte, pos site.Pos) (string, error) {
	return func(info string, code []byte, pos site.Pos) (string, error) {
		spec, err := parseFence(info, code, pos, src)
		if err != nil {
			return "", err
		}
		d, kind, err := src.Series(spec.series)
		if err != nil {
			return "", &FenceError{Pos: pos, Msg: err.Error()}
		}
		if spec.kind != "" {
			kind = spec.kind
		}
		if kind == KindStacked && len(d.Series) < 2 {
			return "", &FenceError{Pos: spec.kindPos, Msg: fmt.Sprintf("type stacked needs a series with several parts, and %s has one", spec.series),
				Hint: "use type: line or type: bar"}
		}
		if !spec.from.IsZero() {
			d = d.Since(spec.from)
		}
		if spec.title != "" {
			d.Title = spec.title
		}
		d.Labels = opts.Labels
		d.ID = fmt.Sprintf("%s-l%d", d.id(kind), pos.Line)
		svg, err := Render(kind, d)
		if err != nil {
			return "", &FenceError{Pos: spec.kindPos, Msg: err.Error(), Hint: "valid types: " + strings.Join(Kinds(), ", ")}
		}
		return Figure(svg, d, opts.DataLabel), nil
	}
}

// fenceSpec is a parsed chart block.
type fenceSpec struct {
	series  string
	kind    string
	kindPos site.Pos
	from    time.Time // zero for all
	title   string
}

// parseFence reads the info string and the block's lines.
func parseFence(info string, code []byte, pos site.Pos, src Source) (fenceSpec, error) {
	var spec fenceSpec
	seriesPos := pos
	names := src.Names()
	fields := strings.Fields(info)
	if len(fields) > 2 {
		return spec, &FenceError{Pos: pos, Msg: fmt.Sprintf("unexpected %q after the series in the info string", strings.Join(fields[2:], " ")),
			Hint: "put range, type and title on lines of their own inside the block"}
	}
	seen := map[string]bool{}
	if len(fields) == 2 {
		spec.series, seen["series"] = fields[1], true
	}
	for i, line := range strings.Split(string(code), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		at := site.Pos{File: pos.File, Line: pos.Line + 1 + i}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			key, value = "series", line
		}
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		if seen[key] {
			return spec, &FenceError{Pos: at, Msg: fmt.Sprintf("%s given twice", key), Hint: "keep one"}
		}
		seen[key] = true
		switch key {
		case "series":
			spec.series, seriesPos = value, at
		case "type":
			spec.kind, spec.kindPos = strings.ToLower(value), at
			if !slices.Contains(Kinds(), spec.kind) {
				return spec, &FenceError{Pos: at, Msg: fmt.Sprintf("unknown chart type %q", value), Hint: "valid types: " + strings.Join(Kinds(), ", ")}
			}
		case "range":
			from, err := parseRange(value, src.Now())
			if err != nil {
				return spec, &FenceError{Pos: at, Msg: err.Error(),
					Hint: `write e.g. "range: 6 months" (days, weeks, months or years) or "range: all"`}
			}
			spec.from = from
		case "title":
			spec.title = value
		default:
			return spec, &FenceError{Pos: at, Msg: fmt.Sprintf("unknown key %q", key), Hint: "valid keys: series, range, type, title"}
		}
	}
	switch {
	case spec.series == "":
		return spec, &FenceError{Pos: pos, Msg: "no series named", Hint: "name one of: " + strings.Join(names, ", ")}
	case !slices.Contains(names, spec.series):
		return spec, &FenceError{Pos: seriesPos, Msg: fmt.Sprintf("unknown series %q", spec.series), Hint: "valid series: " + strings.Join(names, ", ")}
	}
	if spec.kindPos == (site.Pos{}) {
		spec.kindPos = pos
	}
	return spec, nil
}

// parseRange reads "6 months", "6m", "all": the start of the range, zero
// for all.
func parseRange(s string, now time.Time) (time.Time, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "all" {
		return time.Time{}, nil
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(s[:i])
	if err != nil || n <= 0 || n > 1000 {
		return time.Time{}, fmt.Errorf("bad range %q", s)
	}
	unit := strings.TrimSpace(s[i:])
	switch unit {
	case "d", "day", "days":
		unit = "day"
	case "w", "week", "weeks":
		unit = "week"
	case "m", "mo", "month", "months":
		unit = "month"
	case "y", "year", "years":
		unit = "year"
	default:
		return time.Time{}, fmt.Errorf("bad range %q: unknown unit %q", s, unit)
	}
	return since(now, n, unit), nil
}
