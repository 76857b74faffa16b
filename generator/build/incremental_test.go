package build

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"almanac/generator/internal/sitetest"
	"almanac/generator/output"
)

// preview is an Incremental over a site that a test edits in memory.
type preview struct {
	t     *testing.T
	fs    fstest.MapFS
	theme fs.FS
	x     *Incremental
	out   *output.Memory
}

// themeCopy is a copy of the repository's theme, so that a test sees one
// version of it while the files are being edited.
func themeCopy(t *testing.T) fs.FS {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"layouts", "static"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("..", "..", sub))); err != nil {
			t.Fatal(err)
		}
	}
	return os.DirFS(dir)
}

func newPreview(t *testing.T, siteText string) *preview {
	t.Helper()
	return newPreviewChunked(t, siteText, 0)
}

// newPreviewChunked is newPreview whose bodies are rendered chunk at a
// time (see Incremental.chunk; 0 for the default).
func newPreviewChunked(t *testing.T, siteText string, chunk int) *preview {
	t.Helper()
	p := &preview{t: t, fs: sitetest.Parse(siteText), theme: themeCopy(t), out: output.NewMemory()}
	b, err := New(Options{Source: p.fs, Theme: p.theme, Drafts: true, LiveReload: "/_live.js"})
	if err != nil {
		t.Fatal(err)
	}
	p.x = b.Incremental(testNow, p.out)
	p.x.chunk = chunk
	if up := p.x.Build(context.Background()); up.Failed() {
		t.Fatalf("first build: %v", up.Diagnostics)
	}
	return p
}

// step writes a change and settles it; what fails is the step's.
func (p *preview) step(name, file, data string) {
	p.t.Helper()
	if up := p.write(file, data); up.Failed() {
		p.t.Fatalf("%s: %v", name, up.Diagnostics)
	}
	if up := p.settle(); up.Failed() {
		p.t.Fatalf("%s: settle: %v", name, up.Diagnostics)
	}
}

