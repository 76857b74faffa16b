package content

import (
	"bytes"
	"errors"
	"strconv"
	"time"

	"github.com/BurntSushi/toml"
)

// parseTOML parses TOML front matter (or almanac.toml) that starts on file
// line firstLine. The TOML library decodes and validates; a scanner of our
// own supplies the positions.
func parseTOML(raw []byte, firstLine int) (root *node, err error) {
	defer func() {
		if r := recover(); r != nil {
			root, err = nil, &posError{line: firstLine, msg: "TOML front matter could not be parsed"}
		}
	}()
	var data map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(raw)).Decode(&data); err != nil {
		return nil, tomlError(err, raw, firstLine)
	}
	pos := scanTOMLPositions(raw, firstLine)
	root = tomlNode(data, "", [2]int{firstLine, 1}, pos, 0)
	return root, nil
}

func tomlError(err error, raw []byte, firstLine int) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		li := newLineIndex(raw, firstLine)
		line, col := li.pos(pe.Position.Start)
		if pe.Position.Line > 0 && line != firstLine+pe.Position.Line-1 {
			line, col = firstLine+pe.Position.Line-1, 0
		}
		return &posError{line: line, col: col, msg: "malformed TOML front matter: " + pe.Message}
	}
	return &posError{line: firstLine, msg: "malformed TOML front matter: " + err.Error()}
}

func tomlNode(v any, path string, at [2]int, pos *tomlPositions, depth int) *node {
	if p, ok := pos.vals[path]; ok && path != "" {
		at = p
	}
	n := &node{line: at[0], col: at[1]}
	if depth > maxDepth {
		return n
	}
	switch v := v.(type) {
	case map[string]any:
		n.kind = mapNode
		for k, val := range v {
			kp := joinPath(path, k)
			e := entry{key: k, line: at[0], col: at[1]}
			if p, ok := pos.keys[kp]; ok {
				e.line, e.col = p[0], p[1]
			}
			e.val = tomlNode(val, kp, at, pos, depth+1)
			n.entries = append(n.entries, e)
		}
		sortEntries(n.entries)
	case []map[string]any:
		n.kind = listNode
		for i, item := range v {
			n.items = append(n.items, tomlNode(item, indexPath(path, i), at, pos, depth+1))
		}
	case []any:
		n.kind = listNode
		for i, item := range v {
			n.items = append(n.items, tomlNode(item, indexPath(path, i), at, pos, depth+1))
		}
	case string:
		n.kind, n.text = stringNode, v
	case int64:
		n.kind, n.inum, n.num, n.text = intNode, v, float64(v), strconv.FormatInt(v, 10)
	case float64:
		n.kind, n.num, n.text = floatNode, v, strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		n.kind, n.truth, n.text = boolNode, v, strconv.FormatBool(v)
	case time.Time:
		n.kind, n.text = timeNode, tomlTimeText(v)
	}
	return n
}

// tomlTimeText writes a TOML date or time back as text so that every format
// goes through the same date parsing.
func tomlTimeText(t time.Time) string {
	frac := ""
	if t.Nanosecond() != 0 {
		frac = ".999999999"
	}
	switch t.Location().String() {
	case "date-local":
		return t.Format("2006-01-02")
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05" + frac)
	case "time-local":
		return t.Format("15:04:05" + frac)
	}
	return t.Format(time.RFC3339Nano)
}
