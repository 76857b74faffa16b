package markdown

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/dlclark/regexp2/v2"
	"github.com/dlclark/regexp2/v2/syntax"
)

// Chroma's regex lexers try a state's rules in order at each position,
// each a regexp2 match anchored there with \G. regexp2 does not look at
// the first character of an anchored pattern before it runs its matcher,
// so a rule that cannot start with the character at hand still costs a
// match's setup and an allocation, and most tries fail that way: a Go
// block of 450 bytes makes thousands of them, and the highlighting of a
// site's code was a third of its build and half of what it allocated.
//
// A ruleLexer holds a lexer's rules compiled as chroma compiles them, with
// each rule's first characters: the set regexp2 computes for a pattern
// (syntax.Code.FcPrefix) and tries before its matcher in an unanchored
// search, nil where a match may begin with anything or be empty. A rule
// whose set lacks the character at the position cannot match there and
// is passed over. Every rule that is tried is tried as chroma tries it
// (a plain one by a quickRule, which finds what regexp2 finds: see
// lexer_quick.go), and the loop is chroma's own (LexerState.Iterator in
// v2.27.0: the same state stack, mutators, emitters and error tokens), so
// the tokens are chroma's; TestRuleLexerAsChroma and
// TestRuleLexerAsChromaOnItsExamples hold it to chroma on every lexer's
// examples.

// ruleLexer is one chroma lexer's rules with their first characters. It
// is read-only once made, as chroma's compiled rules are.
type ruleLexer struct {
	lexer *chroma.RegexLexer
	rules chroma.CompiledRules
	first map[string][]firstChars // by state, in the order of its rules
	// lexers are where the lexers Using names are found; routes, the
	// emitters of the rules that lex a group again (see route).
	lexers *ruleLexers
	routes map[chroma.Emitter]route
}

// firstChars are the characters a match of rule can begin with; prefix is
// nil when any can.
type firstChars struct {
	rule   *chroma.CompiledRule
	prefix *syntax.Prefix
	quick  *quickRule // nil: regexp2 matches the rule (see lexer_quick.go)
}

// ruleLexers makes each language's ruleLexer once, on first use.
type ruleLexers struct {
	mu   sync.Mutex
	made map[string]*ruleLexer // by language; nil for none
	// of: by chroma's lexer, for the names and aliases of one lexer
	// ("bash", "sh", and "Bash" as a Dockerfile's Using names it).
	of map[*chroma.RegexLexer]*ruleLexer
}

// get returns the ruleLexer of lang, or nil when chroma has no regex lexer
// for it (the caller then leaves the work to chroma).
func (rl *ruleLexers) get(lang string) *ruleLexer {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	if l, ok := rl.made[lang]; ok {
		return l
	}
	if rl.made == nil {
		rl.made, rl.of = map[string]*ruleLexer{}, map[*chroma.RegexLexer]*ruleLexer{}
	}
	var l *ruleLexer
	if rx, ok := lexers.Get(lang).(*chroma.RegexLexer); ok {
		if made, ok := rl.of[rx]; ok {
			l = made
		} else {
			l, _ = newRuleLexer(rx) // on error chroma reports it as before
			if l != nil {
				l.lexers = rl
			}
			rl.of[rx] = l
		}
	}
	rl.made[lang] = l
	return l
}

// ruleTimeout is the limit on one match of one rule. Chroma's is 250 ms,
// but regexp2 measures it on the wall clock: on a loaded machine, or
// across a collection's pause, a match that takes microseconds of work
// can pass it, fail, and leave an error token or a token of another rule
// where the same block came out right in the last build (and the cache
// kept it that way). Ten seconds of one match is a pattern that
// backtracks without end, whatever else the machine does; a block that
// meets it is shown as plain code and not kept (codeBlocks.highlight). A
// variable for the tests.
var ruleTimeout = 10 * time.Second

