package markdown

import (
	"github.com/dlclark/regexp2/v2/syntax"
)

// Most of the matches a highlighted block makes are of rules as plain as
// \s+, \n, [a-zA-Z_]\w* or (if|else|for)\b: characters, classes and words
// in a row, some repeated, some alternatives. regexp2 runs each through
// its backtracking matcher and gives back a new Match, four allocations,
// for every token: more than half of what the highlighting of a site
// allocated. A quickRule matches such a pattern here, on the tree regexp2
// parses, with regexp2's own character classes and word boundaries.
// Groups of its own are kept as regexp2 keeps them: where a group last
// matched, nothing for a group on a path an alternation gave up. Keyword
// rules such as (if|for|func)\b are groups: a third of what regexp2 was
// left to match. Lookaheads take any such steps without groups;
// lookbehinds, one character or a word, as (?<!\.) before Python's
// builtins. A pattern with anything else (lazy loops, loops that may have
// to give characters back, loops of groups, back references, named
// groups, case folding that regexp2 did not turn into classes) has none
// and is left to regexp2. TestQuickRuleAsRegexp2 and
// TestRuleLexerAsChromaOnItsExamples hold the matches and groups to
// regexp2's and the tokens to chroma's.

// quickRule is a pattern as a sequence of steps, matched in order from
// the position where the rule is tried. A loop takes as many characters
// as it can and never gives one back; an alternation tries its
// alternatives in order, each with the steps after it, as regexp2 does;
// an atomic group takes the first match of its steps alone.
type quickRule struct {
	steps []quickStep
	// groups is the number of the pattern's groups, the match itself
	// (group 0) left out: numbered from 1, without gaps or names.
	groups int
}

// maxQuickGroups is the most groups a quickRule keeps; a pattern with
// more is left to regexp2.
const maxQuickGroups = 8

type quickKind uint8

const (
	qOne         quickKind = iota // the rune ch
	qNotOne                       // any rune but ch
	qSet                          // a rune of set
	qWord                         // the runes of word
	qAlt                          // one of alts, tried in order
	qAtomic                       // the first match of alts[0]
	qBoundary                     // \b
	qNonBoundary                  // \B
	qBol                          // ^ in multi-line mode
	qEol                          // $ in multi-line mode
	qOpen                         // group number group begins here
	qClose                        // and ends here
	qAhead                        // alts[0] matches here ((?=...)), or not ((?!...)) if negate
	qBehind                       // the runes before here are alts[0] ((?<=...)), or not ((?<!...))
)

// quickStep is one step; a repeated one (of qOne, qNotOne or qSet) takes
// from min to max runes, as many as it can.
type quickStep struct {
	kind     quickKind
	ch       rune
	set      *syntax.CharSet
	ascii    [2]uint64 // the ASCII runes of set, which the tree's sets look up the slow way
	word     []rune
	alts     [][]quickStep
	min, max int
	repeat   bool
	atomic   bool // a loop regexp2 found need never give back
	group    int  // of qOpen and qClose
	negate   bool // of qAhead and qBehind
}

// quickRuleOf returns the quickRule of a parsed pattern, or nil when
// regexp2 must match it. Patterns are chroma's as newRuleLexer writes
// them: \G, the lexer's flags and the rule's pattern in a group.
func quickRuleOf(tree *syntax.RegexTree) *quickRule {
	if tree.Captop > 1+maxQuickGroups || tree.Capnumlist != nil || tree.Caplist != nil {
		return nil // too many groups, numbered with gaps, or named
	}
	root := tree.Root
	if root.T == syntax.NtCapture && len(root.Children) == 1 {
		root = root.Children[0]
	}
	steps, ok := quickSteps(nil, root)
	if !ok || !validSteps(steps, true) {
		return nil
	}
	return &quickRule{steps: steps, groups: max(tree.Captop-1, 0)}
}

