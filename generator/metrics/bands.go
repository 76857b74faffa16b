package metrics

import "math"

// The performance bands are those of the Four Keys project (DORA's
// reference dashboard), which buckets each key by the thresholds of the
// 2019 Accelerate State of DevOps report over the last three months:
//
//	key                        band         rule
//	deployment frequency       Daily        median days with a deployment per ISO week ≥ 3
//	                           Weekly       median over weeks of "had a deployment" (0 or 1) ≥ 1
//	                           Monthly      median deployments per calendar month ≥ 1
//	                           Yearly       anything slower
//	lead time, recovery time,  One day      median < 24 h
//	time to restore            One week     median < 168 h
//	                           One month    median < 730 h
//	                           Six months   median < 4,380 h
//	                           One year     anything slower
//	change failure rate        0–15%        rate ≤ 15%
//	                           16–45%       15% < rate < 46%
//	                           46–60%       rate ≥ 46% (the report's range for the
//	                                        slowest group; the rule itself has no cap)
//
// The Four Keys dashboard uses its time-to-restore thresholds for incidents;
// they are used here both for incident time to restore and for failed
// deployment recovery time, the later name of the same key.

// BandYear is the year of the report the band thresholds come from.
const BandYear = 2019

// BandSource names where the thresholds come from.
const BandSource = "DORA Accelerate State of DevOps Report 2019, bucketed as the Four Keys project does"

// BandRow is one row of a band table: the band's name and its rule in
// words.
type BandRow struct {
	Name string `json:"name"`
	Rule string `json:"rule"`
}

// durationRow is a band of a duration key: medians below Below hours.
type durationRow struct {
	BandRow
	below float64
}

func durationBands() []durationRow {
	return []durationRow{
		{BandRow{"One day", "median under 24 hours"}, 24},
		{BandRow{"One week", "median under one week (168 hours)"}, 168},
		{BandRow{"One month", "median under one month (730 hours)"}, 730},
		{BandRow{"Six months", "median under six months (4,380 hours)"}, 730 * 6},
		{BandRow{"One year", "median of six months or more"}, math.Inf(1)},
	}
}

// rateRow is a band of the change failure rate: rates below limit
// percent, or equal to it when inclusive.
type rateRow struct {
	BandRow
	limit     float64
	inclusive bool
}

func rateBands() []rateRow {
	return []rateRow{
		{BandRow{"0–15%", "15% or less"}, 15, true},
		{BandRow{"16–45%", "over 15% and under 46%"}, 46, false},
		{BandRow{"46–60%", "46% or more"}, math.Inf(1), false},
	}
}

func frequencyBands() []BandRow {
	return []BandRow{
		{"Daily", "over the last 90 days, the median number of days per ISO week with a deployment is 3 or more"},
		{"Weekly", "over the last 90 days, most ISO weeks have a deployment"},
		{"Monthly", "over the last 90 days, most calendar months have a deployment"},
		{"Yearly", "over the last 90 days, fewer than most months have a deployment"},
	}
}

// BandTable returns the bands of a key, fastest first, for a page that
// shows the whole scale; nil for an unknown key.
func BandTable(key string) []BandRow {
	var out []BandRow
	switch key {
	case DeploymentFrequencyKey:
		out = frequencyBands()
	case LeadTimeKey, RecoveryTimeKey, TimeToRestoreKey:
		for _, r := range durationBands() {
			out = append(out, r.BandRow)
		}
	case ChangeFailureRateKey:
		for _, r := range rateBands() {
			out = append(out, r.BandRow)
		}
	}
	return out
}

func band(r BandRow) *Band {
	return &Band{Name: r.Name, Rule: r.Rule, Year: BandYear, Source: BandSource}
}

// durationBand places a median in hours.
func durationBand(h float64) *Band {
	for _, r := range durationBands() {
		if h < r.below {
			return band(r.BandRow)
		}
	}
	return nil
}

// rateBand places a failure rate in percent.
func rateBand(pct float64) *Band {
	for _, r := range rateBands() {
		if pct < r.limit || (r.inclusive && pct == r.limit) {
			return band(r.BandRow)
		}
	}
	return nil
}

// frequencyBand applies the Four Keys rule to deployment days: for each
// ISO week touching the span, the number of distinct days with a
// deployment; for each calendar month touching it, the number of
// deployments.
func frequencyBand(daysPerWeek, perMonth []int) *Band {
	rows := frequencyBands()
	deployed := make([]int, len(daysPerWeek))
	for i, d := range daysPerWeek {
		if d > 0 {
			deployed[i] = 1
		}
	}
	switch {
	case len(daysPerWeek) == 0:
		return nil
	case medianOf(daysPerWeek) >= 3:
		return band(rows[0])
	case medianOf(deployed) >= 1:
		return band(rows[1])
	case medianOf(perMonth) >= 1:
		return band(rows[2])
	}
	return band(rows[3])
}
