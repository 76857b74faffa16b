package render

import (
	"slices"
	"testing"
)

// The lists leave out the content pages' files by the names pageJobNames
// gives, which must be those of the jobs PageJobs makes; and listJobs
// must be what it was when it made every page's jobs to read their names.
func TestPageJobNamesAreThoseOfPageJobs(t *testing.T) {
	p := preparedWith(t, nil, WithoutIndex())
	s := p.s
	own := map[string]bool{}
	aliases := 0
	for _, pg := range s.Pages {
		if pg == s.Home {
			continue
		}
		aliases += len(pg.Aliases)
		var want, got []string
		for _, j := range p.PageJobs(pg) {
			want = append(want, j.Name)
			own[j.Name] = true
		}
		p.pageJobNames(pg, func(name string) { got = append(got, name) })
		if !slices.Equal(got, want) {
			t.Errorf("%s: pageJobNames = %q, PageJobs' names = %q", pg.Source, got, want)
		}
	}
	if aliases == 0 {
		t.Error("the fixture has no aliases: the test sees only pages")
	}
	var want []string
	for _, j := range dedupe(p.siteJobs()) {
		if !own[j.Name] {
			want = append(want, j.Name)
		}
	}
	var got []string
	for _, j := range p.listJobs() {
		got = append(got, j.Name)
	}
	if !slices.Equal(got, want) {
		t.Errorf("listJobs = %d files, want %d:\n%q\n%q", len(got), len(want), got, want)
	}
}

// Outputs names every file of Jobs but the search index's.
func TestOutputsAreTheJobsNames(t *testing.T) {
	p := preparedWith(t, nil, WithoutIndex())
	s := p.s
	has := p.Outputs()
	want := map[string]bool{}
	for _, j := range p.siteJobs() {
		want[j.Name] = true
		if !has(j.Name) {
			t.Errorf("Outputs lacks %s", j.Name)
		}
	}
	for _, pg := range s.Pages {
		p.pageJobNames(pg, func(name string) {
			if !want[name] && pg != s.Home {
				t.Errorf("Outputs has %s, which no job makes", name)
			}
		})
	}
}
