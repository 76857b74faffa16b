package content

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// yamlText is front matter being explained.
type yamlText struct {
	src []byte
	li  *lineIndex
}

// line returns the bounds of the line holding off, without its newline.
func (y *yamlText) line(off int) (start, end int) {
	start = bytes.LastIndexByte(y.src[:off], '\n') + 1
	end = len(y.src)
	if i := bytes.IndexByte(y.src[off:], '\n'); i >= 0 {
		end = off + i
	}
	return start, end
}

func (y *yamlText) at(off int) byte {
	if off < len(y.src) {
		return y.src[off]
	}
	return 0
}

// The hints, by mistake.
const (
	tabIndentHint      = "YAML indents with spaces only: replace the tab with spaces"
	quoteColonHint     = `the value holds ": ", which YAML reads as another key: put the value in quotes, e.g. %s`
	quoteStartHint     = "a YAML value cannot start with %s: put the value in quotes, e.g. %s"
	anchorHint         = "in YAML a value starting with %c is an %s: put the value in quotes, e.g. %s"
	spaceColonHint     = "put a space after the colon: %s"
	blockTextHint      = "indent the text of a | or > value more than its key"
	notKeyHint         = "each line is key: value; indent a line that goes on with the value above, or put the whole value in quotes"
	moreIndentHint     = "this line is indented more than %[1]s, so YAML reads it as more of that value: line it up with %[1]s (%[2]s), or give %[1]s no value of its own if the line belongs under it"
	moreIndentTextHint = "this line is indented more than the line above, so YAML reads it as more of that line's value: indent it as the line above (%s), or put the text in quotes"
	levelHint          = "its indentation (%s) matches no line above: indent it by %s, as the key it belongs with"
	listHint           = "a list item (- …) goes below its key, e.g. tags: and then - a on the next line"
	afterQuoteHint     = `a quoted value ends at its closing quote, so nothing may follow it: quote the whole value, writing a quote inside it as \" (or '' inside single quotes)`
	afterFlowHint      = "a value that starts with [ or { ends at its closing bracket, so nothing may follow it: put the whole value in quotes"
	missingItemHint    = "an item is missing between two commas: remove one, or put the value in quotes"
	extraCloseHint     = "this %c closes nothing: remove it, or put the value in quotes"
	openFlowHint       = "close the %s with %c; if the %c is text, put the whole value in quotes"
	openQuoteHint      = `close the %c that starts this value; if it is part of the text, put the whole value in %s quotes`
	escapeHint         = `inside double quotes a backslash starts an escape: write \\ for a backslash, or use single quotes`
	indicatorHint      = "only a comment may follow | or > on its line: start the text on the next line, indented"
	dashHint           = "a list item (- …) starts its own line: put the items on the lines below the key, indented, or put the value in quotes"
	controlHint        = "remove the invisible control character %U"
	genericKeyValue    = `title: "…"`
)

// explain moves off, where the library stopped, to the character to look
// at for the problem msg, and gives the hint for it.
func (y *yamlText) explain(msg string, off int) (int, string) {
	c := y.at(off)
	switch {
	case c == '\t' && (strings.Contains(msg, "tab character") || strings.Contains(msg, "cannot start any token")):
		return off, tabIndentHint
	case strings.Contains(msg, "tab character"):
		if tab := y.indentTab(off); tab >= 0 {
			return tab, tabIndentHint
		}
	case msg == "found character that cannot start any token":
		switch c {
		case '@', '`':
			return off, fmt.Sprintf(quoteStartHint, string(c), y.quoted(off))
		case '%':
			return off, fmt.Sprintf(quoteStartHint, "% (it would start a directive)", y.quoted(off))
		}
	case msg == "did not find expected alphabetic or numeric character":
		if v := y.valueStart(off); y.at(v) == '&' || y.at(v) == '*' {
			off, c = v, y.at(v) // the name may have run on: *important*
		}
		switch c {
		case '&':
			return off, fmt.Sprintf(anchorHint, c, "anchor (&name)", y.quoted(off))
		case '*':
			return off, fmt.Sprintf(anchorHint, c, "alias (*name)", y.quoted(off))
		}
	case strings.HasPrefix(msg, "unknown anchor '"):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		start, _ := y.line(off)
		if i := bytes.LastIndex(y.src[start:min(off+1, len(y.src))], []byte("*"+name)); i >= 0 {
			off = start + i
		}
		return off, fmt.Sprintf(anchorHint, '*', "alias of an anchor (&name)", y.quoted(off))
	case msg == "mapping values are not allowed in this context":
		return off, y.mappingValue(off)
	case msg == "could not find expected ':'":
		return y.noColon(off)
	case msg == "did not find expected key", msg == "did not find expected '-' indicator":
		return off, y.noKey(off)
	case strings.HasPrefix(msg, "did not find expected ',' or '"):
		open := y.openFlow(off)
		if open >= 0 {
			off = open
		}
		if y.at(off) == '{' || open < 0 && strings.HasSuffix(msg, "'}'") {
			return off, fmt.Sprintf(openFlowHint, "mapping", '}', '{')
		}
		return off, fmt.Sprintf(openFlowHint, "list", ']', '[')
	case msg == "found unexpected end of stream":
		if c == '"' || c == '\'' {
			other := map[byte]string{'"': "single", '\'': "double"}[c]
			return off, fmt.Sprintf(openQuoteHint, c, other)
		}
	case msg == "did not find expected node content":
		switch c {
		case ',':
			// The search stops at the comma before the gap: a text
			// that ends with a comma lacks an item too.
			next := off + 1
			for y.at(next) == ' ' {
				next++
			}
			if c := y.at(next); c == ',' || c == ']' || c == '}' {
				off = next
			}
			return off, missingItemHint
		case ']', '}':
			return off, fmt.Sprintf(extraCloseHint, c)
		}
	case msg == "found unknown escape character":
		if start, _ := y.line(off); c != '\\' && off > start && y.src[off-1] == '\\' {
			off--
		}
		return off, escapeHint
	case msg == "did not find expected comment or line break":
		return off, indicatorHint
	case msg == "block sequence entries are not allowed in this context":
		return off, dashHint
	case msg == "control characters are not allowed":
		r, _ := utf8.DecodeRune(y.src[off:])
		return off, fmt.Sprintf(controlHint, r)
	}
	return off, ""
}