// quickSteps appends the steps of n, reporting whether it can.
func quickSteps(steps []quickStep, n *syntax.RegexNode) ([]quickStep, bool) {
	opts := n.Options
	if n.T == syntax.NtPosLook || n.T == syntax.NtNegLook {
		opts &^= syntax.RightToLeft // a lookbehind, which lookStep takes
	}
	if opts&(syntax.IgnoreCase|syntax.RightToLeft|syntax.ECMAScript) != 0 {
		return nil, false
	}
	var step quickStep
	switch n.T {
	case syntax.NtConcatenate, syntax.NtGroup:
		for _, c := range n.Children {
			var ok bool
			if steps, ok = quickSteps(steps, c); !ok {
				return nil, false
			}
		}
		return steps, true
	case syntax.NtEmpty, syntax.NtStart:
		// \G holds where the rule is tried: the run tries it there.
		return steps, true
	case syntax.NtCapture:
		if n.M < 1 || n.M > maxQuickGroups || n.N != -1 || len(n.Children) != 1 {
			return nil, false // the match itself, or a balancing group
		}
		steps = append(steps, quickStep{kind: qOpen, group: n.M})
		steps, ok := quickSteps(steps, n.Children[0])
		if !ok {
			return nil, false
		}
		return append(steps, quickStep{kind: qClose, group: n.M}), true
	case syntax.NtAlternate, syntax.NtAtomic:
		step.kind = qAlt
		if n.T == syntax.NtAtomic {
			if len(n.Children) != 1 {
				return nil, false
			}
			step.kind = qAtomic
		}
		for _, c := range n.Children {
			alt, ok := quickSteps(nil, c)
			if !ok {
				return nil, false
			}
			step.alts = append(step.alts, alt)
		}
	case syntax.NtPosLook, syntax.NtNegLook:
		var ok bool
		if step, ok = lookStep(n); !ok {
			return nil, false
		}
	case syntax.NtOne:
		step = quickStep{kind: qOne, ch: n.Ch, min: 1, max: 1}
	case syntax.NtNotone:
		step = quickStep{kind: qNotOne, ch: n.Ch, min: 1, max: 1}
	case syntax.NtSet:
		step = quickStep{kind: qSet, set: n.Set, ascii: asciiOf(n.Set), min: 1, max: 1}
	case syntax.NtMulti:
		step = quickStep{kind: qWord, word: n.Str}
	case syntax.NtOneloop, syntax.NtOneloopatomic:
		step = quickStep{kind: qOne, ch: n.Ch, min: n.M, max: n.N, repeat: true, atomic: n.T == syntax.NtOneloopatomic}
	case syntax.NtNotoneloop, syntax.NtNotoneloopatomic:
		step = quickStep{kind: qNotOne, ch: n.Ch, min: n.M, max: n.N, repeat: true, atomic: n.T == syntax.NtNotoneloopatomic}
	case syntax.NtSetloop, syntax.NtSetloopatomic:
		step = quickStep{kind: qSet, set: n.Set, ascii: asciiOf(n.Set), min: n.M, max: n.N, repeat: true, atomic: n.T == syntax.NtSetloopatomic}
	case syntax.NtBoundary:
		step.kind = qBoundary
	case syntax.NtNonboundary:
		step.kind = qNonBoundary
	case syntax.NtBol:
		step.kind = qBol
	case syntax.NtEol:
		step.kind = qEol
	default:
		// Lazy loops, loops of groups, back references, conditions,
		// anchors of the whole text.
		return nil, false
	}
	return append(steps, step), true
}

