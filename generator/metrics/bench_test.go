package metrics

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"almanac/generator/site"
)

// syntheticSite builds a site of about pages pages in Go: 70% stories,
// 15% releases, 10% post-mortems, 5% team series of 52 points each, spread
// over the five years before now, with failures, hotfixes and missing
// fields in realistic proportions.
func syntheticSite(pages int, now time.Time) *site.Site {
	rng := rand.New(rand.NewPCG(1, 2))
	seoul := time.FixedZone("KST", 9*3600)
	b := newBuilder(seoul)
	span := 5 * 365 * 24 * time.Hour
	nRel, nPM, nMet := pages*15/100, pages*10/100, pages*5/100
	nStory := pages - nRel - nPM - nMet
	rfc := func(t time.Time) string { return t.Format(time.RFC3339) }
	var versions []string
	var released []time.Time
	for i := 0; i < nRel; i++ {
		v := fmt.Sprintf("%d.%d.0", i/100, i%100)
		t := now.Add(-span + time.Duration(i)*(span/time.Duration(nRel)))
		status, rolledBack := "released", ""
		switch x := rng.IntN(100); {
		case x < 4:
			status, rolledBack = "rolled_back", rfc(t.Add(time.Duration(rng.IntN(180)+5)*time.Minute))
		case x < 6:
			status = "planned"
		}
		var fixFor []string
		if len(versions) > 0 && rng.IntN(100) < 6 {
			fixFor = []string{versions[len(versions)-1]}
		}
		relAt := rfc(t)
		if rng.IntN(200) == 0 {
			relAt = ""
		}
		b.release(v, status, relAt, rolledBack, fixFor...)
		versions = append(versions, v)
		released = append(released, t)
	}
	for i := 0; i < nStory; i++ {
		j := rng.IntN(len(versions))
		first := released[j].Add(-time.Duration(rng.IntN(30*24)+1) * time.Hour)
		merged := first.Add(time.Duration(rng.IntN(48)) * time.Hour)
		fc, mg := rfc(first), rfc(merged)
		switch rng.IntN(20) {
		case 0:
			fc = ""
		case 1:
			fc, mg = "", ""
		}
		p := b.story(fmt.Sprintf("STORY-%d", i), versions[j], fc, mg)
		if i%3 == 0 {
			p.Story.VOC = []site.VOC{{Source: fmt.Sprintf("source-%d", i%7), Customer: fmt.Sprintf("customer-%d", i%41)}}
		}
	}
	for i := 0; i < nPM; i++ {
		j := rng.IntN(len(versions))
		start := released[j].Add(time.Duration(rng.IntN(72)) * time.Hour)
		mit := rfc(start.Add(time.Duration(rng.IntN(600)+1) * time.Minute))
		if rng.IntN(15) == 0 {
			mit = ""
		}
		var rels []string
		if rng.IntN(3) > 0 {
			rels = []string{versions[j]}
		}
		p := b.postmortem(fmt.Sprintf("PM-%d", i), site.Severities[rng.IntN(5)], rfc(start), mit, rels...)
		p.PostMortem.ActionItems = []site.ActionItem{
			{Title: "a", Owner: fmt.Sprintf("owner-%d", i%13), Status: "open", Due: start.Add(14 * 24 * time.Hour)},
			{Title: "b", Owner: fmt.Sprintf("owner-%d", i%11), Status: "done"},
		}
	}
	for i := 0; i < nMet; i++ {
		pts := make([]site.MetricPoint, 52)
		for k := range pts {
			pts[k] = site.MetricPoint{Date: now.AddDate(0, 0, 7*(k-51)), Value: rng.Float64() * 100}
		}
		b.metric(fmt.Sprintf("series-%d", i), "higher", fp(50), pts...)
	}
	return b.site()
}

// BenchmarkCompute measures every figure over a 10,000-page site and
// reports the cost per page.
func BenchmarkCompute(b *testing.B) {
	now := at("2026-03-20T12:00:00+09:00")
	s := syntheticSite(10000, now)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Compute(s, now, 90)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(s.Pages)), "ns/page")
}

// BenchmarkJSON measures the /metrics.json document of the same site.
func BenchmarkJSON(b *testing.B) {
	now := at("2026-03-20T12:00:00+09:00")
	r := Compute(syntheticSite(10000, now), now, 90)
	b.ResetTimer()
	for b.Loop() {
		if _, err := JSON(r); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSyntheticSite keeps the benchmark's site honest: every key has data.
func TestSyntheticSite(t *testing.T) {
	now := at("2026-03-20T12:00:00+09:00")
	s := syntheticSite(2000, now)
	if len(s.Pages) != 2000 {
		t.Fatalf("synthetic site has %d pages, want 2000", len(s.Pages))
	}
	r := Compute(s, now, 90)
	for _, k := range []Key{r.DeploymentFrequency.Key, r.LeadTime, r.ChangeFailureRate.Key, r.RecoveryTime, r.TimeToRestore} {
		if k.Value == nil || k.N == 0 {
			t.Errorf("%s: value %s n %d", k.Name, showFloat(k.Value), k.N)
		}
	}
}
