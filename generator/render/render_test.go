package render

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"almanac/generator/output"
	"almanac/generator/site"
)

// A site's layouts/story.html replaces the theme's, and may define only the
// blocks it changes; its static/css/main.css replaces the stylesheet.
func TestSiteOverrides(t *testing.T) {
	over := mapFS(`
-- layouts/story.html --
{{define "main"}}<p class="mine">{{.Page.Story.ID}}: {{.Page.Title}}</p>{{end}}
-- static/css/main.css --
body { color: rebeccapurple; }
-- static/robots.txt --
User-agent: *
Disallow: /
-- layouts/i18n/en.toml --
[nav]
stories = "Backlog"
`)
	out := renderSite(t, fixture("en", "https://x.org/"), merge(siteFS(), over))

	story := get(t, out, "stories/export-deploy-log/index.html")
	if !strings.Contains(story, `<p class="mine">STORY-101: Export the deploy log as CSV</p>`) {
		t.Errorf("story page does not use the site's layout:\n%s", story)
	}
	if strings.Contains(story, "user-story") {
		t.Errorf("story page still has the theme's main block")
	}
	if !strings.Contains(story, `<a class="skip"`) {
		t.Errorf("story page lost the theme's baseof frame")
	}
	if !strings.Contains(story, ">Backlog</a>") || strings.Contains(story, ">Stories</a>") {
		t.Errorf("the site's i18n key did not replace the theme's")
	}
	if home := get(t, out, "index.html"); !strings.Contains(home, "home-section") {
		t.Errorf("other layouts should stay the theme's")
	}

	var cssName string
	for _, n := range out.Names() {
		if strings.HasPrefix(n, "assets/main.") {
			cssName = n
		}
	}
	if got := get(t, out, cssName); !strings.HasPrefix(got, "body { color: rebeccapurple; }") || strings.Contains(got, "--font:") {
		t.Errorf("stylesheet %s = %q, want the site's main.css (and the theme's feature files)", cssName, got)
	}
	if !regexp.MustCompile(`^assets/main\.[0-9a-f]{10}\.css$`).MatchString(cssName) {
		t.Errorf("stylesheet name %q is not fingerprinted", cssName)
	}
	if !strings.Contains(story, `href="/`+cssName+`"`) {
		t.Errorf("page does not link %s", cssName)
	}
	if _, ok := out.Get("css/main.css"); ok {
		t.Errorf("the unfingerprinted stylesheet was written too")
	}
	if got := get(t, out, "robots.txt"); !strings.Contains(got, "Disallow: /") {
		t.Errorf("robots.txt = %q, want the site's own", got)
	}
}

func TestExtraCSSAndLiveReload(t *testing.T) {
	out := renderSite(t, fixture("en", ""), siteFS(), func(o *Options) {
		o.ExtraCSS = ".chroma { color: teal }"
		o.LiveReload = "/_almanac/reload.js"
	})
	home := get(t, out, "index.html")
	if !strings.Contains(home, `<script src="/_almanac/reload.js" defer></script>`+"\n</body>") &&
		!strings.Contains(home, `<script src="/_almanac/reload.js" defer></script></body>`) {
		t.Errorf("live reload script not before </body>:\n%s", home[max(0, len(home)-300):])
	}
	css := cssOf(t, out)
	if !strings.HasSuffix(css, ".chroma { color: teal }") {
		t.Errorf("extra CSS not appended: ...%s", css[max(0, len(css)-80):])
	}
}

func cssOf(t *testing.T, out *output.Memory) string {
	t.Helper()
	for _, n := range out.Names() {
		if strings.HasPrefix(n, "assets/main.") {
			return get(t, out, n)
		}
	}
	t.Fatal("no stylesheet")
	return ""
}

var linkRE = regexp.MustCompile(`\s(?:href|src)="([^"]*)"|\scontent="0; url=([^"]*)"|<loc>([^<]*)</loc>`)

