package render

import (
	"html/template"
	"strconv"

	"almanac/generator/metrics"
)

// keyTile is one key as a tile: the figure large with its unit, the band
// with its report year, n and the exclusions with their reasons, the
// definition and a sparkline of the weekly trend.
type keyTile struct {
	Key        string // deployment_frequency, …: the anchor of its section
	Name       string
	Definition string

	HasValue bool
	Figure   string // "21.5"
	Unit     string // "days"
	Exact    string // the duration written out, "21 d 11 h", for durations
	Sub      string // a second reading: per month, failed of all

	N     int
	NText string // "10 stories"

	Band     string // "One month", in the site's language; "" for none
	BandRule string
	BandYear string
	BandRank int    // 0 for the best band, for its colour
	NoBand   string // why there is no band

	Excluded      []exclusionView
	ExcludedCount int
	Notes         []exclusionView

	Spark template.HTML
}

// exclusionView is one reason items were left out, with a few of them.
type exclusionView struct {
	Count    int
	Reason   string
	Examples []string
}

// lookupOr returns the table's string for key, or def when neither the
// language's nor the English table has one: the metrics package's own
// English sentences stay the one source, and other languages translate
// them by code.
func (e *env) lookupOr(key, def string) string {
	if s, ok := e.tr.lookup(key); ok {
		return s
	}
	return def
}

// tiles returns the four keys and incident time to restore as tiles.
func (e *env) tiles(r *metrics.Report) []keyTile {
	df := e.tile(r, r.DeploymentFrequency.Key)
	if v := r.DeploymentFrequency.Value; v != nil {
		df.Figure, df.Unit = figure(*v), e.tr.T("metrics.unit.per_week")
		df.Sub = e.tr.T("metrics.sub.per_month", roundFigure(r.DeploymentFrequency.PerMonth))
	}
	cfr := e.tile(r, r.ChangeFailureRate.Key)
	if v := r.ChangeFailureRate.Value; v != nil {
		cfr.Figure, cfr.Unit = figure(*v), "%"
		cfr.Sub = e.tr.T("metrics.sub.failed", len(r.ChangeFailureRate.Failed), r.ChangeFailureRate.N)
	}
	return []keyTile{df, e.tile(r, r.LeadTime), cfr, e.tile(r, r.RecoveryTime), e.tile(r, r.TimeToRestore)}
}

// tile makes the parts every key shares; durations get their figure here,
// the other keys in tiles.
func (e *env) tile(r *metrics.Report, k metrics.Key) keyTile {
	t := keyTile{
		Key:           k.Name,
		Name:          e.tr.T("metrics.key." + k.Name),
		Definition:    e.lookupOr("metrics.def."+k.Name, k.Definition),
		HasValue:      k.Value != nil,
		Figure:        "–",
		N:             k.N,
		NText:         e.tr.T("metrics.n."+k.Name, k.N),
		ExcludedCount: k.ExcludedCount(),
		Excluded:      e.exclusions(k.Excluded),
		Notes:         e.exclusions(k.Notes),
	}
	if k.Value != nil && k.Unit == metrics.UnitHours {
		t.Figure, t.Unit = e.hoursFigure(*k.Value)
		t.Exact = e.hoursText(*k.Value)
	}
	switch {
	case k.Band != nil:
		t.Band = e.lookupOr("metrics.band."+k.Band.Name, k.Band.Name)
		t.BandRule = e.lookupOr("metrics.rule."+k.Band.Name, k.Band.Rule)
		t.BandYear = strconv.Itoa(k.Band.Year)
		for i, row := range metrics.BandTable(k.Name) {
			if row.Name == k.Band.Name {
				t.BandRank = i
			}
		}
	case k.Value == nil:
		t.NoBand = e.tr.T("metrics.no_band.value")
	case k.N < metrics.MinBandN:
		t.NoBand = e.tr.T("metrics.no_band.n", metrics.MinBandN)
	default:
		t.NoBand = e.tr.T("metrics.no_band.other")
	}
	if d, _, ok := e.reportChart(r, k.Name); ok {
		t.Spark = e.sparkline(d)
	}
	return t
}

// exclusions are the reasons items were left out, in the site's language.
func (e *env) exclusions(list []metrics.Exclusion) []exclusionView {
	out := make([]exclusionView, 0, len(list))
	for _, x := range list {
		out = append(out, exclusionView{Count: x.Count, Reason: e.lookupOr("metrics.excl."+x.Code, x.Reason), Examples: x.Examples})
	}
	return out
}

// bandTable is the scale of one key, fastest first, with the band the
// key is in marked.
type bandTable struct {
	Key  string
	Name string
	Rows []bandRow
}

type bandRow struct {
	Name    string
	Rule    string
	Current bool
}

// bandTables are the scales of the four keys and time to restore.
func (e *env) bandTables(r *metrics.Report) []bandTable {
	var out []bandTable
	for _, k := range []metrics.Key{r.DeploymentFrequency.Key, r.LeadTime, r.ChangeFailureRate.Key, r.RecoveryTime, r.TimeToRestore} {
		bt := bandTable{Key: k.Name, Name: e.tr.T("metrics.key." + k.Name)}
		for _, row := range metrics.BandTable(k.Name) {
			bt.Rows = append(bt.Rows, bandRow{
				Name:    e.lookupOr("metrics.band."+row.Name, row.Name),
				Rule:    e.lookupOr("metrics.rule."+row.Name, row.Rule),
				Current: k.Band != nil && k.Band.Name == row.Name,
			})
		}
		out = append(out, bt)
	}
	return out
}
