package render

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"almanac/generator/content"
	"almanac/generator/markdown"
	"almanac/generator/site"
)

// pagedFixture is a site whose lists are paged two items a page: five
// stories, all owned by Mina Park, three of them tagged "api", and
// releases across two years. config is the rest of almanac.toml.
func pagedFixture(config string) string {
	var b strings.Builder
	b.WriteString("-- almanac.toml --\ntitle = \"T\"\nbase_url = \"https://t.example/\"\ntime_zone = \"UTC\"\n" + config + "\n")
	for i := 1; i <= 5; i++ {
		tags := ""
		if i%2 == 1 {
			tags = "tags: [api]\n"
		}
		fmt.Fprintf(&b, "-- content/stories/s%d.md --\n---\nid: STORY-%d\ntitle: Story %d\nstatus: ready\nowner: Mina Park\n%s---\n", i, i, i, tags)
	}
	for _, r := range []struct{ v, at string }{
		{"1.0.0", "2024-01-10T10:00:00Z"}, // before the feeds' window
		{"1.1.0", "2025-09-10T10:00:00Z"}, // in it
		{"1.2.0", "2026-07-10T10:00:00Z"},
	} {
		fmt.Fprintf(&b, "-- content/releases/%s.md --\n---\nversion: %s\nstatus: released\nreleased_at: %s\n---\n", r.v, r.v, r.at)
	}
	b.WriteString("-- content/releases/2.0.0.md --\n---\nversion: 2.0.0\nstatus: planned\nplanned_date: 2027-03-01\n---\n")
	return b.String()
}

// pagedNow is the fixture's present.
var pagedNow = time.Date(2026, 8, 1, 9, 0, 0, 0, time.UTC)

func loadPaged(t *testing.T, config string) *site.Site {
	t.Helper()
	fsys := mapFS(pagedFixture(config))
	cfg, diags := content.LoadConfig(fsys)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	s, diags := content.Load(context.Background(), fsys, cfg, content.Options{Now: pagedNow})
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	md := markdown.New(markdown.Options{})
	for _, p := range s.Pages {
		r, err := md.Render(p.Source, p.BodyLine, p.Body, nil)
		if err != nil {
			t.Fatal(err)
		}
		p.Rendered = r
	}
	return s
}

// storyIDs are the story ids a page's table links to, in order.
func storyIDs(page string) []string {
	return regexp.MustCompile(`<td class="id"><a href="[^"]*">(STORY-\d+)</a>`).FindAllString(page, -1)
}

func TestPagedStoryList(t *testing.T) {
	out := renderSite(t, loadPaged(t, "[lists]\npage_size = 2"), nil)
	if _, ok := out.Get("stories/page/4/index.html"); ok {
		t.Error("a fourth page of five stories at two a page")
	}
	if _, ok := out.Get("stories/page/1/index.html"); ok {
		t.Error("page 1 has a URL of its own besides /stories/")
	}
	for _, c := range []struct {
		name       string
		ids        []string
		count      string
		prev, next string
		current    string
		board      bool
	}{
		{"stories/index.html", []string{"STORY-1", "STORY-2"}, "1–2 of 5", "", "/stories/page/2/", "/stories/", true},
		{"stories/page/2/index.html", []string{"STORY-3", "STORY-4"}, "3–4 of 5", "/stories/", "/stories/page/3/", "/stories/page/2/", false},
		{"stories/page/3/index.html", []string{"STORY-5"}, "5 of 5", "/stories/page/2/", "", "/stories/page/3/", false},
	} {
		page := get(t, out, c.name)
		var ids []string
		for _, m := range storyIDs(page) {
			ids = append(ids, m[strings.LastIndex(m, "STORY-"):strings.LastIndex(m, "<")])
		}
		if !slices.Equal(ids, c.ids) {
			t.Errorf("%s lists %v, want %v", c.name, ids, c.ids)
		}
		if !strings.Contains(page, `<p class="pager-count muted">`+c.count+`</p>`) {
			t.Errorf("%s: no count %q", c.name, c.count)
		}
		if !strings.Contains(page, `<nav class="pager" aria-label="Pages of this list">`) {
			t.Errorf("%s: no labelled pager", c.name)
		}
		for rel, want := range map[string]string{"prev": c.prev, "next": c.next} {
			re := regexp.MustCompile(`<a rel="` + rel + `" href="([^"]*)"`)
			m := re.FindStringSubmatch(page)
			switch {
			case want == "" && m != nil:
				t.Errorf("%s: a %s link to %s on the end page", c.name, rel, m[1])
			case want != "" && (m == nil || m[1] != want):
				t.Errorf("%s: %s link %v, want %s", c.name, rel, m, want)
			}
		}
		pager := page[strings.Index(page, `<nav class="pager"`):]
		pager = pager[:strings.Index(pager, "</nav>")]
		if n := strings.Count(pager, `aria-current="page"`); !strings.Contains(pager, `<a aria-current="page" href="`+c.current+`"`) || n != 1 {
			t.Errorf("%s: the current page is not marked once as %s", c.name, c.current)
		}
		if got := strings.Contains(page, `id="h-board"`); got != c.board {
			t.Errorf("%s: board shown %v, want %v", c.name, got, c.board)
		}
		if !strings.Contains(page, `<link rel="canonical" href="https://t.example`+c.current+`">`) {
			t.Errorf("%s: canonical is not its own URL", c.name)
		}
	}
	if p2 := get(t, out, "stories/page/2/index.html"); !strings.Contains(p2, "<title>Stories, page 2 · T</title>") {
		t.Error("page 2's title does not say which page it is")
	}
}

