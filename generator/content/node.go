package content

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// nodeKind is the shape of a front matter value, whatever its format.
type nodeKind int

const (
	nullNode nodeKind = iota
	stringNode
	intNode
	floatNode
	boolNode
	timeNode // a date or datetime the format itself recognised; text holds it as written
	mapNode
	listNode
)

// describe names a kind for messages ("found a list").
func (k nodeKind) describe() string {
	switch k {
	case stringNode:
		return "text"
	case intNode, floatNode:
		return "a number"
	case boolNode:
		return "true/false"
	case timeNode:
		return "a date"
	case mapNode:
		return "a mapping of keys"
	case listNode:
		return "a list"
	}
	return "nothing"
}

// node is one value of a front matter block with where it stands in the
// file. YAML, TOML and JSON are all turned into this one small tree so that
// decoding and validation are written once.
type node struct {
	kind      nodeKind
	line, col int // 1-based, in the file

	text  string // scalars: the string, or the number/bool/time as text
	num   float64
	inum  int64
	truth bool

	entries []entry // mapNode, in source order
	items   []*node // listNode
}

// entry is one key of a mapping.
type entry struct {
	key       string
	line, col int
	val       *node
}

// isScalar reports whether the node is a single value.
func (n *node) isScalar() bool {
	return n.kind != mapNode && n.kind != listNode && n.kind != nullNode
}

// lookup returns the value of a top-level key, or nil.
func (n *node) lookup(key string) *node {
	if n == nil || n.kind != mapNode {
		return nil
	}
	for _, e := range n.entries {
		if e.key == key {
			return e.val
		}
	}
	return nil
}

// sortEntries orders map entries by position, then key, so that formats
// whose libraries hand back Go maps still give a stable order.
func sortEntries(es []entry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.line != b.line {
			return a.line < b.line
		}
		if a.col != b.col {
			return a.col < b.col
		}
		return a.key < b.key
	})
}

// lineIndex converts byte offsets of a text into 1-based line and rune
// column, shifted by the line on which the text starts in its file.
type lineIndex struct {
	src    []byte
	starts []int
	first  int // file line of the text's first line
}

func newLineIndex(src []byte, firstLine int) *lineIndex {
	li := &lineIndex{src: src, starts: []int{0}, first: firstLine}
	for i, c := range src {
		if c == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

// pos returns the file line and column of byte offset off.
func (li *lineIndex) pos(off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(li.src) {
		off = len(li.src)
	}
	i := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return li.first + i, utf8.RuneCount(li.src[li.starts[i]:off]) + 1
}

// lineOf returns the 1-based line of byte offset off in data.
func lineOf(data []byte, off int) int {
	if off > len(data) {
		off = len(data)
	}
	return 1 + bytes.Count(data[:off], []byte{'\n'})
}

// maxDepth bounds nesting in front matter, so hostile input (deep or
// self-referencing YAML) cannot exhaust the stack.
const maxDepth = 64

// maxNodes bounds the size of one front matter tree after YAML aliases are
// expanded.
const maxNodes = 100000
