package render

import (
	"testing"

	"almanac/generator/output"
)

// BenchmarkPageJobs renders the content pages of the fixture site (every
// kind, both languages' tables aside), the template work of the page pass
// without Markdown: go test -bench PageJobs -benchmem.
func BenchmarkPageJobs(b *testing.B) {
	r, err := New(Options{Theme: theme(), Site: siteFS()})
	if err != nil {
		b.Fatal(err)
	}
	s := fixture("en", "https://almanac.example.org/")
	p, err := r.Prepare(s, WithoutIndex())
	if err != nil {
		b.Fatal(err)
	}
	var jobs []Job
	for _, pg := range s.Pages {
		if pg != s.Home {
			jobs = append(jobs, p.PageJobs(pg)...)
		}
	}
	out := output.NewMemory()
	b.ReportAllocs()
	for b.Loop() {
		for _, j := range jobs {
			if err := p.RunJob(j, out); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(jobs)), "µs/page")
}
