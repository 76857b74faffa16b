package markdown

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// chromaTestdata is the folder of chroma's own lexer tests, in the module
// cache; "" when the go command cannot name it.
func chromaTestdata(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/alecthomas/chroma/v2").Output()
	if err != nil {
		return ""
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "lexers", "testdata")
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	return dir
}

// A ruleLexer gives chroma's tokens for every example of chroma's own
// lexer tests, and says how many of its matches the quick rules made
// (lexer_quick.go).
func TestRuleLexerAsChromaOnItsExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the examples of every lexer")
	}
	dir := chromaTestdata(t)
	if dir == "" {
		t.Skip("chroma's module is not in the module cache")
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.actual"))
	if err != nil || len(names) < 100 {
		t.Fatalf("%d examples in %s (%v)", len(names), dir, err)
	}
	var rl ruleLexers
	checked, quick, matched := 0, 0, 0
	for _, name := range names {
		lang := strings.TrimSuffix(filepath.Base(name), ".actual")
		lx := lexers.Get(lang)
		l := rl.get(lang)
		if lx == nil || l == nil {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		it, err := lx.Tokenise(nil, text)
		if err != nil {
			continue
		}
		want := it.Tokens()
		run := l.start(text)
		var got []chroma.Token
		for tok := run.next(); tok != chroma.EOF; tok = run.next() {
			got = append(got, tok)
		}
		checked++
		quickAsRegexp2(t, lang, l, []rune(text))
		quick += run.quickMatches
		matched += run.matches
		if len(got) != len(want) {
			t.Errorf("%s: %d tokens, chroma %d", lang, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: token %d is %v, chroma's %v", lang, i, got[i], want[i])
				break
			}
		}
	}
	t.Logf("%d examples; %d of %d matches made without regexp2", checked, quick, matched)
	if checked < 100 {
		t.Errorf("only %d examples checked", checked)
	}
}

// quickAsRegexp2 checks that every quick rule of l matches as regexp2
// does, groups and all, at each of the first positions of text.
func quickAsRegexp2(t *testing.T, lang string, l *ruleLexer, text []rune) {
	t.Helper()
	text = text[:min(len(text), 400)]
	for state, rules := range l.first {
		for _, fc := range rules {
			if fc.quick == nil {
				continue
			}
			for pos := range text {
				if msg := quickDiffers(fc.rule.Regexp, fc.quick, text, pos); msg != "" {
					t.Errorf("%s, state %s, rule %s at %d: %s", lang, state, fc.rule.Pattern, pos, msg)
					return
				}
			}
		}
	}
}
