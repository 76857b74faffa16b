package markdown

import (
	"fmt"
	"slices"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/dlclark/regexp2/v2"
)

// A quickRule finds the match and the groups regexp2 finds, at every
// position of texts that trip the cases up; patterns that need
// backtracking or case folding have none.
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
		{`(a)b`, 1},             // a group of its own
		{`(if|in|int)\b`, 1},
		{`(a)|(ab)|(b)`, 1},                // groups on paths given up
		{`(a(b|))(c|bc)`, 1},               // a group inside a group, taken back
		{`(x\s*)(=)|(x)(\s*)(y)`, 1},       // groups undone when the first fails
		{`(\w+)(\s*)(\()`, 0},              // \w+ and \s* meet
		{`([a-z]+)(\s+)(=)`, 1},            // the loops begin apart
		{`(a)(b)(c)(d)(e)(f)(g)(h)(i)`, 0}, // more groups than kept
		{`(?<name>a)`, 0},                  // a named group
		{`(?:(a)|b)+`, 0},                  // a loop of groups
		{`((?:\s+))`, 1},
		{``, 1},                        // empty, as a state's default rule
		{`(?i)select`, either},         // case folding, unless as sets of both cases
		{`(?i)(class|access|as)\b`, 1}, // the sets of both cases, [Ss]{2} among them
		{`[a-z]{2}[a-z]`, 1},           // a loop of a fixed count gives nothing back
		{`a*?b`, either},               // lazy, unless regexp2 found it need not be
		{`x(?=y)`, 1},                  // lookahead
		{`x(?!y)`, 1},
		{`^(?=\s|/|<!--)`, 1},
		{`\d+(?= |$)`, 1},    // what the lookahead begins with, the loop cannot take
		{`\w+(?=x)`, 0},      // the loop must give back the x
		{`x(?=(y))`, 0},      // a group set in a lookahead
		{`(?<!\.)(ab)\b`, 1}, // lookbehind, one character
		{`(?<=::)\w+`, 1},    // or a word
		{`(?<![a-z]x)y`, 0},  // more than that
		{`(?<!x)`, 1},
		{`a?`, 1}, // may be empty
		{`\s*`, 1},
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
			"x.ab ab .ab::ab :ab xy xz x 12 3$ 4x xx\n1\n<!-- /a CLASS Access aSS asS classes abc abbc ac abd bc x  y x= xy abcdefghi (a) f (x) f(",
		} {
			runes := []rune(text)
			for pos := range runes {
				if msg := quickDiffers(re, q, runes, pos); msg != "" {
					t.Errorf("%s at %d of %q: %s", c.pattern, pos, text, msg)
				}
			}
		}
	}
}

// quickDiffers says how q's match at pos differs from regexp2's, "" when
// it does not: its length, and each group's text.
func quickDiffers(re *regexp2.Regexp, q *quickRule, text []rune, pos int) string {
	var want []string
	if m, err := re.FindRunesMatchStartingAt(text, pos); err == nil && m != nil && m.RuneIndex == pos {
		for _, g := range m.Groups() {
			want = append(want, g.String())
		}
	}
	run := &ruleRun{st: chroma.LexerState{Text: text, Pos: pos}}
	n := q.match(&run.quick, text, pos)
	var got []string
	if n >= 0 {
		got = run.quickGroups(q, n)
		for i, v := range got {
			if run.named[fmt.Sprint(i)] != v || len(run.named) != len(got) {
				return fmt.Sprintf("groups by name %v, in order %q", run.named, got)
			}
		}
	}
	if !slices.Equal(got, want) || (n < 0) != (want == nil) {
		return fmt.Sprintf("%d runes, groups %q; regexp2 %q", n, got, want)
	}
	return ""
}