func TestPagedTermsAndPeople(t *testing.T) {
	out := renderSite(t, loadPaged(t, "[lists]\npage_size = 2"), nil)
	tag2 := get(t, out, "tags/api/page/2/index.html")
	if !strings.Contains(tag2, "STORY-5") || strings.Contains(tag2, "STORY-3") || !strings.Contains(tag2, ">3 of 3<") {
		t.Errorf("tag page 2 should show STORY-5 alone, 3 of 3")
	}
	if _, ok := out.Get("tags/api/page/3/index.html"); ok {
		t.Error("a third page of a three-page tag")
	}
	// Mina owns five stories: three pages; the heading counts all five.
	p3 := get(t, out, "people/mina-park/page/3/index.html")
	if !strings.Contains(p3, "STORY-5") || strings.Contains(p3, ">STORY-4<") {
		t.Error("the person's third page should list STORY-5 alone")
	}
	if !strings.Contains(p3, `<span class="count">5</span>`) || !strings.Contains(p3, "Page 3 of 3") {
		t.Error("the person's third page should count all five stories and say page 3 of 3")
	}
	if !strings.Contains(get(t, out, "people/mina-park/index.html"), `rel="next" href="/people/mina-park/page/2/"`) {
		t.Error("the person's first page does not link to the second")
	}
}

// TestPagedJobSources: each page of a list names the pages it shows, so
// that the preview renders it again when one of them changes, and the
// lengths of the lists it shows a share of (lengthSource); the first
// page of a kind's list shows summaries of every page of it.
func TestPagedJobSources(t *testing.T) {
	r, err := New(Options{Theme: theme()})
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Prepare(loadPaged(t, "[lists]\npage_size = 2"))
	if err != nil {
		t.Fatal(err)
	}
	src := map[string][]string{}
	for _, j := range p.Jobs() {
		src[j.Name] = j.Sources
	}
	st := func(ns ...int) []string {
		var out []string
		for _, n := range ns {
			out = append(out, fmt.Sprintf("content/stories/s%d.md", n))
		}
		return out
	}
	stories, person, tag := lengthSource(5), lengthSource(5, 0, 0, 0), lengthSource(3)
	releases := lengthSource(4)
	for name, want := range map[string][]string{
		"stories/index.html":                 append(st(1, 2, 3, 4, 5), stories),
		"stories/page/2/index.html":          append(st(3, 4), stories),
		"stories/page/3/index.html":          append(st(5), stories),
		"tags/api/index.html":                append(st(1, 3), tag),
		"tags/api/page/2/index.html":         append(st(5), tag),
		"people/mina-park/index.html":        append(st(1, 2), person),
		"people/mina-park/page/3/index.html": append(st(5), person),
		"releases/index.html":                {"content/releases/2.0.0.md", "content/releases/1.2.0.md", "content/releases/1.1.0.md", "content/releases/1.0.0.md", releases},
		"releases/page/2/index.html":         {"content/releases/1.1.0.md", "content/releases/1.0.0.md", releases},
		"people/mina-park/page/2/index.html": append(st(3, 4), person),
	} {
		got, ok := src[name]
		if !ok {
			t.Errorf("no job %s", name)
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: sources %v, want %v", name, got, want)
		}
	}
}