// lookStep is the step of a lookaround: ahead, any steps without groups
// of their own; behind, one character or a word.
func lookStep(n *syntax.RegexNode) (quickStep, bool) {
	step := quickStep{kind: qAhead, negate: n.T == syntax.NtNegLook}
	if len(n.Children) != 1 {
		return step, false
	}
	c := n.Children[0]
	if n.Options&syntax.RightToLeft != 0 {
		step.kind = qBehind
		switch c.T {
		case syntax.NtOne, syntax.NtNotone, syntax.NtSet, syntax.NtMulti:
		default:
			return step, false
		}
		forward := *c
		forward.Options &^= syntax.RightToLeft
		c = &forward
	}
	look, ok := quickSteps(nil, c)
	if !ok || hasGroups(look) || !validSteps(look, true) {
		return step, false
	}
	step.alts = [][]quickStep{look}
	return step, true
}

// hasGroups reports whether steps set a group.
func hasGroups(steps []quickStep) bool {
	for _, s := range steps {
		if s.kind == qOpen {
			return true
		}
		for _, alt := range s.alts {
			if hasGroups(alt) {
				return true
			}
		}
	}
	return false
}

// validSteps reports whether matching steps as a quickRule does finds
// what regexp2's backtracking finds. A loop would have to give
// characters back to what comes after it, unless regexp2 made it atomic,
// it takes a fixed number of them (as [Ss]{2} in a word under (?i)),
// nothing comes after it (last is set for the steps of the whole pattern,
// and of an alternative of its last alternation), or the next step begins
// with a character the loop does not take: then a shorter loop leaves the
// next step a character it cannot begin with. An atomic group's steps are
// matched alone, as if last. The marks where groups begin and end take
// no characters, and are passed over in looking for what comes next.
func validSteps(steps []quickStep, last bool) bool {
	for i := range steps {
		s := &steps[i]
		next := nextStep(steps, i+1)
		switch s.kind {
		case qOne, qNotOne, qSet:
			if s.max <= 0 || s.min > s.max {
				return false
			}
			if s.repeat && !s.atomic && s.min != s.max {
				if next < len(steps) {
					if !steps[next].beginsApart(s) {
						return false
					}
				} else if !last {
					return false
				}
			}
		case qWord:
			if len(s.word) == 0 {
				return false
			}
		case qAlt, qAtomic:
			if len(s.alts) == 0 {
				return false
			}
			for _, alt := range s.alts {
				if !validSteps(alt, s.kind == qAtomic || last && next == len(steps)) {
					return false
				}
			}
		}
	}
	return true
}

// nextStep is the index of the first step from i on that is not a
// group's mark, len(steps) if none is.
func nextStep(steps []quickStep, i int) int {
	for i < len(steps) && (steps[i].kind == qOpen || steps[i].kind == qClose) {
		i++
	}
	return i
}

// beginsApart reports whether every match of s begins with a character
// that loop does not take, or is a $ that a loop which cannot take a
// newline meets wherever it stops (a shorter loop would stop before a
// character that is not a newline, where $ fails as well).
func (s *quickStep) beginsApart(loop *quickStep) bool {
	switch s.kind {
	case qEol:
		return !loop.takes('\n')
	case qOne, qSet:
		if s.min == 0 {
			return false
		}
		if s.kind == qOne {
			return !loop.takes(s.ch)
		}
		return loop.kind == qOne && !s.set.CharIn(loop.ch)
	case qWord:
		return !loop.takes(s.word[0])
	case qAhead:
		if s.negate {
			return false
		}
		// What follows a positive lookahead begins where it does.
		fallthrough
	case qAlt, qAtomic:
		for _, alt := range s.alts {
			first := nextStep(alt, 0)
			if first == len(alt) || !alt[first].beginsApart(loop) {
				return false
			}
		}
		return true
	}
	return false
}

// behindRunes is how many runes a lookbehind's step takes: one, or its
// word's.
func behindRunes(steps []quickStep) int {
	if len(steps) == 1 && steps[0].kind == qWord {
		return len(steps[0].word)
	}
	return 1
}