// newRuleLexer compiles the rules of rx as chroma's RegexLexer does
// (fetchRules and maybeCompile): every pattern anchored with \G under the
// lexer's flags, then the lexer mutators (include, combined) applied
// until none is left.
func newRuleLexer(rx *chroma.RegexLexer) (*ruleLexer, error) {
	raw, err := rx.Rules()
	if err != nil {
		return nil, err
	}
	cfg := rx.Config()
	flags := ""
	if !cfg.NotMultiline {
		flags += "m"
	}
	if cfg.CaseInsensitive {
		flags += "i"
	}
	if cfg.DotAll {
		flags += "s"
	}
	rules := chroma.CompiledRules{}
	prefixes := map[*chroma.CompiledRule]*syntax.Prefix{}
	quicks := map[*chroma.CompiledRule]*quickRule{}
	for state, list := range raw {
		rules[state] = nil
		for _, r := range list {
			c := &chroma.CompiledRule{Rule: r}
			pattern := "(?:" + r.Pattern + ")"
			if flags != "" {
				pattern = "(?" + flags + ")" + pattern
			}
			pattern = `\G` + pattern
			if c.Regexp, err = regexp2.Compile(pattern); err != nil {
				return nil, fmt.Errorf("rule %s: %w", state, err)
			}
			c.Regexp.MatchTimeout = ruleTimeout
			prefixes[c], quicks[c] = analyse(pattern)
			rules[state] = append(rules[state], c)
		}
	}
	for applied := 0; ; applied++ {
		if applied > 10000 {
			return nil, errors.New("lexer mutators do not settle")
		}
		state, i, m := nextLexerMutator(rules)
		if m == nil {
			break
		}
		if err := m.MutateLexer(rules, state, i); err != nil {
			return nil, err
		}
	}
	l := &ruleLexer{lexer: rx, rules: rules, first: make(map[string][]firstChars, len(rules))}
	for state, list := range rules {
		fc := make([]firstChars, len(list))
		for i, r := range list {
			fc[i] = firstChars{rule: r, prefix: prefixes[r], quick: quicks[r]}
			l.addRoute(r.Type)
		}
		l.first[state] = fc
	}
	return l, nil
}

// nextLexerMutator finds a rule whose mutator changes the rules
// themselves.
func nextLexerMutator(rules chroma.CompiledRules) (string, int, chroma.LexerMutator) {
	for state, list := range rules {
		for i, r := range list {
			if m, ok := r.Mutator.(chroma.LexerMutator); ok {
				return state, i, m
			}
		}
	}
	return "", 0, nil
}

// analyse returns the characters a match of pattern can begin with, as
// regexp2 computes them (nil for any), and its quickRule, if it has one.
func analyse(pattern string) (*syntax.Prefix, *quickRule) {
	tree, err := syntax.Parse(pattern, syntax.ParseOptions{})
	if err != nil {
		return nil, nil
	}
	quick := quickRuleOf(tree)
	code, err := syntax.Write(tree)
	if err != nil || code.FcPrefix == nil || code.RightToLeft {
		return nil, quick
	}
	code.PrepareCharSetASCIIBitmaps()
	return code.FcPrefix, quick
}

// tokenise returns an iterator over the tokens of text, as the lexer's
// Tokenise with chroma's default options returns.
func (l *ruleLexer) tokenise(text string) chroma.Iterator { return l.start(text).next }

// start begins a run over text.
func (l *ruleLexer) start(text string) *ruleRun {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	added := false
	if l.lexer.Config().EnsureNL && !strings.HasSuffix(text, "\n") {
		text += "\n"
		added = true
	}
	buf := runeBuffers.Get().(*[]rune)
	runes := (*buf)[:0]
	for _, c := range text {
		runes = append(runes, c)
	}
	r := l.runOn(runes, "root", nil)
	r.added, r.pooled = added, buf
	return r
}

// runeBuffers hold the text of a block's run as runes (regexp2 matches
// runes), four bytes a character: the most a build allocated for
// highlighting after the markup itself.
var runeBuffers = sync.Pool{New: func() any { return new([]rune) }}

// release gives the run's text back to runeBuffers once the block's
// tokens are written; the run is done with then. Only runs start made
// have one to give: the tokens' texts are strings of their own, and the
// runs that lex a group again are done before their block.
func (r *ruleRun) release() {
	if r.pooled == nil {
		return
	}
	if cap(r.st.Text) <= 1<<18 {
		*r.pooled = r.st.Text[:0]
		runeBuffers.Put(r.pooled)
	}
	r.pooled, r.st.Text, r.last = nil, nil, nil
}

