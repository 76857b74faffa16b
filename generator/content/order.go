package content

import (
	"slices"
	"sort"
	"strings"

	"almanac/generator/site"
)

// NaturalLess orders strings with their digit runs compared as numbers, so
// that STORY-9 comes before STORY-10.
func NaturalLess(a, b string) bool { return naturalCompare(a, b) < 0 }

func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := isDigit(a[0]), isDigit(b[0])
		if da && db {
			na, ra := digitRun(a)
			nb, rb := digitRun(b)
			ta, tb := strings.TrimLeft(na, "0"), strings.TrimLeft(nb, "0")
			if len(ta) != len(tb) {
				return cmpInt(len(ta), len(tb))
			}
			if c := strings.Compare(ta, tb); c != 0 {
				return c
			}
			if len(na) != len(nb) { // 007 after 7
				return cmpInt(len(na), len(nb))
			}
			a, b = ra, rb
			continue
		}
		if a[0] != b[0] {
			return cmpInt(int(a[0]), int(b[0]))
		}
		a, b = a[1:], b[1:]
	}
	return cmpInt(len(a), len(b))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitRun(s string) (run, rest string) {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return s[:i], s[i:]
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// sortKinds splits the pages by kind and sorts each list as site.Site
// documents.
func (l *linker) sortKinds() {
	s := l.s
	for _, p := range s.Pages {
		switch {
		case p.Story != nil:
			s.Stories = append(s.Stories, p)
		case p.Release != nil:
			s.Releases = append(s.Releases, p)
		case p.PostMortem != nil:
			s.PostMortems = append(s.PostMortems, p)
		case p.Metric != nil:
			s.Metrics = append(s.Metrics, p)
		case p.Decision != nil:
			s.Decisions = append(s.Decisions, p)
		case p.URL == "/":
			s.Home = p
		default:
			s.Plain = append(s.Plain, p)
		}
	}
	sortStories(s.Stories)
	sortReleases(s.Releases, true)
	sort.SliceStable(s.PostMortems, func(i, j int) bool { return postMortemBefore(s.PostMortems[i], s.PostMortems[j]) })
	sort.SliceStable(s.Metrics, func(i, j int) bool {
		a, b := strings.ToLower(s.Metrics[i].Title), strings.ToLower(s.Metrics[j].Title)
		if a != b {
			return a < b
		}
		return s.Metrics[i].Source < s.Metrics[j].Source
	})
	sort.SliceStable(s.Plain, func(i, j int) bool { return s.Plain[i].URL < s.Plain[j].URL })
	sortDecisions(s.Decisions)
}

// sortDecisions orders decisions newest first, then by id, numbers as
// numbers, the higher first.
func sortDecisions(ps []*site.Page) {
	sort.SliceStable(ps, func(i, j int) bool {
		if !ps[i].Date.Equal(ps[j].Date) {
			return ps[i].Date.After(ps[j].Date)
		}
		return naturalCompare(ps[i].Decision.ID, ps[j].Decision.ID) > 0
	})
}

// sortStories orders stories by id, numbers compared as numbers.
func sortStories(ps []*site.Page) {
	sort.SliceStable(ps, func(i, j int) bool {
		if c := naturalCompare(ps[i].Story.ID, ps[j].Story.ID); c != 0 {
			return c < 0
		}
		return ps[i].Source < ps[j].Source
	})
}

// sortReleases orders releases by SemVer precedence, newest first when
// newest is set.
func sortReleases(ps []*site.Page, newest bool) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Release, ps[j].Release
		c := a.SemVer.Compare(b.SemVer)
		if newest {
			c = -c
		}
		if c != 0 {
			return c < 0
		}
		return a.Version < b.Version
	})
}

// postMortemBefore orders post-mortems newest first by date, then by id
// (higher first), then by source.
func postMortemBefore(a, b *site.Page) bool {
	if !a.Date.Equal(b.Date) {
		return a.Date.After(b.Date)
	}
	if c := naturalCompare(a.PostMortem.ID, b.PostMortem.ID); c != 0 {
		return c > 0
	}
	return a.Source < b.Source
}

// sortByChangelog orders a release's stories by changelog category, then id.
func sortByChangelog(ps []*site.Page) {
	rank := func(p *site.Page) int {
		if i := slices.Index(site.ChangelogCategories, p.Story.Changelog); i >= 0 {
			return i
		}
		return len(site.ChangelogCategories)
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ri, rj := rank(ps[i]), rank(ps[j]); ri != rj {
			return ri < rj
		}
		return naturalCompare(ps[i].Story.ID, ps[j].Story.ID) < 0
	})
}

// sortTermPages orders the pages of a tag or service newest first, then by
// title and source.
func sortTermPages(ps []*site.Page) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.Source < b.Source
	})
}
