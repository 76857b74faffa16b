package markdown

import (
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// lexerSamples are texts in the languages sites write most, with what
// trips a lexer up: unterminated strings, carriage returns, no newline at
// the end, other languages inside (HTML's script and style), non-ASCII.
var lexerSamples = map[string]string{
	"go":         "package main\n\nimport \"fmt\"\n\n// Main says hello.\nfunc main() {\n\tx := []int{1, 2, 0x3f}\n\tfmt.Printf(\"%d %s\\n\", len(x), `raw\nstring`)\n\tvar r rune = '한'\n\t_ = r\n}",
	"python":     "@dataclass\nclass A(B):\n    \"\"\"Doc.\"\"\"\n    def f(self, x: int = 3) -> str:\n        return f\"{x!r:>10} {self.y}\" + 'unterminated\n    z = [i ** 2 for i in range(10) if i % 2]\r\n",
	"bash":       "#!/bin/bash\nset -euo pipefail\nfor f in *.md; do\n  echo \"$f: $(wc -l < \"$f\")\" >> out.txt\ndone\ncat <<EOF\nheredoc $HOME\nEOF\n",
	"yaml":       "# config\nservice:\n  name: \"api\"\n  replicas: 3\n  ports: [80, 443]\n  env:\n    - {name: A, value: 'x'}\n  script: |\n    make build\n    make test\nanchor: &a\n  k: v\nref: *a\n",
	"json":       "{\"a\": [1, 2.5e3, true, null], \"b\": {\"c\": \"d\\\"e\"}, \"broken\": [}\n",
	"sql":        "SELECT u.id, COUNT(*) AS n -- users\nFROM users u\nJOIN orders o ON o.user_id = u.id\nWHERE o.created_at > '2026-01-01' AND u.name LIKE 'K%'\nGROUP BY u.id HAVING COUNT(*) > 3;\n/* done */",
	"dockerfile": "FROM golang:1.26 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app ./cmd/app \\\n    && strip /app\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]\n",
	"typescript": "interface P<T> { id: number; value?: T }\nexport async function get<T>(url: string): Promise<P<T>> {\n  const r = await fetch(`${base}/${url}`);\n  return (await r.json()) as P<T>; // cast\n}\nconst re = /ab+c/gi;\n",
	"html":       "<!doctype html>\n<html><head><style>p { color: red; }</style>\n<script>const x = 1 < 2 && \"</p>\";</script></head>\n<body><p class=\"a\">Hi &amp; bye</p><!-- c --></body></html>",
	"rust":       "fn main() {\n    let v: Vec<u8> = vec![1, 2];\n    println!(\"{:?}\", v); // 'a lifetime\n}\n",
	"java":       "public class A { @Override public String toString() { return \"A\" + 1L; } }",
	"diff":       "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-old\n+new\n context",
}

// TestRuleLexerAsChroma: a ruleLexer gives chroma's own tokens, one for
// one, for each language's sample and for all the samples together, and
// tries far fewer rules than chroma for the samples of the languages
// sites write most. (Checked by hand against the examples of chroma's
// own tests, lexers/testdata, and 17,448 code blocks of a generated
// corpus: the same tokens.)
func TestRuleLexerAsChroma(t *testing.T) {
	var rl ruleLexers
	same := func(lang, text string) bool {
		t.Helper()
		lx := lexers.Get(lang)
		it, err := lx.Tokenise(nil, text)
		if err != nil {
			return true // ruleLexers.get leaves it to chroma
		}
		want := it.Tokens()
		l := rl.get(lang)
		if l == nil {
			t.Errorf("%s: no ruleLexer", lang)
			return false
		}
		got := l.tokenise(text).Tokens()
		if len(got) != len(want) {
			t.Errorf("%s: %d tokens, chroma %d", lang, len(got), len(want))
			return false
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: token %d is %v, chroma's %v", lang, i, got[i], want[i])
				return false
			}
		}
		return true
	}
	var all strings.Builder
	for _, text := range lexerSamples {
		all.WriteString(text)
		all.WriteString("\n")
	}
	for lang := range lexerSamples {
		same(lang, all.String())
	}
	for lang, text := range lexerSamples {
		same(lang, text)
	}

	for _, lang := range []string{"go", "python", "bash", "yaml", "json", "sql", "dockerfile", "typescript"} {
		l := rl.get(lang)
		run := l.start(lexerSamples[lang])
		for t := run.next(); t != chroma.EOF; t = run.next() {
		}
		every := *l
		every.first = nil // every rule tried, as chroma tries them
		all := every.start(lexerSamples[lang])
		for t := all.next(); t != chroma.EOF; t = all.next() {
		}
		if run.tries*2 > all.tries {
			t.Errorf("%s: %d rules tried, %d without first characters", lang, run.tries, all.tries)
		}
	}
}

