package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// parseJSON parses JSON front matter starting on file line firstLine, from
// the decoder's tokens, taking each value's position from InputOffset.
func parseJSON(raw []byte, firstLine int) (root *node, err error) {
	defer func() {
		if r := recover(); r != nil {
			root, err = nil, &posError{line: firstLine, msg: "JSON front matter could not be parsed"}
		}
	}()
	b := &jsonBuilder{raw: raw, li: newLineIndex(raw, firstLine), dec: json.NewDecoder(bytes.NewReader(raw))}
	b.dec.UseNumber()
	if len(bytes.TrimSpace(raw)) == 0 {
		return &node{kind: mapNode, line: firstLine, col: 1}, nil
	}
	root, err = b.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := b.dec.Token(); err != io.EOF {
		line, col := b.li.pos(b.start())
		return nil, &posError{line: line, col: col, msg: "malformed JSON front matter: unexpected text after the object"}
	}
	return root, nil
}

type jsonBuilder struct {
	raw   []byte
	li    *lineIndex
	dec   *json.Decoder
	count int
}

// start returns the offset where the next token begins.
func (b *jsonBuilder) start() int {
	off := int(b.dec.InputOffset())
	for off < len(b.raw) && strings.IndexByte(" \t\r\n,:", b.raw[off]) >= 0 {
		off++
	}
	return off
}

// fail reports a decoding error. The streaming decoder's offsets are not
// always from the start of the text, and start skips commas (so "x",, would
// be reported at the next key), so the text is scanned again as a whole:
// json.Unmarshal's syntax error has the exact offset of the first bad byte.
// off, where the token being read starts, is the fallback.
func (b *jsonBuilder) fail(err error, off int) error {
	msg := err.Error()
	var se *json.SyntaxError
	if e := json.Unmarshal(b.raw, new(any)); errors.As(e, &se) {
		msg, off = se.Error(), int(se.Offset)-1
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || strings.HasPrefix(msg, "unexpected end of JSON") {
		end := len(bytes.TrimRight(b.raw, " \t\r\n"))
		msg, off = "unexpected end of JSON", end
		if _, open := jsonEnd(b.raw, 0); open >= 0 {
			l, c := b.li.pos(open)
			msg = fmt.Sprintf("unexpected end of JSON: the %c at line %d, column %d is never closed", b.raw[open], l, c)
		}
	}
	line, col := b.li.pos(off)
	return &posError{line: line, col: col, msg: "malformed JSON front matter: " + msg}
}

// jsonEnd finds where the JSON value that opens at raw[start] with { or [
// is closed, skipping strings: end is the offset just after the closing
// bracket, or -1 when the text ends first; open is then the offset of the
// innermost bracket left open (-1 when end was found or nothing opened).
// Brackets of the wrong kind are counted as if they matched: the parser
// reports those.
func jsonEnd(raw []byte, start int) (end, open int) {
	var stack []int
	inString := false
	for i := start; i < len(raw); i++ {
		c := raw[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			stack = append(stack, i)
		case '}', ']':
			if len(stack) == 0 {
				return -1, -1
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return i + 1, -1
			}
		}
	}
	if len(stack) == 0 {
		return -1, -1
	}
	return -1, stack[len(stack)-1]
}

func (b *jsonBuilder) value(depth int) (*node, error) {
	b.count++
	off := b.start()
	line, col := b.li.pos(off)
	if depth > maxDepth || b.count > maxNodes {
		return nil, &posError{line: line, col: col, msg: "front matter is nested too deeply"}
	}
	tok, err := b.dec.Token()
	if err != nil {
		return nil, b.fail(err, off)
	}
	n := &node{line: line, col: col}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.kind = mapNode
			for b.dec.More() {
				koff := b.start()
				kl, kc := b.li.pos(koff)
				kt, err := b.dec.Token()
				if err != nil {
					return nil, b.fail(err, koff)
				}
				key, _ := kt.(string)
				val, err := b.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.entries = append(n.entries, entry{key: key, line: kl, col: kc, val: val})
			}
		case '[':
			n.kind = listNode
			for b.dec.More() {
				item, err := b.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, item)
			}
		default:
			return nil, &posError{line: line, col: col, msg: "malformed JSON front matter: unexpected " + t.String()}
		}
		end := b.start()
		if _, err := b.dec.Token(); err != nil { // the closing delimiter
			return nil, b.fail(err, end)
		}
	case string:
		n.kind, n.text = stringNode, t
	case json.Number:
		n.text = t.String()
		if i, err := t.Int64(); err == nil {
			n.kind, n.inum, n.num = intNode, i, float64(i)
		} else if f, err := t.Float64(); err == nil {
			n.kind, n.num = floatNode, f
		} else {
			n.kind = stringNode
		}
	case bool:
		n.kind, n.truth = boolNode, t
		if t {
			n.text = "true"
		} else {
			n.text = "false"
		}
	case nil:
		n.kind = nullNode
	}
	return n, nil
}
