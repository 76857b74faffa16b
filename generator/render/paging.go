package render

import (
	"strconv"
	"strings"
)

// A list longer than the site's page size ([lists] page_size) is split
// into pages at stable URLs: the list's own URL, then page/2/, page/3/ …
// under it (Hugo's convention), so that no page grows with the site.

// Pager is where one page of a list stands among the list's pages; nil on
// a list that fits one page.
type Pager struct {
	Number int    // this page, from 1
	Count  int    // how many pages the list has
	First  int    // the first item shown, from 1
	Last   int    // the last item shown
	Total  int    // the items of the whole list; 0 when the page shows several lists
	Prev   string // the previous page's URL, or ""
	Next   string // the next page's URL, or ""
	Links  []PagerLink
}

// PagerLink is one numbered link of a pager, or a gap between two.
type PagerLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool // stands for the pages left out here
}

// pagerSpan is how many pages on each side of the current one the pager
// links to by number, besides the first and the last.
const pagerSpan = 2

// pageURL is the URL of page n of the list at base.
func pageURL(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

// pageCount is how many pages n items take at size a page; at least one.
func pageCount(n, size int) int {
	if n <= size {
		return 1
	}
	return (n + size - 1) / size
}

// chunk is page n's share (from 1) of a list at size a page.
func chunk[T any](list []T, n, size int) []T {
	lo := min((n-1)*size, len(list))
	return list[lo:min(lo+size, len(list))]
}

// newPager places page n of count pages of the list at base, whose total
// items are total (0 when the page shows several lists); nil when the list
// has one page.
func newPager(base string, n, count, size, total int) *Pager {
	if count <= 1 {
		return nil
	}
	pg := &Pager{Number: n, Count: count, Total: total}
	if total > 0 {
		pg.First = (n-1)*size + 1
		pg.Last = min(n*size, total)
	}
	if n > 1 {
		pg.Prev = pageURL(base, n-1)
	}
	if n < count {
		pg.Next = pageURL(base, n+1)
	}
	for i := 1; i <= count; i++ {
		near := i >= n-pagerSpan && i <= n+pagerSpan
		if i != 1 && i != count && !near {
			if last := len(pg.Links) - 1; !pg.Links[last].Gap {
				pg.Links = append(pg.Links, PagerLink{Gap: true})
			}
			continue
		}
		pg.Links = append(pg.Links, PagerLink{Number: i, URL: pageURL(base, i), Current: i == n})
	}
	return pg
}

// pagedJobs make one job per page of a list of items at base: page fills
// the data of page n with its share of the items and returns the sources
// of that page.
func pagedJobs[T any](p *Prepared, base string, items []T, start func() *Data,
	page func(d *Data, n int, share []T) []string) []Job {
	size := p.s.Config.PageSize()
	count := pageCount(len(items), size)
	jobs := make([]Job, 0, count)
	for n := 1; n <= count; n++ {
		d := start()
		d.URL = pageURL(base, n)
		if n > 1 {
			d.Title = p.env.tr.T("paging.title", d.Title, n)
		}
		d.Pager = newPager(base, n, count, size, len(items))
		src := page(d, n, chunk(items, n, size))
		if count > 1 {
			src = append(src, lengthSource(len(items)))
		}
		jobs = append(jobs, p.pageJob(d, "", src))
	}
	return jobs
}

// lengthSource stands, among the sources of one page of a paged list, for
// the lengths of the lists it shows only a share of: every page shows
// them (the pager's "4–6 of 11", a heading's count), though it names only
// its own items. It names no file, so no edit changes it, but it differs
// when a length does, and a list whose sources differ is rendered again.
func lengthSource(lengths ...int) string {
	var b strings.Builder
	b.WriteString("\x00lengths")
	for _, n := range lengths {
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}
