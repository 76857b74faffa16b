package build

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/adrg/frontmatter"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"almanac/generator/corpus"
	"almanac/generator/markdown"
	"almanac/generator/output"
)

// The benchmarks build a generated corpus from disk. Compare a full build
// with the floor, the least any generator must do: read the files, split
// the front matter and render the bodies with goldmark and the same
// highlighting. Run by hand:
//
//	go test ./generator/build -run '^$' -bench . -benchtime 3x -benchmem
//
// The 10,000-page cases only run with -bench that names them, and take a
// while on two cores.

func corpusDir(b *testing.B, pages int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site")
	if err := corpus.WriteDir(dir, corpus.Options{Pages: pages, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return dir
}

func benchBuild(b *testing.B, pages int, cacheDir func() string) {
	dir := corpusDir(b, pages)
	src := os.DirFS(dir)
	if cache := cacheDir(); cache != "" {
		// Fill the cache folder first, as an earlier build would have.
		bld, err := New(Options{Source: src, Theme: theme(), CacheDir: cache})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := bld.Generate(context.Background(), testNow, output.NewMemory()); err != nil {
			b.Fatal(err)
		}
	}
	var st Stages
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bld, err := New(Options{Source: src, Theme: theme(), CacheDir: cacheDir()})
		if err != nil {
			b.Fatal(err)
		}
		res, err := bld.Generate(context.Background(), testNow, output.NewMemory())
		if err != nil {
			b.Fatal(err)
		}
		st.Load += res.Stages.Load
		st.Pages += res.Stages.Pages
		st.Lists += res.Stages.Lists
	}
	b.ReportMetric(float64(b.Elapsed().Seconds())/float64(b.N)/float64(pages)*1000, "s/1000pages")
	total := float64(st.Load + st.Pages + st.Lists)
	b.ReportMetric(100*float64(st.Load)/total, "%load")
	b.ReportMetric(100*float64(st.Pages)/total, "%pages")
	b.ReportMetric(100*float64(st.Lists)/total, "%lists")
}

// BenchmarkBuild: a cold build, nothing cached.
func BenchmarkBuild1000(b *testing.B)  { benchBuild(b, 1000, func() string { return "" }) }
func BenchmarkBuild10000(b *testing.B) { benchBuild(b, 10000, func() string { return "" }) }

// BenchmarkBuildPages builds a corpus of ALMANAC_BENCH_PAGES pages (1,000
// when unset), warm: for finding what grows faster than the page count,
// with -cpuprofile or -memprofile at two sizes.
//
//	ALMANAC_BENCH_PAGES=20000 go test ./generator/build -run '^$' -bench BuildPages -benchtime 1x -cpuprofile /tmp/20k.prof
func BenchmarkBuildPages(b *testing.B) {
	pages := 1000
	if n, err := strconv.Atoi(os.Getenv("ALMANAC_BENCH_PAGES")); err == nil && n > 0 {
		pages = n
	}
	cache := b.TempDir()
	benchBuild(b, pages, func() string { return cache })
}

// BenchmarkBuildWarm: the highlighting cache folder of an earlier build is
// kept, as Netlify's build cache or a developer's machine keeps it.
func BenchmarkBuildWarm1000(b *testing.B) {
	cache := b.TempDir()
	benchBuild(b, 1000, func() string { return cache })
}

func BenchmarkBuildWarm10000(b *testing.B) {
	cache := b.TempDir()
	benchBuild(b, 10000, func() string { return cache })
}

func benchFloor(b *testing.B, pages int, floor func(fs.FS) error) {
	dir := corpusDir(b, pages)
	src := os.DirFS(dir)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := floor(src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Seconds())/float64(b.N)/float64(pages)*1000, "s/1000pages")
}

// floor reads every Markdown file, splits its front matter and renders its
// body, on as many goroutines as the build uses.
func floor(src fs.FS) error { return floorTo(src, "") }

// floorTo is floor that also writes each page's HTML into a folder of its
// own under dest, as a build gives each page its URL, unless dest is "":
// the file system's share of the least a build must do.
func floorTo(src fs.FS, dest string) error {
	hc, err := markdown.NewHighlightCache("")
	if err != nil {
		return err
	}
	md := markdown.New(markdown.Options{Highlight: hc})
	return floorWith(src, dest, func(p string, body []byte) (string, error) {
		r, err := md.Render(p, 1, body, nil)
		if err != nil {
			return "", err
		}
		return r.HTML, nil
	})
}

// stockFloor is floor with the Markdown rendered as goldmark and chroma
// render it when nothing is added to them: goldmark with the extensions
// the build uses, each fenced block tokenised by chroma's own lexer and
// written by its HTML formatter. The build highlights with rule lexers
// of its own (the same tokens, found faster), which floor shares.
func stockFloor(src fs.FS) error {
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAttribute()),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(chromaBlocks{}, 100))),
	)
	return floorWith(src, "", func(_ string, body []byte) (string, error) {
		var b strings.Builder
		err := md.Convert(body, &b)
		return b.String(), err
	})
}

// chromaBlocks renders fenced code blocks with chroma.
type chromaBlocks struct{}

func (chromaBlocks) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	format := chromahtml.New(chromahtml.WithClasses(true))
	r.Register(ast.KindFencedCodeBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		block := n.(*ast.FencedCodeBlock)
		var code strings.Builder
		for i := range block.Lines().Len() {
			line := block.Lines().At(i)
			code.Write(line.Value(src))
		}
		lexer := lexers.Get(string(block.Language(src)))
		if lexer == nil {
			lexer = lexers.Fallback
		}
		tokens, err := lexer.Tokenise(nil, code.String())
		if err != nil {
			return ast.WalkStop, err
		}
		return ast.WalkSkipChildren, format.Format(w, styles.Fallback, tokens)
	})
}

// floorWith reads every Markdown file under content, splits its front
// matter and renders its body with render, on as many goroutines as the
// build uses; see floorTo for dest.
func floorWith(src fs.FS, dest string, render func(path string, body []byte) (string, error)) error {
	var paths []string
	err := fs.WalkDir(src, "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	var (
		wg   sync.WaitGroup
		next = make(chan string)
		errs = make(chan error, runtime.GOMAXPROCS(0))
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				data, err := fs.ReadFile(src, p)
				if err == nil {
					var fm map[string]any
					var body []byte
					body, err = frontmatter.Parse(bytes.NewReader(data), &fm)
					var html string
					if err == nil {
						html, err = render(p, body)
					}
					if err == nil && dest != "" {
						dir := filepath.Join(dest, filepath.FromSlash(strings.TrimSuffix(p, ".md")))
						if err = os.MkdirAll(dir, 0o755); err == nil {
							err = os.WriteFile(filepath.Join(dir, "index.html"), []byte(html), 0o644)
						}
					}
				}
				if err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

func BenchmarkFloor1000(b *testing.B)       { benchFloor(b, 1000, floor) }
func BenchmarkFloor10000(b *testing.B)      { benchFloor(b, 10000, floor) }
func BenchmarkStockFloor1000(b *testing.B)  { benchFloor(b, 1000, stockFloor) }
func BenchmarkStockFloor10000(b *testing.B) { benchFloor(b, 10000, stockFloor) }
