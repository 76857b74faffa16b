package content

import (
	"errors"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The YAML library reports a syntax error as "yaml: line N: problem", with
// no column, and for errors of its parser (as opposed to its scanner) N is
// often the line where the enclosing block began, counted from zero, not
// the line of the problem. So the position is found again here: the library is asked
// which is the shortest start of the text that already fails with the same
// problem, whole lines first, then character by character within the line.
// Its last character is where the library stopped. Knowing what each
// problem means, the position is then moved to the character a reader
// should look at (the quote that is never closed, the colon without a
// space) and a hint added for the common mistakes.

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): `)

// maxYAMLSearch bounds the front matter whose error position is searched
// for; each step of the search parses up to the error once.
const maxYAMLSearch = 1 << 20

// yamlProblem returns the library's message for err without its "yaml:"
// and "line N:" prefixes, and N (0 when there is none).
func yamlProblem(err error) (msg string, line int) {
	msg = err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	return strings.TrimPrefix(msg, "yaml: "), line
}

// yamlFails reports whether src fails to parse with the problem msg.
func yamlFails(src []byte, msg string) (fails bool) {
	defer func() {
		if recover() != nil {
			fails = false
		}
	}()
	var doc yaml.Node
	err := yaml.Unmarshal(src, &doc)
	if err == nil {
		return false
	}
	got, _ := yamlProblem(err)
	return got == msg
}

// yamlError turns the YAML library's error for raw, which starts on file
// line firstLine, into a posError with the line and column of the problem
// and, for the common mistakes, a hint.
func yamlError(err error, raw []byte, firstLine int) error {
	msg, n := yamlProblem(err)
	pe := &posError{line: firstLine, msg: "malformed YAML front matter: " + msg}
	if n > 0 {
		pe.line = firstLine + n - 1
	}
	y := &yamlText{src: raw, li: newLineIndex(raw, firstLine)}
	off, ok := yamlFailAt(raw, msg)
	if !ok {
		// Without a position of its own, a tab in the indentation of the
		// reported line, or the next, is still worth pointing at.
		if i := pe.line - firstLine; n > 0 && i < len(y.li.starts) {
			if tab := y.indentTab(y.li.starts[i]); tab >= 0 {
				pe.line, pe.col = y.li.pos(tab)
				pe.hint = tabIndentHint
			}
		}
		return pe
	}
	off, pe.hint = y.explain(msg, off)
	pe.line, pe.col = y.li.pos(off)
	return pe
}

// yamlFailAt finds the offset of the character at which parsing raw first
// fails with msg.
func yamlFailAt(raw []byte, msg string) (int, bool) {
	if len(raw) > maxYAMLSearch || !yamlFails(raw, msg) {
		return 0, false
	}
	// ends[k] is the end of line k+1, its newline included.
	var ends []int
	for i, c := range raw {
		if c == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(raw) {
		ends = append(ends, len(raw))
	}
	k := sort.Search(len(ends), func(k int) bool { return yamlFails(raw[:ends[k]], msg) })
	if k == len(ends) {
		return 0, false
	}
	start := 0
	if k > 0 {
		start = ends[k-1]
	}
	// The ends of each character of the line; the last one is the line's
	// own end, newline included.
	var cuts []int
	for i := start; i < ends[k]; {
		_, size := utf8.DecodeRune(raw[i:])
		i += size
		cuts = append(cuts, i)
	}
	if len(cuts) == 0 {
		return start, true
	}
	c := sort.Search(len(cuts), func(c int) bool { return c == len(cuts)-1 || yamlFails(raw[:cuts[c]], msg) })
	if c == 0 {
		return start, true
	}
	return cuts[c-1], true // the first character of the failing cut
}
