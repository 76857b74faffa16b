package corpus

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// metricPage is one of the team's own series: one with its points inline,
// one read from a CSV file beside the page.
type metricPage struct {
	slug, title, unit, better, chart string
	target                           float64
	csv                              bool
	points                           []point
}

type point struct {
	date  time.Time
	value float64
}

// planMetrics lays out a weekly latency series over the last year and a
// monthly error budget series over the last two years. Both wander around
// their target with a seasonal swing and a slow improvement.
func (p *plan) planMetrics() {
	r := rand.New(rand.NewPCG(uint64(p.opts.Seed), planStream+1))
	latency := &metricPage{slug: "checkout-p95-latency", title: "Checkout p95 latency", unit: "ms",
		better: "lower", chart: "line", target: 300}
	end := day(p.now)
	for i := 52; i >= 1; i-- {
		d := end.AddDate(0, 0, -7*i)
		v := 340 - 1.2*float64(52-i) + 25*math.Sin(float64(i)/4) + 30*(r.Float64()-0.5)
		latency.points = append(latency.points, point{d, math.Round(v)})
	}
	budget := &metricPage{slug: "error-budget-remaining", title: "Error budget remaining", unit: "%",
		better: "higher", chart: "bar", target: 25, csv: true}
	month := time.Date(end.Year(), end.Month(), 1, 0, 0, 0, 0, kst)
	for i := 24; i >= 1; i-- {
		d := month.AddDate(0, -i, 0)
		v := 35 + 20*math.Sin(float64(i)/3) + 25*(r.Float64()-0.5)
		budget.points = append(budget.points, point{d, math.Round(math.Max(0, math.Min(100, v))*10) / 10})
	}
	p.metrics = []*metricPage{latency, budget}
}

func (x *metricPage) csvData() []byte {
	var sb strings.Builder
	sb.WriteString("date,value\n")
	for _, pt := range x.points {
		sb.WriteString(pt.date.Format(time.DateOnly))
		sb.WriteByte(',')
		sb.WriteString(strconv.FormatFloat(pt.value, 'f', -1, 64))
		sb.WriteByte('\n')
	}
	return []byte(sb.String())
}

func (p *plan) renderMetric(x *metricPage, r *rand.Rand) []byte {
	v := newVoice(r, false, p)
	v.svc = "checkout-api"
	var sb strings.Builder
	w := fm{&sb}
	sb.WriteString("---\n")
	w.str("", "title", x.title)
	w.str("", "unit", x.unit)
	w.num("", "target", x.target)
	w.raw("", "better", x.better)
	w.raw("", "chart", x.chart)
	if x.csv {
		w.raw("", "csv", x.slug+".csv")
	} else {
		w.line("", "points", "")
		for _, pt := range x.points {
			w.date("  - ", "date", pt.date)
			w.num("    ", "value", pt.value)
		}
	}
	sb.WriteString("---\n\n")
	p.writeBody(&sb, v, bodySpec{heads: v.book.metricHeads, prose: v.book.metric, dir: "metrics"})
	return []byte(sb.String())
}
