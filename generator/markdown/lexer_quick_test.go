package markdown

import (
	"testing"

	"github.com/dlclark/regexp2/v2"
)

// A quickRule finds the match regexp2 finds, at every position of texts
// that trip the cases up; patterns that need backtracking, captures or
// case folding have none.
func TestQuickRuleAsRegexp2(t *testing.T) {
	const either = 2 // regexp2 may have rewritten it into a plain pattern
	for _, c := range []struct {
		pattern string
		quick   int // 1, 0 or either
	}{
		{`\s+`, 1},
		{`\n`, 1},
		{`[a-zA-Z_]\w*`, 1},
		{`(?:if|in|int|else)\b`, 1},
		{`(?:in|int)\b`, 1},
		{`(?:a|ab)\w*c`, 0}, // the loop would have to give back the c
		{`(?:x\s*|y)=`, 1},
		{`(?:x\s*|y)\s`, 0},
		{`\d+\.\d*`, 1},         // the first loop cannot take the dot
		{`.*\n`, 1},             // nor can .* take the newline
		{`//[^\n]*`, 1},         // a loop last
		{`^\s*#[^\n]*`, either}, // \s* cannot take the #
		{`\w+x`, 0},             // \w+ must give back the x
		{`\s+$`, 0},             // \s+ may have to give back a newline
		{`#.*$`, 1},             // .* stops at the newline, where $ holds
		{`[^\n=]+$`, 1},         // or where $ fails however far it goes
		{`[a-z]+[a-z0-9]`, 0},   // sets that meet
		{`(a)b`, 0},             // a group of its own
		{`(?i)select`, either},  // case folding, unless as sets of both cases
		{`a*?b`, either},        // lazy, unless regexp2 found it need not be
		{`x(?=y)`, 0},           // lookahead
		{`a?`, 0},               // may be empty
		{`\bfoo\b`, 1},
		{`(?:->|=>|<=|>=|==)`, 1},
		{`[^"\\]+`, 1},
		{`한글+`, 1},
	} {
		pattern := `\G(?m)(?:` + c.pattern + `)`
		_, q := analyse(pattern)
		if c.quick != either && (q != nil) != (c.quick == 1) {
			t.Errorf("%s: quick %v, want %v", c.pattern, q != nil, c.quick == 1)
			continue
		}
		if q == nil {
			continue
		}
		re := regexp2.MustCompile(pattern)
		for _, text := range []string{
			"if int in else inte x\n  \t\n",
			"3.14 42. 7 .5 a1b2 foo_bar foo\n# comment\n\tx",
			"// line\n//\nabc\"def\\\"g\" 한글글 한 ->=>=<===",
			"# a comment\nx = 1 # more\n#\n#=\nab=",
			"\n\n  \n",
			"SELECT Select sElEcT selects aab ab b abc abxc x = x=y= y  ",
		} {
			runes := []rune(text)
			for pos := range runes {
				want := -1
				if m, err := re.FindRunesMatchStartingAt(runes, pos); err == nil && m != nil && m.RuneIndex == pos {
					want = m.RuneLength
				}
				if got := q.match(runes, pos); got != want {
					t.Errorf("%s at %d of %q: %d runes, regexp2 %d", c.pattern, pos, text, got, want)
				}
			}
		}
	}
}