// run begins a run over text from state, as chroma's Tokenise does for
// its options' State; top is the run it lexes a group of, nil for none.
func (l *ruleLexer) run(text, state string, top *ruleRun) *ruleRun {
	return l.runOn([]rune(text), state, top)
}

// runOn is run over text as runes.
func (l *ruleLexer) runOn(text []rune, state string, top *ruleRun) *ruleRun {
	r := &ruleRun{l: l, home: state, top: top}
	if top == nil {
		r.top = r
	}
	r.st = chroma.LexerState{
		Lexer:          l.lexer,
		Registry:       lexers.GlobalLexerRegistry,
		Text:           text,
		Stack:          []string{state},
		Rules:          l.rules,
		MutatorContext: map[any]any{},
	}
	return r
}

// ruleRun is one text on its way through a ruleLexer.
type ruleRun struct {
	l   *ruleLexer
	st  chroma.LexerState // what the mutators and emitters see
	its []chroma.Iterator // the emitters' iterators not yet exhausted
	// one is the token of the last match whose rule emits one, while
	// hasOne; it comes before its (which is then empty).
	one    chroma.Token
	hasOne bool
	added  bool     // a newline was added at the end
	home   string   // the state it began in, and goes back to after an error at a newline
	top    *ruleRun // the run whose block this is: itself, or the one that lexes a group again
	tries  int      // rules matched against the text, the groups lexed again included
	// matches are the rules that matched, quickMatches those of them a
	// quickRule matched.
	matches, quickMatches int
	named                 map[string]string // the named groups of the last match
	// groups holds the groups of a quick match, and quick where they
	// were found: read, like named, only while the match is handled;
	// made when a run first needs them.
	groups []string
	quick  quickMatcher
	// last is the last match, while the run stands where it ended: the
	// next rules are tried from it (see match).
	last    *regexp2.Match
	lastEnd int
	// timedOut is set when a match ran out of time: the tokens are not
	// the lexer's.
	timedOut bool
	pooled   *[]rune // where the text goes back to runeBuffers (release)
}

// next is chroma's LexerState.Iterator with the rules matched by match.
func (r *ruleRun) next() chroma.Token {
	l := &r.st
	end := len(l.Text)
	if r.added {
		end--
	}
	for l.Pos < end && len(l.Stack) > 0 {
		if t, ok := r.drain(); ok {
			return t
		}
		l.State = l.Stack[len(l.Stack)-1]
		rules, ok := l.Rules[l.State]
		if !ok {
			panic("unknown state " + l.State)
		}
		index, rule, groups, named := r.match(rules)
		if groups == nil {
			if l.Text[l.Pos] == '\n' && l.State != r.home {
				l.Stack = []string{r.home}
				continue
			}
			l.Pos++
			return chroma.Token{Type: chroma.Error, Value: string(l.Text[l.Pos-1 : l.Pos])}
		}
		l.Rule = index
		l.Groups = groups
		l.NamedGroups = named
		l.Pos += utf8.RuneCountInString(groups[0])
		if rule.Mutator != nil {
			if err := rule.Mutator.Mutate(l); err != nil {
				panic(err)
			}
		}
		if tt, ok := rule.Type.(chroma.TokenType); ok {
			// Most rules emit their match as one token: chroma makes an
			// iterator of it, which drain would take at once.
			r.one, r.hasOne = chroma.Token{Type: tt, Value: l.Groups[0]}, true
		} else if rule.Type != nil {
			r.its = append(r.its, r.emit(rule.Type, l.Groups))
		}
	}
	if t, ok := r.drain(); ok {
		return t
	}
	if l.Pos != len(l.Text) && len(l.Stack) == 0 {
		value := string(l.Text[l.Pos:])
		l.Pos = len(l.Text)
		return chroma.Token{Type: chroma.Error, Value: value}
	}
	return chroma.EOF
}

// drain returns the next token of the emitters' iterators, if any is
// left.
func (r *ruleRun) drain() (chroma.Token, bool) {
	if r.hasOne {
		r.hasOne = false
		if t := r.one; t.Type != chroma.Ignore && t != chroma.EOF {
			return t, true
		}
	}
	for len(r.its) > 0 {
		n := len(r.its) - 1
		t := r.its[n]()
		if t.Type == chroma.Ignore {
			continue
		}
		if t == chroma.EOF {
			r.its = r.its[:n]
			continue
		}
		return t, true
	}
	return chroma.Token{}, false
}

