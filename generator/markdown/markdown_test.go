package markdown

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"almanac/generator/site"
)

func render(t *testing.T, m *Markdown, bodyLine int, src string, resolve func(string) (string, bool)) *site.Rendered {
	t.Helper()
	r, err := m.Render("content/x.md", bodyLine, []byte(src), resolve)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return r
}

func TestLinkPositions(t *testing.T) {
	src := "Intro with [one](a.md) here.\n" + // body line 1
		"\n" +
		"- item ![pic](p.png) and <https://x.org>\n" + // 3
		"- second [two\n" + // 4: link text spans two lines
		"  lines](b.md)\n" +
		"\n" +
		"> quote [ref][r] and **[bold](c.md)**\n" + // 7
		"\n" +
		"[r]: d.md\n"
	r := render(t, New(Options{}), 10, src, nil)
	want := []struct {
		dest      string
		image     bool
		line, col int
	}{
		{"a.md", false, 10, 12},
		{"p.png", true, 12, 8},
		{"https://x.org", false, 12, 26},
		{"b.md", false, 13, 10},
		{"d.md", false, 16, 9},
		{"c.md", false, 16, 24},
	}
	if len(r.Links) != len(want) {
		t.Fatalf("got %d links %+v, want %d", len(r.Links), r.Links, len(want))
	}
	for i, w := range want {
		got := r.Links[i]
		wantPos := site.Pos{File: "content/x.md", Line: w.line, Col: w.col}
		if got.Dest != w.dest || got.Image != w.image || got.Pos != wantPos {
			t.Errorf("link %d = %+v, want %s image=%v at %s", i, got, w.dest, w.image, wantPos)
		}
	}
}

// Every link position in the golden cases must point at the "[" of a link,
// the "!" of an image, the "<" of an autolink or the first byte of a bare
// URL.
func TestLinkPositionsPointAtLinks(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		r, _ := New(Options{}).Render(file, goldenBodyLine, src, nil)
		for _, l := range r.Links {
			line := lines[l.Pos.Line-goldenBodyLine]
			at := line[l.Pos.Col-1:]
			ok := at[0] == '[' || at[0] == '<' ||
				l.Image && strings.HasPrefix(at, "![") ||
				strings.HasPrefix(at, strings.TrimPrefix(l.Dest, "http://"))
			if !ok {
				t.Errorf("%s: %s points at %q", l.Pos, l.Dest, at)
			}
		}
	}
}

func TestResolve(t *testing.T) {
	src := "[a](../releases/1.4.0.md) [b](https://go.dev/x.md) [c](#top) [d](mailto:x@y.org) " +
		"[e](//cdn.example.org/x.md) [f](keep.md) ![g](img/diagram.png)"
	var asked []string
	resolve := func(dest string) (string, bool) {
		asked = append(asked, dest)
		if dest == "keep.md" {
			return "/ignored/", false
		}
		return "/resolved/" + dest, true
	}
	r := render(t, New(Options{}), 1, src, resolve)
	if want := []string{"../releases/1.4.0.md", "keep.md", "img/diagram.png"}; !reflect.DeepEqual(asked, want) {
		t.Errorf("resolve was asked %q, want %q", asked, want)
	}
	for _, frag := range []string{
		`<a href="/resolved/../releases/1.4.0.md">a</a>`,
		`<a href="https://go.dev/x.md">b</a>`,
		`<a href="#top">c</a>`,
		`<a href="mailto:x@y.org">d</a>`,
		`<a href="//cdn.example.org/x.md">e</a>`,
		`<a href="keep.md">f</a>`,
		`<img src="/resolved/img/diagram.png" alt="g">`,
	} {
		if !strings.Contains(r.HTML, frag) {
			t.Errorf("HTML lacks %s:\n%s", frag, r.HTML)
		}
	}
	if r.Links[0].Dest != "../releases/1.4.0.md" {
		t.Errorf("Links keep the destination as written, got %q", r.Links[0].Dest)
	}
	// A nil resolve leaves every destination alone.
	if r := render(t, New(Options{}), 1, src, nil); !strings.Contains(r.HTML, `href="../releases/1.4.0.md"`) {
		t.Errorf("nil resolve changed a link:\n%s", r.HTML)
	}
}

func TestHeadingsAndTOC(t *testing.T) {
	src := "# 제목\n\n## 배포 절차\n\n### Step *one*\n\n## 배포 절차\n\n#### too deep\n\n## Own {#own-id}\n\n## own-id\n"
	r := render(t, New(Options{}), 1, src, nil)
	want := []site.Heading{
		{Level: 2, ID: "배포-절차", Text: "배포 절차"},
		{Level: 3, ID: "step-one", Text: "Step one"},
		{Level: 2, ID: "배포-절차-1", Text: "배포 절차"},
		{Level: 2, ID: "own-id", Text: "Own"},
		{Level: 2, ID: "own-id-1", Text: "own-id"},
	}
	if !reflect.DeepEqual(r.TOC, want) {
		t.Errorf("TOC = %+v\nwant  %+v", r.TOC, want)
	}
	for _, frag := range []string{`<h1 id="제목">`, `<h2 id="배포-절차-1">`, `<h4 id="too-deep">`, `<h2 id="own-id">Own</h2>`} {
		if !strings.Contains(r.HTML, frag) {
			t.Errorf("HTML lacks %s:\n%s", frag, r.HTML)
		}
	}
}