// quickMatcher is what matching a quickRule needs besides the rule: the
// groups found and the alternations being tried, kept by a run between
// matches so that a match allocates nothing.
type quickMatcher struct {
	text []rune
	// groups gets where each group began and ended, two entries a group
	// from group 1 on, -1 for a group that took no part.
	groups []int
	// thens are what comes after the alternations being tried, innermost
	// last: the rest of the steps that hold one, and the index of what
	// comes after those (-1 for nothing).
	thens []then
}

type then struct {
	steps []quickStep
	next  int
}

// match returns the length of q's match at pos in text, or -1, with its
// groups in m.groups.
func (q *quickRule) match(m *quickMatcher, text []rune, pos int) int {
	if cap(m.groups) < 2*q.groups {
		m.groups = make([]int, 2*maxQuickGroups)
	}
	m.text, m.groups, m.thens = text, m.groups[:2*q.groups], m.thens[:0]
	for i := range m.groups {
		m.groups[i] = -1
	}
	end := m.steps(q.steps, pos, -1)
	if end < 0 {
		return -1
	}
	return end - pos
}

// steps matches steps and then what follows (an index in m.thens) at in
// m.text, returning where the match ends, or -1; groups are set as the
// steps pass their marks, and put back as they were when an alternative
// fails.
func (m *quickMatcher) steps(steps []quickStep, at, follow int) int {
	text := m.text
	for i := range steps {
		s := &steps[i]
		switch s.kind {
		case qOne, qNotOne, qSet:
			n := 0
			for n < s.max && at+n < len(text) && s.takes(text[at+n]) {
				n++
			}
			if n < s.min {
				return -1
			}
			at += n
		case qWord:
			if !hasWord(text, at, s.word) {
				return -1
			}
			at += len(s.word)
		case qAlt:
			m.thens = append(m.thens, then{steps: steps[i+1:], next: follow})
			rest := len(m.thens) - 1
			var was [2 * maxQuickGroups]int
			copy(was[:], m.groups)
			end := -1
			for _, alt := range s.alts {
				if end = m.steps(alt, at, rest); end >= 0 {
					break
				}
				copy(m.groups, was[:])
			}
			m.thens = m.thens[:rest]
			return end
		case qAtomic:
			if at = m.steps(s.alts[0], at, -1); at < 0 {
				return -1
			}
		case qAhead:
			if (m.steps(s.alts[0], at, -1) >= 0) == s.negate {
				return -1
			}
		case qBehind:
			n := behindRunes(s.alts[0])
			if (at >= n && m.steps(s.alts[0], at-n, -1) == at) == s.negate {
				return -1
			}
		case qOpen:
			m.groups[2*s.group-2] = at
		case qClose:
			m.groups[2*s.group-1] = at
		case qBoundary, qNonBoundary:
			b := (at > 0 && syntax.IsWordChar(text[at-1])) != (at < len(text) && syntax.IsWordChar(text[at]))
			if b != (s.kind == qBoundary) {
				return -1
			}
		case qBol:
			if at > 0 && text[at-1] != '\n' {
				return -1
			}
		case qEol:
			if at < len(text) && text[at] != '\n' {
				return -1
			}
		}
	}
	if follow < 0 {
		return at
	}
	f := m.thens[follow]
	return m.steps(f.steps, at, f.next)
}

func (s *quickStep) takes(r rune) bool {
	switch s.kind {
	case qOne:
		return r == s.ch
	case qNotOne:
		return r != s.ch
	}
	if uint32(r) < 128 {
		return s.ascii[r>>6]&(1<<(r&63)) != 0
	}
	return s.set.CharIn(r)
}

// asciiOf returns the ASCII runes of set as a bitmap.
func asciiOf(set *syntax.CharSet) [2]uint64 {
	var bits [2]uint64
	for r := range rune(128) {
		if set.CharIn(r) {
			bits[r>>6] |= 1 << (r & 63)
		}
	}
	return bits
}

func hasWord(text []rune, at int, w []rune) bool {
	if len(text)-at < len(w) {
		return false
	}
	for i, r := range w {
		if text[at+i] != r {
			return false
		}
	}
	return true
}