// valueStart returns where the value on the line of off starts, or off
// when the line is not key: value.
func (y *yamlText) valueStart(off int) int {
	start, end := y.line(off)
	line := string(y.src[start:end])
	if marks, key, value, ok := keyValueLine(line); ok && value != "" {
		rest := line[len(marks)+len(key)+1:]
		return start + len(line) - len(strings.TrimLeft(rest, " "))
	}
	return off
}

// indentTab finds a tab in the indentation of the line of off, or the
// line after it (the library may stop at the end of the line before).
func (y *yamlText) indentTab(off int) int {
	for range 2 {
		start, end := y.line(off)
		for i := start; i < end && (y.src[i] == ' ' || y.src[i] == '\t'); i++ {
			if y.src[i] == '\t' {
				return i
			}
		}
		if end >= len(y.src) {
			break
		}
		off = end + 1
	}
	return -1
}

// keyValueLine splits a line into its indentation (with any "- " list marks),
// key and value, when it reads "key: value".
func keyValueLine(line string) (indent, key, value string, ok bool) {
	rest := strings.TrimLeft(line, " ")
	for strings.HasPrefix(rest, "- ") {
		rest = strings.TrimLeft(rest[2:], " ")
	}
	indent = line[:len(line)-len(rest)]
	key, value, ok = strings.Cut(rest, ": ")
	if !ok || key == "" || strings.ContainsAny(key[:1], `"'#[{`) {
		return "", "", "", false
	}
	return indent, key, strings.TrimSpace(value), true
}