// Under a base URL with a sub-path, every link of every output file stays
// under it and points at a file the build wrote.
func TestBaseURLSubPath(t *testing.T) {
	const base = "https://x.org/team/"
	out := renderSite(t, fixture("en", base), siteFS())
	checked := 0
	for _, name := range out.Names() {
		if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".xml") {
			continue
		}
		pageURL, _ := url.Parse(base + strings.TrimSuffix(name, "index.html"))
		for _, m := range linkRE.FindAllStringSubmatch(get(t, out, name), -1) {
			raw := strings.ReplaceAll(m[1]+m[2]+m[3], "&amp;", "&")
			if raw == "" || strings.HasPrefix(raw, "#") {
				continue
			}
			u, err := url.Parse(raw)
			if err != nil {
				t.Errorf("%s: bad link %q", name, raw)
				continue
			}
			if u.IsAbs() && u.Host != "x.org" {
				continue // external
			}
			if !u.IsAbs() && !strings.HasPrefix(raw, "/") && !strings.HasPrefix(raw, ".") {
				t.Errorf("%s: link %q is neither absolute, root-relative nor ./ relative", name, raw)
			}
			abs := pageURL.ResolveReference(u)
			if !strings.HasPrefix(abs.Path, "/team/") {
				t.Errorf("%s: link %q leaves the base path /team/", name, raw)
				continue
			}
			target := strings.TrimPrefix(abs.Path, "/team/")
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, ok := out.Get(target); !ok {
				t.Errorf("%s: link %q points at %s, which was not written", name, raw, target)
			}
			checked++
		}
	}
	if checked < 200 {
		t.Errorf("checked only %d links; the checker is not finding them", checked)
	}
}

// Every front matter value is escaped; only the rendered body is HTML.
func TestEscaping(t *testing.T) {
	s := fixture("en", "https://x.org/")
	p := s.ByID["STORY-101"]
	p.Title = `<script>alert("title")</script>`
	p.Story.AsA = `<b>admin</b>`
	p.Story.VOC[0].URL = `javascript:alert(1)`
	p.Rendered = rendered(`<p>Body with <em>markup</em></p>`)
	out := renderSite(t, s, siteFS())
	for _, name := range []string{"stories/export-deploy-log/index.html", "stories/index.html", "releases/1.4.0/index.html"} {
		page := get(t, out, name)
		if strings.Contains(page, "<script>alert") {
			t.Errorf("%s: title inserted unescaped", name)
		}
		if !strings.Contains(page, "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;") {
			t.Errorf("%s: escaped title missing", name)
		}
	}
	page := get(t, out, "stories/export-deploy-log/index.html")
	if strings.Contains(page, "<b>admin</b>") || !strings.Contains(page, "&lt;b&gt;admin&lt;/b&gt;") {
		t.Errorf("as_a inserted unescaped")
	}
	if strings.Contains(page, `href="javascript:`) {
		t.Errorf("javascript: URL passed through")
	}
	if !strings.Contains(page, "<p>Body with <em>markup</em></p>") {
		t.Errorf("rendered body should be inserted as HTML")
	}
}

// The same site and the same Now give the same bytes, every time.
func TestDeterministic(t *testing.T) {
	a := renderSite(t, fixture("en", "https://x.org/"), siteFS())
	b := renderSite(t, fixture("en", "https://x.org/"), siteFS())
	sameOutput(t, a, b, "between two renders")
}