// TestRuleLexerLexesGroupsAgain: where a rule lexes a group again (a
// Dockerfile's shell commands with Using, Go's calls with UsingSelf in
// ByGroups), a run does it with its own rules, not chroma's loop: the
// tokens are chroma's all the same.
func TestRuleLexerLexesGroupsAgain(t *testing.T) {
	var rl ruleLexers
	for lang, text := range map[string]string{
		"dockerfile": lexerSamples["dockerfile"],
		"go":         "package main\n\nfunc main() {\n\tf (1)\n\tg\t(h  (2))\n}\n", // space before a call's (
	} {
		l := rl.get(lang)
		if len(l.routes) == 0 {
			t.Fatalf("%s: no rule lexes a group again", lang)
		}
		routed := l.start(text)
		got := chroma.Iterator(routed.next).Tokens()
		chromas := *l
		chromas.routes = nil
		plain := chromas.start(text)
		want := chroma.Iterator(plain.next).Tokens()
		if len(got) != len(want) {
			t.Fatalf("%s: %d tokens, %d with chroma's loop", lang, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%s: token %d is %v, %v with chroma's loop", lang, i, got[i], want[i])
			}
		}
		if routed.tries <= plain.tries {
			t.Errorf("%s: %d rules tried, as many as without lexing the groups (%d)", lang, routed.tries, plain.tries)
		}
	}
}

// TestRuleLexersOnePerLexer: the names and aliases of one chroma lexer
// share one ruleLexer, compiled once.
func TestRuleLexersOnePerLexer(t *testing.T) {
	var rl ruleLexers
	bash := rl.get("bash")
	for _, name := range []string{"Bash", "sh", "shell"} {
		if l := rl.get(name); l != bash {
			t.Errorf("%s: another ruleLexer than bash's", name)
		}
	}
	if rl.get("go") == bash {
		t.Error("go: bash's ruleLexer")
	}
}

// TestRuleLexerOutOfTime: a match that runs out of time is noted, so that
// the block is shown as plain code and not kept; one that does not, is
// not.
func TestRuleLexerOutOfTime(t *testing.T) {
	rx := chroma.MustNewLexer(&chroma.Config{Name: "backtracks"}, func() chroma.Rules {
		return chroma.Rules{"root": {
			{Pattern: `(a+)+$`, Type: chroma.Text}, // backtracks without end on a…ab
			{Pattern: `(?s).+`, Type: chroma.Text},
		}}
	})
	run := func(timeout time.Duration, text string) bool {
		t.Helper()
		saved := ruleTimeout
		ruleTimeout = timeout
		defer func() { ruleTimeout = saved }()
		l, err := newRuleLexer(rx)
		if err != nil {
			t.Fatal(err)
		}
		r := l.start(text)
		if len(chroma.Iterator(r.next).Tokens()) == 0 {
			t.Fatal("no tokens")
		}
		return r.timedOut
	}
	if !run(time.Millisecond, strings.Repeat("a", 40)+"b") {
		t.Error("a match that ran out of time was not noted")
	}
	if run(time.Minute, "aaab") {
		t.Error("a match that ended in time was noted")
	}
}