// namedMap returns the run's map of named groups, emptied.
func (r *ruleRun) namedMap() map[string]string {
	if r.named == nil {
		r.named = make(map[string]string)
	} else {
		clear(r.named)
	}
	return r.named
}

// quickGroups returns the groups of a quick match of n runes at the
// position, as the regexp2 path below makes them of a Match: the match,
// then each group's text ("" for one that took no part), and the same
// by name ("0", "1", ...) in the run's map.
func (r *ruleRun) quickGroups(quick *quickRule, n int) []string {
	text, pos := r.st.Text, r.st.Pos
	named := r.namedMap()
	if cap(r.groups) < 1+quick.groups {
		r.groups = make([]string, 1+maxQuickGroups)
	}
	groups := r.groups[:1+quick.groups]
	groups[0] = string(text[pos : pos+n])
	named["0"] = groups[0]
	for g := 1; g < len(groups); g++ {
		v := ""
		if start, end := r.quick.groups[2*g-2], r.quick.groups[2*g-1]; start >= 0 && end >= start {
			v = string(text[start:end])
		}
		groups[g] = v
		named[strconv.Itoa(g)] = v
	}
	return groups
}

// match is chroma's matchRules, passing over the rules that cannot begin
// with the character at the position, and matching those that have a
// quickRule without regexp2.
func (r *ruleRun) match(rules []*chroma.CompiledRule) (int, *chroma.CompiledRule, []string, map[string]string) {
	l := &r.st
	first := r.l.first[l.State]
	c := l.Text[l.Pos]
	for i, rule := range rules {
		var quick *quickRule
		if i < len(first) && first[i].rule == rule {
			if p := first[i].prefix; p != nil && !p.PrefixSet.CharIn(c) {
				continue
			}
			quick = first[i].quick
		}
		r.top.tries++
		if quick != nil {
			n := quick.match(&r.quick, l.Text, l.Pos)
			if n < 0 {
				continue
			}
			r.top.matches++
			r.top.quickMatches++
			r.last = nil                      // the next rule regexp2 tries describes the text anew
			groups := r.quickGroups(quick, n) // makes r.named, on a run's first match
			return i, rule, groups, r.named
		}
		// regexp2 describes the text anew (an allocation) for every
		// FindRunesMatchStartingAt; FindNextMatch goes on from where a
		// match of the same text ended, with its description. Rules are
		// anchored where they start (\G), so from the end of the last
		// match is from the position, as long as the run stands there
		// and that match was not empty (FindNextMatch would step over a
		// character).
		var m *regexp2.Match
		var err error
		if last := r.last; last != nil && r.lastEnd == l.Pos && last.RuneLength > 0 {
			m, err = rule.Regexp.FindNextMatch(last)
			if m != nil && m.RuneIndex != l.Pos {
				m, err = rule.Regexp.FindRunesMatchStartingAt(l.Text, l.Pos)
			}
		} else {
			m, err = rule.Regexp.FindRunesMatchStartingAt(l.Text, l.Pos)
		}
		if err != nil {
			r.top.timedOut = true
		}
		if m != nil && err == nil && m.RuneIndex == l.Pos {
			r.top.matches++
			r.last, r.lastEnd = m, m.RuneIndex+m.RuneLength
			groups := make([]string, 0, m.GroupCount()) // nothing appends to it
			// chroma makes a map a match; the emitters and mutators
			// read it (and raku's write it) while the match is handled,
			// and every token the match emits is taken before the next
			// one, so one map a run serves.
			named := r.namedMap()
			if m.GroupCount() == 1 {
				// Most rules have no groups of their own: the match
				// is the one, without the copy of it Groups makes.
				v := m.String()
				named[m.Name] = v
				return i, rule, append(groups, v), named
			}
			for _, g := range m.Groups() {
				v := g.String() // chroma makes the string twice
				named[g.Name] = v
				groups = append(groups, v)
			}
			return i, rule, groups, named
		}
	}
	return 0, &chroma.CompiledRule{}, nil, nil
}