func TestTemplateErrors(t *testing.T) {
	tests := []struct {
		name  string
		files string
		want  []string
	}{
		{"syntax", `
-- layouts/story.html --
{{define "main"}}
<p>{{.Page.Title}</p>
{{end}}
`, []string{"layouts/story.html:2:", "bad character"}},
		{"unknown function", `
-- layouts/partials/footer.html --
<footer>
{{nosuch .Page}}
</footer>
`, []string{"layouts/partials/footer.html:2:", `function "nosuch" not defined`}},
		{"two files, both reported", `
-- layouts/story.html --
{{define "main"}}{{end
-- layouts/release.html --

{{if}}
`, []string{"layouts/story.html:1", "layouts/release.html:2"}},
		{"same name twice", `
-- layouts/footer.html --
<footer></footer>
`, []string{"footer.html is used twice", "layouts/partials/footer.html (theme)", "layouts/footer.html (site)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(Options{Theme: theme(), Site: mapFS(tt.files)})
			if err == nil {
				t.Fatal("New succeeded, want an error")
			}
			if _, ok := site.AsDiagnostics(err); !ok {
				t.Errorf("error is not a list of diagnostics: %T", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

// An error while executing a layout names the template line and the page.
func TestExecuteErrorPosition(t *testing.T) {
	r, err := New(Options{Theme: theme(), Site: merge(siteFS(), mapFS(`
-- layouts/story.html --
{{define "main"}}
{{.Page.Story.NoSuchField}}
{{end}}
`))})
	if err != nil {
		t.Fatal(err)
	}
	err = r.Render(context.Background(), fixture("en", ""), output.NewMemory())
	if err == nil {
		t.Fatal("Render succeeded, want an error")
	}
	for _, w := range []string{"layouts/story.html:2:7:", "NoSuchField", "rendering content/stories/export-deploy-log.md"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error does not contain %q:\n%v", w, err)
		}
	}
	diags, _ := site.AsDiagnostics(err)
	if len(diags) != 8 {
		t.Errorf("got %d diagnostics, want one per story (8)", len(diags))
	}
}

func TestCancelled(t *testing.T) {
	r, err := New(Options{Theme: theme()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = r.Render(ctx, fixture("en", ""), output.NewMemory())
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Render with a cancelled context = %v, want context.Canceled", err)
	}
}

// Jobs name each output once and say which sources feed it.
func TestJobs(t *testing.T) {
	r, err := New(Options{Theme: theme(), Site: siteFS()})
	if err != nil {
		t.Fatal(err)
	}
	s := fixture("en", "")
	p, err := r.Prepare(s)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, j := range p.Jobs() {
		if seen[j.Name] {
			t.Errorf("two jobs write %s", j.Name)
		}
		seen[j.Name] = true
	}
	jobs := p.PageJobs(s.ByVersion["1.4.0"])
	if len(jobs) != 1 || jobs[0].Name != "releases/1.4.0/index.html" {
		t.Fatalf("PageJobs(1.4.0) = %v", jobs)
	}
	src := strings.Join(jobs[0].Sources, " ")
	for _, w := range []string{"content/releases/1.4.0.md", "content/stories/export-deploy-log.md", "content/postmortems/2026-04-checkout-errors.md", "content/releases/1.4.1.md"} {
		if !strings.Contains(src, w) {
			t.Errorf("sources of 1.4.0 lack %s: %s", w, src)
		}
	}
	pm := p.PageJobs(s.ByID["PM-2026-004"])
	if len(pm) != 2 || pm[1].Name != "incidents/2026-04-20/index.html" {
		t.Errorf("post-mortem jobs = %v, want the page and its alias", pm)
	}
	// One page alone renders the same bytes as the whole site does.
	one := output.NewMemory()
	if err := p.Run(context.Background(), jobs, one); err != nil {
		t.Fatal(err)
	}
	all := renderSite(t, fixture("en", ""), siteFS())
	x, _ := one.Get("releases/1.4.0/index.html")
	y, _ := all.Get("releases/1.4.0/index.html")
	if !bytes.Equal(x, y) {
		t.Errorf("a page rendered alone differs from the same page in a full render")
	}
}

func TestNoTheme(t *testing.T) {
	if _, err := New(Options{}); err == nil {
		t.Error("New without a theme succeeded")
	}
	if _, err := New(Options{Theme: fstest.MapFS{}}); err == nil || !strings.Contains(err.Error(), "baseof.html") {
		t.Errorf("New with an empty theme = %v, want a missing baseof.html", err)
	}
}

// Empty sites say what would fill each list.
func TestEmptySite(t *testing.T) {
	s := &site.Site{Config: site.Config{Title: "New team", Language: "en"}, Now: at("2026-05-06 10:00")}
	out := renderSite(t, s, nil)
	for name, want := range map[string]string{
		"index.html":             "almanac new postmortem",
		"stories/index.html":     "almanac new story",
		"releases/index.html":    "almanac new release",
		"postmortems/index.html": "No post-mortems yet",
	} {
		if page := get(t, out, name); !strings.Contains(page, want) {
			t.Errorf("%s lacks %q", name, want)
		}
	}
	if _, ok := out.Get(path.Join("tags", "index.html")); !ok {
		t.Errorf("no tags index")
	}
}
