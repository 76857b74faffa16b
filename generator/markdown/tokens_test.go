package markdown

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
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
	formatter := chromahtml.New(
		chromahtml.WithClasses(true),
		chromahtml.WithAllClasses(true),
		chromahtml.PreventSurroundingPre(true),
	)
	style := styles.Get(lightStyle)

	type sample struct{ lang, code string }
	var samples []sample
	fence := regexp.MustCompile("(?ms)^```([a-z]+)\n(.*?)^```")
	files, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	files = append(files, filepath.Join("testdata", "bench", "runbook.md"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range fence.FindAllStringSubmatch(string(src), -1) {
			samples = append(samples, sample{m[1], m[2]})
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
			samples = append(samples, sample{lang, c})
		}
	}
	for _, s := range samples {
		lexer := lexers.Get(s.lang)
		if lexer == nil {
			continue
		}
		it, err := chroma.Coalesce(lexer).Tokenise(nil, s.code)
		if err != nil {
			t.Fatal(err)
		}
		var want strings.Builder
		if err := formatter.Format(&want, style, it); err != nil {
			t.Fatal(err)
		}
		it, err = lexer.Tokenise(nil, s.code)
		if err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		writeTokens(&got, it)
		if got.String() != want.String() {
			t.Errorf("%s %.40q:\n got %.300q\nwant %.300q", s.lang, s.code, got.String(), want.String())
		}
	}
	if len(samples) < 100 {
		t.Errorf("only %d samples", len(samples))
	}
}
