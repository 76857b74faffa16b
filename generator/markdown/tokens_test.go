package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// TestTokensAsChroma holds writeTokens to the markup of chroma's HTML
// formatter with the options it replaces, over the code of the testdata
// and cases made to reach its corners: long runs of one type, carriage
// returns, quotes, no final newline, invalid UTF-8, text no rule matches.
func TestTokensAsChroma(t *testing.T) {
	samples := tokenSamples(t)
	for _, s := range samples {
		lexer := lexers.Get(s.lang)
		if lexer == nil {
			continue
		}
		want := chromaMarkup(t, lexer, s.code)
		it, err := lexer.Tokenise(nil, s.code)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		writeTokens(&got, it)
		if got.String() != want {
			t.Errorf("%s %.40q:\n got %.300q\nwant %.300q", s.lang, s.code, got.String(), want)
		}
	}
	if len(samples) < 100 {
		t.Errorf("only %d samples", len(samples))
	}
}

// tokenSample is a code block of a language.
type tokenSample struct{ lang, code string }

// tokenSamples are the fenced blocks of the test pages and corner cases:
// CRLF returns, quotes, no final newline, invalid UTF-8, text no rule
// matches, long lines and long blocks.
func tokenSamples(t *testing.T) []tokenSample {
	t.Helper()
	var samples []tokenSample
	fence := regexp.MustCompile("(?ms)^```([a-z]+)\n(.*?)^```")
	files, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	files = append(files, filepath.Join("testdata", "bench", "runbook.md"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range fence.FindAllStringSubmatch(string(src), -1) {
			samples = append(samples, tokenSample{m[1], m[2]})
		}
	}
	long := strings.Repeat("x = 1 # "+strings.Repeat("c", 300)+"\n", 60)
	corners := []string{
		"",
		"\n",
		"no newline at the end",
		"a = \"<b>&'quoted'</b>\"\r\nb = 2\r\n",
		"s = '" + strings.Repeat("y", 20000) + "'\n",
		long,
		"# " + strings.Repeat("z", 9000) + "\n" + strings.Repeat("\n", 5),
		"bad \xff\xfe utf-8 \u00e9 한국어 \n",
		"@@@ ??? ``` \t\t\n",
	}
	for _, lang := range []string{"go", "python", "bash", "sh", "yaml", "json", "sql", "dockerfile", "typescript", "javascript", "html", "toml", "diff", "text"} {
		for _, c := range corners {
			samples = append(samples, tokenSample{lang, c})
		}
	}
	return samples
}

// TestHighlightAsChromaInAnyOrder holds highlight, which writes in
// pooled buffers and lexes pooled runes, to chroma's markup whatever
// blocks came before it: longer ones or shorter ones, on one goroutine
// or on four at once.
func TestHighlightAsChromaInAnyOrder(t *testing.T) {
	var samples []tokenSample
	var want []string
	for _, s := range tokenSamples(t) {
		lexer := lexers.Get(s.lang)
		if lexer == nil || (&ruleLexers{}).get(s.lang) == nil {
			continue
		}
		samples = append(samples, s)
		want = append(want, `<pre class="chroma" tabindex="0"><code class="language-`+s.lang+`">`+
			chromaMarkup(t, lexer, s.code)+"</code></pre>\n")
	}
	if len(samples) < 100 {
		t.Fatalf("only %d samples with a rule lexer", len(samples))
	}
	e := newCodeBlocks(nil)
	check := func(i int) {
		got, keep := e.highlight(samples[i].lang, []byte(samples[i].code))
		if got != want[i] || !keep {
			t.Errorf("%s %.40q (keep %v):\n got %.300q\nwant %.300q", samples[i].lang, samples[i].code, keep, got, want[i])
		}
	}
	for i := range samples {
		check(i)
	}
	for i := len(samples) - 1; i >= 0; i-- {
		check(i)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range samples {
				check((k*(2*g+1) + g) % len(samples))
			}
		}()
	}
	wg.Wait()
}

// chromaMarkup is what chroma's HTML formatter writes for code, with the
// options writeTokens replaces, after chroma.Coalesce.
func chromaMarkup(t *testing.T, lexer chroma.Lexer, code string) string {
	t.Helper()
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		t.Fatal(err)
	}
	formatter := chromahtml.New(
		chromahtml.WithClasses(true),
		chromahtml.WithAllClasses(true),
		chromahtml.PreventSurroundingPre(true),
	)
	var b strings.Builder
	if err := formatter.Format(&b, styles.Get(lightStyle), it); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