// quoted writes the line of off as it would be with its value quoted, for
// an example: title: "Deploy: rollback".
func (y *yamlText) quoted(off int) string {
	start, end := y.line(off)
	_, key, value, ok := keyValueLine(string(y.src[start:end]))
	if !ok || value == "" {
		return genericKeyValue
	}
	switch {
	case !strings.ContainsAny(value, `"\`):
		return key + `: "` + value + `"`
	case !strings.Contains(value, "'"):
		return key + ": '" + value + "'"
	}
	return key + `: "` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(value) + `"`
}

// mappingValue explains a colon where no key may start: either the value
// of the line's own key holds ": ", or the line is indented so that it
// continues the value of the line above.
func (y *yamlText) mappingValue(off int) string {
	start, _ := y.line(off)
	before := string(y.src[start:off])
	if _, _, _, ok := keyValueLine(before + ": "); ok && strings.Contains(before, ": ") {
		return fmt.Sprintf(quoteColonHint, y.quoted(off))
	}
	prev, _, ok := y.previousLine(start)
	if !ok {
		return ""
	}
	marks, key, _, isKey := keyValueLine(prev)
	indent := indentOf(prev)
	if isKey {
		indent = len(marks) // a key after "- " lines up with the text after the mark
	}
	switch {
	case indentOf(before) <= indent:
		return ""
	case isKey:
		return fmt.Sprintf(moreIndentHint, key+":", spaces(indent))
	}
	return fmt.Sprintf(moreIndentTextHint, spaces(indent))
}

// noColon explains a line the library expected to be a key: a colon
// without a space after it, text under a | or > that is not indented, or
// a line that is not key: value at all.
func (y *yamlText) noColon(off int) (int, string) {
	start, end := y.line(off)
	line := string(y.src[start:end])
	rest := strings.TrimLeft(line, " ")
	if i := strings.IndexByte(rest, ':'); i > 0 && i+1 < len(rest) && rest[i+1] != ' ' && !strings.Contains(rest[:i], " ") {
		at := start + len(line) - len(rest) + i
		return at, fmt.Sprintf(spaceColonHint, rest[:i+1]+" "+rest[i+1:])
	}
	if prev, _, ok := y.previousLine(start); ok {
		t := strings.TrimRight(prev, " ")
		if j := strings.LastIndexAny(t, "|>"); j >= 0 && strings.Contains(t[:j], ": ") && strings.Trim(t[j+1:], "+-0123456789") == "" {
			return start + len(line) - len(rest), blockTextHint
		}
	}
	return start + len(line) - len(rest), notKeyHint
}

// noKey explains a token the library found where a key should start: text
// after a closing quote, a bracket that closes nothing, a list item
// without a key, or indentation that matches no line above.
func (y *yamlText) noKey(off int) string {
	start, end := y.line(off)
	line := string(y.src[start:end])
	before := strings.TrimRight(string(y.src[start:off]), " ")
	switch c := y.at(off); {
	case strings.HasSuffix(before, `"`) || strings.HasSuffix(before, "'"):
		return afterQuoteHint
	case c == ']' || c == '}':
		return fmt.Sprintf(extraCloseHint, c)
	case strings.HasSuffix(before, "]") || strings.HasSuffix(before, "}"):
		return afterFlowHint
	case c == '-' && strings.TrimSpace(before) == "":
		if levels := y.levels(start); len(levels) > 0 && indentOf(line) != levels[0] {
			return fmt.Sprintf(levelHint, spaces(indentOf(line)), orSpaces(levels))
		}
		return listHint
	case strings.TrimSpace(before) == "":
		if levels := y.levels(start); len(levels) > 0 {
			return fmt.Sprintf(levelHint, spaces(indentOf(line)), orSpaces(levels))
		}
	}
	return ""
}

// levels lists the indentations a line starting at start may have: that
// of the line above it, then of each line above with less indentation.
func (y *yamlText) levels(start int) []int {
	var out []int
	for {
		prev, at, ok := y.previousLine(start)
		if !ok {
			return out
		}
		if n := indentOf(prev); len(out) == 0 || n < out[len(out)-1] {
			out = append(out, n)
		}
		if out[len(out)-1] == 0 {
			return out
		}
		start = at
	}
}

// previousLine returns the nearest line above the line starting at start
// that holds more than spaces or a comment, and where it starts.
func (y *yamlText) previousLine(start int) (string, int, bool) {
	for start > 0 {
		end := start - 1
		start = bytes.LastIndexByte(y.src[:end], '\n') + 1
		line := string(y.src[start:end])
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "#") {
			return line, start, true
		}
	}
	return "", 0, false
}

// openFlow finds the [ or { that opens the flow collection still open at
// off, scanning from the start: in block context a bracket opens one only
// where a value starts.
func (y *yamlText) openFlow(off int) int {
	var stack []int
	var quote byte
	valueStart := true
	for i := 0; i < off && i < len(y.src); i++ {
		c := y.src[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '\\' && quote == '"' {
				i++
			}
			continue
		case len(stack) == 0 && c == '#' && (i == 0 || y.src[i-1] == ' ' || y.src[i-1] == '\n'):
			for i < len(y.src) && y.src[i] != '\n' {
				i++
			}
			valueStart = true
			continue
		}
		switch c {
		case '[', '{':
			if len(stack) > 0 || valueStart {
				stack = append(stack, i)
			}
		case ']', '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case '"', '\'':
			if len(stack) > 0 || valueStart {
				quote = c
			}
		}
		switch {
		case c == '\n' || c == ' ' && i > 0 && (y.src[i-1] == ':' || y.src[i-1] == '-'):
			valueStart = true
		case c != ' ':
			valueStart = false
		}
	}
	if len(stack) == 0 {
		return -1
	}
	return stack[0]
}

func indentOf(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }

func spaces(n int) string {
	if n == 1 {
		return "1 space"
	}
	return fmt.Sprintf("%d spaces", n)
}

// orSpaces writes indentations as "4, 2 or 0 spaces".
func orSpaces(levels []int) string {
	s := make([]string, len(levels))
	for i, n := range levels {
		s[i] = strconv.Itoa(n)
	}
	if len(s) == 1 {
		return spaces(levels[0])
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1] + " spaces"
}
