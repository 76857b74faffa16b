package markdown

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"almanac/generator/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenBodyLine is where every testdata body pretends to start in its
// file, as if a front matter block of three lines came first.
const goldenBodyLine = 4

// testFences renders ```chart blocks as a figure, failing when the block
// asks for an unknown series.
func testFences() map[string]FenceFunc {
	return map[string]FenceFunc{
		"chart": func(info string, code []byte, pos site.Pos) (string, error) {
			if bytes.Contains(code, []byte("series: unknown")) {
				return "", errors.New(`unknown series "unknown"`)
			}
			return fmt.Sprintf("<figure class=\"chart\" data-info=%q data-at=%q>%d bytes</figure>", info, pos.String(), len(code)), nil
		},
	}
}

// testResolve maps Markdown files to page URLs the way the site does:
// "../releases/1.4.0.md#notes" becomes "/releases/1.4.0/#notes".
func testResolve(dest string) (string, bool) {
	p, frag, _ := strings.Cut(dest, "#")
	if !strings.HasSuffix(p, ".md") {
		return "", false
	}
	p = strings.TrimPrefix(strings.TrimSuffix(p, ".md"), "/")
	for strings.HasPrefix(p, "../") || strings.HasPrefix(p, "./") {
		p = p[strings.Index(p, "/")+1:]
	}
	u := "/" + p + "/"
	if frag != "" {
		u += "#" + frag
	}
	return u, true
}

// newTestMarkdown returns the renderer the golden cases use; files whose
// name starts with "unsafe-" get raw HTML through.
func newTestMarkdown(name string) *Markdown {
	return New(Options{Unsafe: strings.HasPrefix(name, "unsafe-"), Fences: testFences()})
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden cases in testdata")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			r, err := newTestMarkdown(name).Render("content/"+name+".md", goldenBodyLine, src, testResolve)
			if r == nil {
				t.Fatalf("Render: %v", err)
			}
			compareGolden(t, filepath.Join("testdata", name+".golden.html"), r.HTML)
			compareGolden(t, filepath.Join("testdata", name+".golden.txt"), describe(r, err))
		})
	}
}

// describe writes everything but the HTML of a render in the .golden.txt
// format explained in testdata/README.
func describe(r *site.Rendered, err error) string {
	var b strings.Builder
	b.WriteString("== toc\n")
	for _, h := range r.TOC {
		fmt.Fprintf(&b, "h%d #%s %s\n", h.Level, h.ID, h.Text)
	}
	b.WriteString("== links\n")
	for _, l := range r.Links {
		kind := "link"
		if l.Image {
			kind = "image"
		}
		fmt.Fprintf(&b, "%s %s %s\n", l.Pos, kind, l.Dest)
	}
	b.WriteString("== errors\n")
	if d, ok := site.AsDiagnostics(err); ok {
		for _, e := range d {
			b.WriteString(e.Error() + "\n")
		}
	} else if err != nil {
		b.WriteString(err.Error() + "\n")
	}
	fmt.Fprintf(&b, "== words %d\n", r.Words)
	b.WriteString("== plain\n")
	b.WriteString(r.Plain)
	b.WriteString("\n")
	return b.String()
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the output (go test -update rewrites it):\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff shows the first lines where want and got part.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %q\n  got  %q\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}
