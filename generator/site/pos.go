// Package site holds almanac's domain types: pages of each kind, the site
// they form, positions in source files and the diagnostics that point at
// them. It imports only the standard library; every other package talks in
// its terms.
package site

import "fmt"

// Pos is a position in a source file. Line and Col are 1-based; a zero Line
// means the whole file, a zero Col the whole line.
type Pos struct {
	File string // slash-separated path relative to the site root, e.g. content/stories/x.md
	Line int
	Col  int
}

// IsValid reports whether the position names a file.
func (p Pos) IsValid() bool { return p.File != "" }

// String formats the position as file:line:col, dropping parts that are zero.
func (p Pos) String() string {
	s := p.File
	if s == "" {
		s = "-"
	}
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
}

// Before orders positions by file, then line, then column.
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}