func TestPlainAndWords(t *testing.T) {
	src := "# Title\n\nSome *emphasis* and `code`,\nwrapped.<br>\n\n```go\nx := 1\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n롤백으로 20분 만에 복구했습니다.\n"
	r := render(t, New(Options{}), 1, src, nil)
	want := "Title\nSome emphasis and code, wrapped.\nx := 1\na b\n1 2\n롤백으로 20분 만에 복구했습니다."
	if r.Plain != want {
		t.Errorf("Plain = %q\nwant    %q", r.Plain, want)
	}
	if r.Words != 17 {
		t.Errorf("Words = %d, want 17", r.Words)
	}
}

func TestRawHTML(t *testing.T) {
	src := "<section>block</section>\n\nPress <kbd>K</kbd>. [x](javascript:alert(1))\n"
	safe := render(t, New(Options{}), 1, src, nil).HTML
	for _, bad := range []string{"<section>", "<kbd>", "javascript:"} {
		if strings.Contains(safe, bad) {
			t.Errorf("safe output contains %s:\n%s", bad, safe)
		}
	}
	unsafe := render(t, New(Options{Unsafe: true}), 1, src, nil).HTML
	for _, good := range []string{"<section>block</section>", "<kbd>K</kbd>"} {
		if !strings.Contains(unsafe, good) {
			t.Errorf("unsafe output lacks %s:\n%s", good, unsafe)
		}
	}
}

func TestHighlight(t *testing.T) {
	src := "```go\nfunc main() {}\n```\n\n```nosuchlang\nfunc main() {}\n```\n\n```\nfunc main() {}\n```\n"
	r := render(t, New(Options{}), 1, src, nil)
	blocks := strings.SplitAfter(r.HTML, "</pre>\n")
	if len(blocks) != 4 || blocks[3] != "" {
		t.Fatalf("want three code blocks, got:\n%s", r.HTML)
	}
	if !strings.Contains(blocks[0], `<pre class="chroma"`) || !strings.Contains(blocks[0], `<span class="kd">func</span>`) {
		t.Errorf("Go block not highlighted with classes:\n%s", blocks[0])
	}
	if strings.Contains(r.HTML, "style=") {
		t.Errorf("highlighting must use classes, not inline styles:\n%s", r.HTML)
	}
	if want := "<pre tabindex=\"0\"><code class=\"language-nosuchlang\">func main() {}\n</code></pre>\n"; blocks[1] != want {
		t.Errorf("unknown language = %q, want %q", blocks[1], want)
	}
	if want := "<pre tabindex=\"0\"><code>func main() {}\n</code></pre>\n"; blocks[2] != want {
		t.Errorf("block without language = %q, want %q (never guessed)", blocks[2], want)
	}
}

func TestFenceError(t *testing.T) {
	fences := map[string]FenceFunc{
		"chart": func(info string, code []byte, pos site.Pos) (string, error) {
			return "", errors.New("bad <series>")
		},
	}
	src := "text\n\n```chart\n<script>x</script>\n```\n"
	r, err := New(Options{Fences: fences}).Render("content/m.md", 5, []byte(src), nil)
	if r == nil {
		t.Fatal("Render returned no page for a failed fence")
	}
	diags, ok := site.AsDiagnostics(err)
	if !ok || len(diags) != 1 {
		t.Fatalf("err = %v, want one diagnostic", err)
	}
	if want := (site.Pos{File: "content/m.md", Line: 7, Col: 1}); diags[0].Pos != want {
		t.Errorf("error at %s, want %s", diags[0].Pos, want)
	}
	if strings.Contains(r.HTML, "<script>") || strings.Contains(r.HTML, "<series>") {
		t.Errorf("error box is not escaped:\n%s", r.HTML)
	}
	if !strings.Contains(r.HTML, `class="fence-error"`) {
		t.Errorf("no error box:\n%s", r.HTML)
	}
}

func TestConcurrentRender(t *testing.T) {
	cache, err := NewHighlightCache("")
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Highlight: cache, Fences: testFences()})
	src, err := os.ReadFile(filepath.Join("testdata", "bench", "runbook.md"))
	if err != nil {
		t.Fatal(err)
	}
	want := render(t, New(Options{Fences: testFences()}), 1, string(src), testResolve).HTML
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			r, err := m.Render("content/runbook.md", 1, src, testResolve)
			if err != nil || r.HTML != want {
				t.Errorf("concurrent render differs (err %v)", err)
			}
		})
	}
	wg.Wait()
}