// TestListsUnpagedByDefault: a list that fits one page has no pager and
// no page/2/.
func TestListsUnpagedByDefault(t *testing.T) {
	out := renderSite(t, loadPaged(t, ""), nil)
	if strings.Contains(get(t, out, "stories/index.html"), `class="pager"`) {
		t.Error("a five-story list has a pager at the default page size")
	}
	for _, name := range out.Names() {
		if strings.Contains(name, "/page/") {
			t.Errorf("unexpected page %s", name)
		}
	}
}

func TestSitemapIndex(t *testing.T) {
	defer func(n int) { sitemapLimit = n }(sitemapLimit)
	s := loadPaged(t, "")
	one := get(t, renderSite(t, s, nil), "sitemap.xml")
	want := regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(one, -1)

	sitemapLimit = 3
	out := renderSite(t, s, nil)
	idx := get(t, out, "sitemap.xml")
	if !strings.Contains(idx, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`) {
		t.Fatalf("sitemap.xml is not an index past the limit:\n%s", idx)
	}
	parts := regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(idx, -1)
	if wantParts := (len(want) + 2) / 3; len(parts) != wantParts {
		t.Fatalf("%d parts for %d URLs, want %d", len(parts), len(want), wantParts)
	}
	var got []string
	for i, m := range parts {
		name := fmt.Sprintf("sitemap-%d.xml", i+1)
		if m[1] != "https://t.example/"+name {
			t.Errorf("part %d is %s", i+1, m[1])
		}
		part := get(t, out, name)
		urls := regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(part, -1)
		if len(urls) == 0 || len(urls) > 3 {
			t.Errorf("%s holds %d URLs", name, len(urls))
		}
		for _, u := range urls {
			got = append(got, u[1])
		}
	}
	if len(got) != len(want) {
		t.Fatalf("the parts hold %d URLs, the single sitemap %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i][1] {
			t.Errorf("URL %d: %s, want %s", i, got[i], want[i][1])
		}
	}
	if robots := get(t, out, "robots.txt"); !strings.Contains(robots, "Sitemap: https://t.example/sitemap.xml\n") {
		t.Errorf("robots.txt does not point at the index:\n%s", robots)
	}
}

// releasesFixture is n deployed releases, a day apart.
func releasesFixture(n int) string {
	var b strings.Builder
	start := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "-- content/releases/1.%d.0.md --\n---\nversion: 1.%d.0\nstatus: released\nreleased_at: %s\n---\n",
			i, i, start.AddDate(0, 0, i).Format(time.RFC3339))
	}
	return b.String()
}

func TestAtomFeedSize(t *testing.T) {
	for _, c := range []struct {
		config string
		want   int
	}{{"", 50}, {"[feeds]\natom_entries = 5", 5}} {
		fsys := mapFS("-- almanac.toml --\ntitle = \"T\"\n" + c.config + "\n" + releasesFixture(60))
		cfg, diags := content.LoadConfig(fsys)
		if diags.HasErrors() {
			t.Fatal(diags.Err())
		}
		s, diags := content.Load(context.Background(), fsys, cfg, content.Options{Now: pagedNow})
		if diags.HasErrors() {
			t.Fatal(diags.Err())
		}
		feed := get(t, renderSite(t, s, nil), "index.xml")
		if n := strings.Count(feed, "<entry>"); n != c.want {
			t.Errorf("%q: %d entries, want %d", c.config, n, c.want)
		}
		// The newest first: 1.59.0 is always in.
		if !strings.Contains(feed, "/releases/1.59.0/") {
			t.Errorf("%q: the newest release is not in the feed", c.config)
		}
	}
}

func TestICalendarWindow(t *testing.T) {
	for _, c := range []struct {
		config string
		in     []string
		out    []string
	}{
		// Now is 2026-08-01: twelve months back is from 2025-08-01.
		{"", []string{"release-1.1.0@", "release-1.2.0@", "release-2.0.0@"}, []string{"release-1.0.0@"}},
		{"[calendar]\nfeed_months_back = 36", []string{"release-1.0.0@", "release-1.1.0@", "release-2.0.0@"}, nil},
	} {
		out := renderSite(t, loadPaged(t, c.config), nil)
		for _, feed := range []string{"calendar.ics", "releases.ics"} {
			ics := get(t, out, feed)
			for _, uid := range c.in {
				if !strings.Contains(ics, "UID:"+uid) {
					t.Errorf("%q: %s leaves out %s", c.config, feed, uid)
				}
			}
			for _, uid := range c.out {
				if strings.Contains(ics, "UID:"+uid) {
					t.Errorf("%q: %s keeps %s, before the window", c.config, feed, uid)
				}
			}
		}
		// The month pages keep everything.
		if m := get(t, out, "calendar/2024/01/index.html"); !strings.Contains(m, "1.0.0") {
			t.Errorf("%q: the month page of January 2024 lost its release", c.config)
		}
	}
}

func TestListConfig(t *testing.T) {
	for _, bad := range []string{"[lists]\npage_size = 0", "[feeds]\natom_entries = -1", "[calendar]\nfeed_months_back = 0"} {
		_, diags := content.LoadConfig(mapFS("-- almanac.toml --\n" + bad + "\n"))
		if !diags.HasErrors() {
			t.Errorf("%q is accepted", bad)
		}
	}
	cfg, diags := content.LoadConfig(mapFS("-- almanac.toml --\n[lists]\npage_size = 7\n[feeds]\natom_entries = 9\n[calendar]\nfeed_months_back = 3\n"))
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	if cfg.PageSize() != 7 || cfg.Entries() != 9 || cfg.MonthsBack() != 3 {
		t.Errorf("read %d, %d, %d", cfg.PageSize(), cfg.Entries(), cfg.MonthsBack())
	}
	def := content.DefaultConfig()
	if def.PageSize() != 100 || def.Entries() != 50 || def.MonthsBack() != 12 {
		t.Errorf("defaults %d, %d, %d", def.PageSize(), def.Entries(), def.MonthsBack())
	}
}

func TestPagerLinks(t *testing.T) {
	for _, c := range []struct {
		n, count int
		want     string
	}{
		{1, 2, "[1] 2"},
		{10, 20, "1 … 8 9 [10] 11 12 … 20"},
		{1, 20, "[1] 2 3 … 20"},
		{4, 20, "1 2 3 [4] 5 6 … 20"},
		{20, 20, "1 … 18 19 [20]"},
	} {
		pg := newPager("/s/", c.n, c.count, 10, c.count*10)
		var words []string
		for _, l := range pg.Links {
			switch {
			case l.Gap:
				words = append(words, "…")
			case l.Current:
				words = append(words, fmt.Sprintf("[%d]", l.Number))
			default:
				words = append(words, fmt.Sprint(l.Number))
			}
		}
		if got := strings.Join(words, " "); got != c.want {
			t.Errorf("page %d of %d: %s, want %s", c.n, c.count, got, c.want)
		}
		if pg.Links[0].URL != "/s/" || pg.Links[len(pg.Links)-1].URL != fmt.Sprintf("/s/page/%d/", c.count) {
			t.Errorf("page %d of %d: ends link to %s and %s", c.n, c.count, pg.Links[0].URL, pg.Links[len(pg.Links)-1].URL)
		}
	}
	if newPager("/s/", 1, 1, 10, 3) != nil {
		t.Error("a one-page list has a pager")
	}
}

// TestActionCaps: the home page shows ten open action items and links to
// /actions/, which shows ten of an owner's and links to the owner's page.
func TestActionCaps(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- almanac.toml --\ntitle = \"T\"\n-- content/postmortems/pm.md --\n---\nid: PM-1\ntitle: Down\ndate: 2026-07-01\nstatus: draft\nseverity: SEV2\naction_items:\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&b, "  - title: Fix %d\n    owner: Mina Park\n    status: open\n    due: 2026-09-%02d\n", i, i)
	}
	b.WriteString("---\n")
	fsys := mapFS(b.String())
	cfg, diags := content.LoadConfig(fsys)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	s, diags := content.Load(context.Background(), fsys, cfg, content.Options{Now: pagedNow})
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	out := renderSite(t, s, nil)
	home := get(t, out, "index.html")
	if !strings.Contains(home, "Fix 10") || strings.Contains(home, "Fix 11") {
		t.Error("the home page should show the first ten action items")
	}
	if !strings.Contains(home, `<a href="/actions/">All 12 open action items, by owner</a>`) {
		t.Error("the home page does not link on to /actions/")
	}
	actions := get(t, out, "actions/index.html")
	if !strings.Contains(actions, "Fix 10") || strings.Contains(actions, "Fix 11") {
		t.Error("/actions/ should show an owner's first ten items")
	}
	if !strings.Contains(actions, `<a href="/people/mina-park/">2 more on their page</a>`) {
		t.Error("/actions/ does not link to the owner's page for the rest")
	}
	if person := get(t, out, "people/mina-park/index.html"); !strings.Contains(person, "Fix 12") {
		t.Error("the owner's page should list every item")
	}
}
