package markdown

import (
	"sort"

	"almanac/generator/site"
)

// lineIndex maps byte offsets of a body to positions in its file.
type lineIndex struct {
	file     string
	bodyLine int   // file line of the body's first line
	starts   []int // offset at which each body line starts
}

func newLineIndex(file string, bodyLine int, src []byte) lineIndex {
	if bodyLine < 1 {
		bodyLine = 1
	}
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{file: file, bodyLine: bodyLine, starts: starts}
}

// pos returns the file position of byte offset off in the body: the line
// counted from bodyLine and the 1-based byte column within that line. A
// negative offset gives the file alone.
func (x lineIndex) pos(off int) site.Pos {
	if off < 0 {
		return site.Pos{File: x.file}
	}
	// The last line starting at or before off.
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	return site.Pos{File: x.file, Line: x.bodyLine + i, Col: off - x.starts[i] + 1}
}
