package markdown

import (
	"strconv"
	"strings"
	"unicode"
)

// headingIDs hands out heading ids unique within one page. goldmark's own
// generator keeps ASCII only, which leaves Korean headings as "heading",
// "heading-1", …; this one keeps letters and digits of every script.
type headingIDs struct {
	used map[string]bool
	next map[string]int // last suffix tried per base id
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

// reserve marks an explicit id ({#id}) as taken.
func (s *headingIDs) reserve(id string) { s.used[id] = true }

// generate returns a fresh id for a heading with the given visible text:
// its slug, or the slug with "-1", "-2", … appended when already taken.
func (s *headingIDs) generate(text string) string {
	base := slugify(text)
	if !s.used[base] {
		s.used[base] = true
		return base
	}
	for i := s.next[base] + 1; ; i++ {
		id := base + "-" + strconv.Itoa(i)
		if !s.used[id] {
			s.used[id] = true
			s.next[base] = i
			return id
		}
	}
}

// slugify lowercases text, keeps letters, digits, combining marks and
// underscores of any script, turns runs of spaces and hyphens into one
// hyphen and drops the rest. Text with nothing to keep gives "heading".
func slugify(text string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(text) {
		switch {
		case unicode.IsLetter(r), unicode.IsNumber(r), unicode.IsMark(r), r == '_':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case unicode.IsSpace(r), r == '-':
			hyphen = true
		}
	}
	if b.Len() == 0 {
		return "heading"
	}
	return b.String()
}