// write changes a file (nil data removes it) and applies the change.
func (p *preview) write(name, data string, hot ...string) *Update {
	p.t.Helper()
	if data == "" {
		delete(p.fs, name)
	} else {
		p.fs[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	return p.x.Apply(context.Background(), []string{name}, hot)
}

// settle runs the deferred work, as the server does after each change.
func (p *preview) settle() *Update {
	p.t.Helper()
	return p.x.Settle().Run(context.Background(), nil)
}

// sameAsFullBuild checks the preview's output against a fresh build of
// the same files.
func (p *preview) sameAsFullBuild() {
	p.t.Helper()
	fresh := output.NewMemory()
	b, err := New(Options{Source: p.fs, Theme: p.theme, Drafts: true, LiveReload: "/_live.js"})
	if err != nil {
		p.t.Fatal(err)
	}
	if up := b.Incremental(testNow, fresh).Build(context.Background()); up.Failed() {
		p.t.Fatalf("fresh build: %v", up.Diagnostics)
	}
	got, want := p.out.Names(), fresh.Names()
	if !slices.Equal(got, want) {
		p.t.Errorf("files differ from a full build:\n got  %v\n want %v", got, want)
	}
	for _, name := range want {
		a, _ := p.out.Get(name)
		b, _ := fresh.Get(name)
		if string(a) != string(b) {
			p.t.Errorf("%s differs from a full build", name)
		}
	}
}

func (p *preview) has(name, text string) bool {
	b, ok := p.out.Get(name)
	return ok && strings.Contains(string(b), text)
}

const storyPage = "stories/export-log/index.html"

func storyWith(front, body string) string {
	return "---\nid: STORY-1\ntitle: Export the deploy log\nstatus: done\npriority: P1\nowner: Mina Park\n" +
		"created: 2026-10-01\nrelease: 1.0.0\nchangelog: added\ntags: [audit]\n" + front + "---\n" + body
}

func TestIncrementalBodyEdit(t *testing.T) {
	p := newPreview(t, smallSite)
	up := p.write("content/stories/export-log.md", storyWith("", "A new paragraph about exports.\n"))
	if up.Failed() {
		t.Fatal(up.Diagnostics)
	}
	if up.Markdown != 1 {
		t.Errorf("a body edit rendered %d bodies, want 1", up.Markdown)
	}
	if !slices.Contains(up.Changed, storyPage) {
		t.Errorf("Changed = %v, want the story's page", up.Changed)
	}
	if !p.has(storyPage, "A new paragraph about exports.") {
		t.Error("the story page lacks the new text after Apply")
	}
	// The release page shows the story: rendered again, though unchanged.
	if up.Outputs < 2 || up.Outputs > 3 {
		t.Errorf("Apply rendered %d files, want the story's and the pages that show it", up.Outputs)
	}
	p.settle()
	p.sameAsFullBuild()
}

func TestIncrementalFrontMatterEdits(t *testing.T) {
	p := newPreview(t, smallSite)
	steps := []struct {
		name, file, data string
		gone, made       []string
	}{
		{"status", "content/stories/export-log.md", storyWith("", "Body.\n"), nil, nil},
		{"new story", "content/stories/retry.md",
			"---\nid: STORY-2\ntitle: Retry payouts\nstatus: ready\ntags: [payouts]\n---\nRetry [the export](export-log.md).\n",
			nil, []string{"stories/retry/index.html", "tags/payouts/index.html"}},
		{"slug moves", "content/stories/export-log.md", storyWith("slug: log-export\n", "Body.\n"),
			[]string{storyPage}, []string{"stories/log-export/index.html"}},
		{"removed", "content/stories/retry.md", "",
			[]string{"stories/retry/index.html", "tags/payouts/index.html"}, nil},
	}
	for _, s := range steps {
		up := p.write(s.file, s.data)
		if up.Failed() {
			t.Fatalf("%s: %v", s.name, up.Diagnostics)
		}
		p.settle()
		for _, name := range s.gone {
			if _, ok := p.out.Get(name); ok {
				t.Errorf("%s: %s is still there", s.name, name)
			}
		}
		for _, name := range s.made {
			if _, ok := p.out.Get(name); !ok {
				t.Errorf("%s: %s is missing", s.name, name)
			}
		}
		p.sameAsFullBuild()
	}
}

func TestIncrementalLinkFollowsMovedPage(t *testing.T) {
	p := newPreview(t, smallSite)
	// team.md links nowhere; the story links to team.md. Moving team.md's
	// URL must render the story's body again with the new URL.
	up := p.write("content/team.md", "---\ntitle: The team\nslug: crew\n---\n# The team\n")
	if up.Failed() {
		t.Fatal(up.Diagnostics)
	}
	if !p.has(storyPage, `href="/team/crew/"`) {
		t.Errorf("the story still links to the old URL of team.md")
	}
	p.settle()
	p.sameAsFullBuild()
}

func TestIncrementalKeepsLastGoodSite(t *testing.T) {
	p := newPreview(t, smallSite)
	before, _ := p.out.Get(storyPage)
	tests := []struct {
		name, file, data, want string
		hot                    []string
	}{
		{"bad front matter", "content/stories/export-log.md", "---\nid: STORY-1\ntitle: [unclosed\n---\n", "content/stories/export-log.md:", nil},
		{"unknown release", "content/stories/export-log.md", strings.Replace(storyWith("", "x"), "release: 1.0.0", "release: 9.9.9", 1), "9.9.9", nil},
		{"template error", "layouts/story.html", `{{define "main"}}{{.Nope}}{{end}}`, "layouts/story.html", []string{"/stories/export-log/"}},
		{"template parse error", "layouts/story.html", `{{define "main"}}{{if}}{{end}}`, "layouts/story.html:1", nil},
	}
	for _, tt := range tests {
		up := p.write(tt.file, tt.data, tt.hot...)
		if !up.Failed() {
			t.Fatalf("%s: Apply succeeded", tt.name)
		}
		if !strings.Contains(up.Diagnostics.Err().Error(), tt.want) {
			t.Errorf("%s: diagnostics %v lack %q", tt.name, up.Diagnostics, tt.want)
		}
		if p.x.Pending() {
			t.Errorf("%s: Settle has work while the content has errors", tt.name)
		}
		if after, _ := p.out.Get(storyPage); string(after) != string(before) {
			t.Errorf("%s: the output changed", tt.name)
		}
		// Put the file back as it was, or remove the bad layout.
		orig := sitetest.Parse(smallSite)[tt.file]
		var data string
		if orig != nil {
			data = string(orig.Data)
		}
		if up := p.write(tt.file, data); up.Failed() {
			t.Fatalf("%s: fixing: %v", tt.name, up.Diagnostics)
		}
		p.settle()
	}
	p.sameAsFullBuild()
}

// TestSettleReportsTemplateErrors: a layout that fails on a page no
// browser shows fails in Settle, which writes nothing, and is retried
// after the next change.
func TestSettleReportsTemplateErrors(t *testing.T) {
	p := newPreview(t, smallSite)
	before, _ := p.out.Get(storyPage)
	if up := p.write("layouts/story.html", `{{define "main"}}{{.Nope}}{{end}}`); up.Failed() {
		t.Fatalf("Apply without hot pages: %v", up.Diagnostics)
	}
	up := p.settle()
	if !up.Failed() || !strings.Contains(up.Diagnostics.Err().Error(), "layouts/story.html") {
		t.Fatalf("Settle: %v, want the template error", up.Diagnostics)
	}
	if after, _ := p.out.Get(storyPage); string(after) != string(before) {
		t.Error("a failed Settle changed the story page")
	}
	if p.x.Pending() {
		t.Error("a failed Settle is retried before anything changed")
	}
	if up := p.write("layouts/story.html", ""); up.Failed() {
		t.Fatal(up.Diagnostics)
	}
	if !p.x.Pending() {
		t.Error("the failed work is not retried after the fix")
	}
	p.settle()
	p.sameAsFullBuild()
}

// TestIncrementalChecksLinks: a broken link fails the change, whether it
// is written in the changed page or breaks there because the page it
// points to lost the heading it names.
func TestIncrementalChecksLinks(t *testing.T) {
	p := newPreview(t, smallSite)
	release := string(sitetest.Parse(smallSite)["content/releases/1.0.0.md"].Data)
	tests := []struct {
		name, file, data, want string
	}{
		{"link to a missing page", "content/stories/export-log.md", storyWith("", "See [the plan](plan.md).\n"), "no page at content/stories/plan.md"},
		{"the target's heading goes", "content/releases/1.0.0.md", strings.Replace(release, "## Notes", "## Summary", 1), "#notes"},
	}
	for _, tt := range tests {
		before, _ := p.out.Get(storyPage)
		up := p.write(tt.file, tt.data)
		if !up.Failed() || !strings.Contains(up.Diagnostics.Err().Error(), tt.want) {
			t.Errorf("%s: %v, want an error naming %s", tt.name, up.Diagnostics, tt.want)
		}
		if after, _ := p.out.Get(storyPage); string(after) != string(before) {
			t.Errorf("%s: the output changed", tt.name)
		}
		// An unrelated change does not slip through while the link is broken.
		if up := p.write("content/team.md", "---\ntitle: The team\n---\nStill us.\n"); !up.Failed() {
			t.Errorf("%s: a later change succeeded with the link still broken", tt.name)
		}
		if up := p.write(tt.file, string(sitetest.Parse(smallSite)[tt.file].Data)); up.Failed() {
			t.Fatalf("%s: fixing: %v", tt.name, up.Diagnostics)
		}
		p.settle()
	}
	p.sameAsFullBuild()
}

func TestIncrementalLayoutRendersHotPagesFirst(t *testing.T) {
	p := newPreview(t, smallSite)
	layout := `{{define "main"}}<p class="marker">layout v2</p>{{end}}`
	up := p.write("layouts/page.html", layout, "/team/")
	if up.Failed() {
		t.Fatal(up.Diagnostics)
	}
	if up.Markdown != 0 {
		t.Errorf("a layout change rendered %d bodies, want none", up.Markdown)
	}
	if !slices.Equal(up.Changed, []string{"team/index.html"}) {
		t.Errorf("Apply changed %v, want only the hot page", up.Changed)
	}
	p.settle()
	p.sameAsFullBuild()
}

func TestIncrementalStylesheet(t *testing.T) {
	p := newPreview(t, smallSite)
	p.write("static/css/extra.css", ".x { color: red }\n")
	up := p.settle()
	if !up.StyleOnly {
		t.Error("a stylesheet change is not StyleOnly")
	}
	var css []string
	for _, name := range up.Changed {
		if strings.HasSuffix(name, ".css") {
			css = append(css, name)
		}
	}
	if len(css) != 2 { // the new fingerprinted name, and the old one removed
		t.Errorf("stylesheets changed: %v, want the old and the new", css)
	}
	p.sameAsFullBuild()
}

func TestIncrementalConfigReload(t *testing.T) {
	p := newPreview(t, smallSite)
	cfg := string(sitetest.Parse(smallSite)["almanac.toml"].Data)
	up := p.write("almanac.toml", strings.Replace(cfg, "Small team", "Renamed team", 1))
	if up.Failed() {
		t.Fatal(up.Diagnostics)
	}
	p.settle()
	if !p.has("index.html", "Renamed team") {
		t.Error("the home page lacks the new title")
	}
	p.sameAsFullBuild()
}

// TestSettleYieldsToApply: what a Settle started before a change renders
// never replaces what the Apply of that change wrote.
func TestSettleYieldsToApply(t *testing.T) {
	p := newPreview(t, smallSite)
	p.write("layouts/story.html", `{{define "main"}}<p>v1 {{.Title}}</p>{{end}}`, "/stories/export-log/")
	s := p.x.Settle() // a snapshot with the v1 layout
	p.write("layouts/story.html", `{{define "main"}}<p>v2 {{.Title}}</p>{{end}}`, "/stories/export-log/")
	s.Run(context.Background(), nil)
	if !p.has(storyPage, "v2 Export") {
		t.Error("an older Settle replaced the page a later Apply wrote")
	}
	p.settle()
	p.sameAsFullBuild()
}

// A ref shortcode is looked for beside its page first: a file that comes
// there changes where the page links, though the page is as it was.
func TestIncrementalRefFindsANewFile(t *testing.T) {
	p := newPreview(t, smallSite)
	up := p.write("content/handbook/refs.md", "---\ntitle: Refs\n---\nSee [the team]({{< ref \"team\" >}}).\n")
	if up.Failed() {
		t.Fatal(up.Diagnostics)
	}
	p.settle()
	p.sameAsFullBuild()
	up = p.write("content/handbook/team.md", "---\ntitle: The handbook's team page\n---\nText.\n")
	if up.Failed() {
		t.Fatal(up.Diagnostics)
	}
	if !p.has("handbook/refs/index.html", `href="/team/handbook/team/"`) {
		t.Errorf("the ref still leads to the team page beside the content folder")
	}
	p.settle()
	p.sameAsFullBuild()
	p.write("content/handbook/team.md", "")
	p.settle()
	p.sameAsFullBuild()
}
